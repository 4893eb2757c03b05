"""Every validation rule, proven by a broken method and its exact Swedish message.

`make check` must fail with exit code 1, print no traceback and report every
expected error, and nothing else, in one run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from corpus_cases import CASES, apply_edits, load_case


def test_corpus_covers_every_rule():
    assert len(CASES) >= 30


def test_valid_example_passes(corpus_project: Path):
    result = run_cli(corpus_project, "check")
    assert result.returncode == 0, result.stderr
    assert "1 metod kontrollerade" in result.stdout


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_broken_method_is_refused_with_exact_message(case_file: Path, corpus_project: Path):
    case = load_case(case_file)
    apply_edits(corpus_project / "methods", case["edits"])

    result = run_cli(corpus_project, "check")

    assert result.returncode == 1, f"{case['rule']}: kontrollen gick igenom.\n{result.stdout}"
    assert "Traceback" not in result.stderr
    reported = [line for line in result.stderr.splitlines() if line.startswith("Fel i ")]
    assert reported == case["expected"], f"{case['rule']}\nFick:\n" + "\n".join(reported)
    assert result.stderr.startswith(f"Innehållet har {len(case['expected'])} fel och kan inte byggas.")
