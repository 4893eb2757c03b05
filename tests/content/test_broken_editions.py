"""Every rule for an edition, proven by a broken copy of the example edition and its exact Swedish message.

Each case in tests/corpus/broken_editions/ edits a copy of editions/_exempel/
placed outside the repository, and `make check UTGAVA=<copy>` must fail with
exactly the expected messages, without a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ENV, ROOT, copy_project
from corpus_cases import apply_edits, load_case

EDITION_CASES = sorted((CORPUS / "broken_editions").glob("*.yml"))
EXAMPLE_EDITION = ROOT / "editions" / "_exempel"
# A copy of the example keeps its _ prefix: an example edition may leave out the kommunkod.
COPY_NAME = "_exempelutgava"


def check_edition(project: Path, workplace: Path, case: dict) -> subprocess.CompletedProcess:
    """Copy the example edition into workplace, apply the case's edits and run the check from there."""
    edition = workplace / case.get("folder", COPY_NAME)
    shutil.copytree(EXAMPLE_EDITION, edition)
    apply_edits(edition, case["edits"])
    return subprocess.run([sys.executable, "-m", "verktygsladan", "--root", str(project), "--utgava", edition.name,
                           "check"], cwd=workplace, env={**ENV, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True)


@pytest.fixture(scope="module")
def real_project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("handbok") / "projekt")


def test_the_example_edition_passes_from_outside_the_repository(real_project, tmp_path):
    result = check_edition(real_project, tmp_path, {"edits": []})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Innehållet är giltigt: 9 metoder i Exempelkommuns utgåva kontrollerade."


def test_the_corpus_covers_the_rules_for_editions():
    assert len(EDITION_CASES) >= 15


@pytest.mark.parametrize("case_file", EDITION_CASES, ids=[c.stem for c in EDITION_CASES])
def test_broken_edition_is_refused_with_exact_message(case_file: Path, real_project, tmp_path):
    case = load_case(case_file)
    result = check_edition(real_project, tmp_path, case)
    assert result.returncode == 1, f"{case['rule']}: kontrollen gick igenom.\n{result.stdout}"
    assert "Traceback" not in result.stderr
    reported = [line for line in result.stderr.splitlines() if line.startswith("Fel i ")]
    assert reported == case["expected"], f"{case['rule']}\nFick:\n" + "\n".join(reported)
