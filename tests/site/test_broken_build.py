"""Every broken method stops the real build with its Swedish message and leaves site/ as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import assert_built, copy_project, CORPUS, mkdocs_build
from corpus_cases import CASES, apply_edits, load_case
from site_helpers import tree_digest


@pytest.fixture(scope="module")
def built_corpus_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("byggd") / "projekt", methods_from=CORPUS / "valid")
    assert_built(mkdocs_build(project))
    return project


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_broken_method_stops_the_build_before_site_is_touched(case_file, built_corpus_project, tmp_path):
    project = tmp_path / "projekt"
    shutil.copytree(built_corpus_project, project, symlinks=True)
    before = tree_digest(project / "site")
    case = load_case(case_file)
    apply_edits(project / "methods", case["edits"])

    result = mkdocs_build(project)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for message in case["expected"]:
        assert message in result.stderr
    assert tree_digest(project / "site") == before
