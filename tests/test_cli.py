"""`python -m verktygsladan`, which `make check` and `make schema` run."""

from __future__ import annotations

import re

from conftest import run_cli
from corpus_cases import CASES, apply_edits, load_case


def test_check_passes_on_valid_content(corpus_project):
    result = run_cli(corpus_project, "check")
    assert result.returncode == 0
    assert result.stdout.strip() == "Innehållet är giltigt: 1 metod kontrollerade."


def test_check_fails_without_traceback(corpus_project):
    (corpus_project / "methods" / "exempel" / "method.yml").write_text("id: [\n", encoding="utf-8")
    result = run_cli(corpus_project, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Fel i methods/exempel/method.yml, rad" in result.stderr


def test_schema_check_notices_a_stale_schema(corpus_project):
    assert run_cli(corpus_project, "schema", "--check").returncode == 0
    vocabulary = corpus_project / "methods" / "vocabulary.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(
        "  - id: barn\n", "  - id: tonaringar\n    name: Tonåringar\n  - id: barn\n"), encoding="utf-8")
    stale = run_cli(corpus_project, "schema", "--check")
    assert stale.returncode == 1
    assert "make schema" in stale.stderr
    assert run_cli(corpus_project, "schema").returncode == 0
    assert "tonaringar" in (corpus_project / "methods" / "method.schema.json").read_text(encoding="utf-8")


def test_generate_writes_the_pages(corpus_project):
    result = run_cli(corpus_project, "generate")
    assert result.returncode == 0
    assert (corpus_project / "docs" / "metoder" / "exempel.md").is_file()


def test_the_pull_request_mode_annotates_each_error_on_its_file_and_line(corpus_project):
    """What GitHub shows on the changed line of a pull request: one workflow command per error."""
    case = load_case(next(c for c in CASES if c.stem == "dubbla-steg-id"))
    apply_edits(corpus_project / "methods", case["edits"])
    result = run_cli(corpus_project, "check", "--github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == len(case["expected"]) >= 1
    for annotation, expected in zip(annotations, case["expected"]):
        where, line, message = re.fullmatch(r"Fel i ([^,]+), rad (\d+), fält \"[^\"]+\": (.*)", expected).groups()
        assert annotation.startswith(f"::error file={where},line={line},title=")
        assert annotation.endswith("::" + message.replace("%", "%25"))
    # Without the flag the output is the editor's report only.
    assert "::error" not in run_cli(corpus_project, "check").stdout
