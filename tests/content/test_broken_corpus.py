"""Every validation rule, proven by a broken method and its exact Swedish message.

Each file in tests/corpus/broken/ describes edits to the complete example
method in tests/corpus/valid/ and the messages `make check` must print. The
run must fail with exit code 1, print no traceback and report every expected
error, and nothing else, in one run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import CORPUS, run_cli

CASES = sorted((CORPUS / "broken").glob("*.yml"))


def apply_edits(methods_dir: Path, edits: list[dict]) -> None:
    for edit in edits:
        target = methods_dir / edit["file"]
        if "copy_from" in edit:
            shutil.copytree(methods_dir / edit["copy_from"], target)
        elif "delete" in edit:
            target.unlink() if target.is_file() else shutil.rmtree(target)
        elif "write" in edit:
            target.write_text(edit["write"], encoding="utf-8")
        elif "write_bytes_hex" in edit:
            target.write_bytes(bytes.fromhex(edit["write_bytes_hex"]))
        else:
            text = target.read_text(encoding="utf-8")
            assert edit["replace"] in text, f"{edit['replace']!r} finns inte i {edit['file']}"
            target.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")


def test_corpus_covers_every_rule():
    assert len(CASES) >= 30


def test_valid_example_passes(corpus_project: Path):
    result = run_cli(corpus_project, "check")
    assert result.returncode == 0, result.stderr
    assert "1 metod kontrollerade" in result.stdout


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_broken_method_is_refused_with_exact_message(case_file: Path, corpus_project: Path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_edits(corpus_project / "methods", case["edits"])

    result = run_cli(corpus_project, "check")

    assert result.returncode == 1, f"{case['rule']}: kontrollen gick igenom.\n{result.stdout}"
    assert "Traceback" not in result.stderr
    reported = [line for line in result.stderr.splitlines() if line.startswith("Fel i ")]
    assert reported == case["expected"], f"{case['rule']}\nFick:\n" + "\n".join(reported)
    assert result.stderr.startswith(f"Innehållet har {len(case['expected'])} fel och kan inte byggas.")
