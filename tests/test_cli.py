"""`python -m verktygsladan`, which `make check` and `make schema` run."""

from __future__ import annotations

from conftest import run_cli


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
