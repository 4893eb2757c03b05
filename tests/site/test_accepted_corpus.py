"""Tricky content that must be accepted, built once, and shown exactly as the editor wrote it.

Each case in tests/corpus/accepted/ edits the valid example method in a way
that looks suspicious but is honest text (an "&", a "<" that starts no tag,
Jinja braces, a byte-order mark, a link to another page). All cases are
applied to one project and built once; each case then checks what a reader
sees, and no page may hold live markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, assert_built, copy_project, mkdocs_build
from corpus_cases import ACCEPTED, apply_edits, load_case
from site_helpers import live_markup, page, text


def test_the_accepted_corpus_covers_each_kind_of_tricky_text():
    assert len(ACCEPTED) >= 5


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("godtaget") / "projekt", methods_from=CORPUS / "valid")
    for case_file in ACCEPTED:
        apply_edits(project / "methods", load_case(case_file)["edits"])
    assert_built(mkdocs_build(project))
    return project / "site"


@pytest.mark.parametrize("case_file", ACCEPTED, ids=[c.stem for c in ACCEPTED])
def test_accepted_content_is_shown_as_written(case_file: Path, accepted_site: Path):
    case = load_case(case_file)
    for expectation in case["expect"]:
        soup = page(accepted_site, expectation["page"])
        element = soup.select_one(expectation["selector"])
        assert element is not None, f"{case['rule']}: {expectation['selector']} saknas på {expectation['page']}"
        shown = element.get(expectation["attribute"]) if "attribute" in expectation else text(element)
        if "contains" in expectation:
            assert expectation["contains"] in shown, case["rule"]
        else:
            assert shown == expectation["text"], case["rule"]


def test_no_page_of_the_accepted_site_holds_live_markup(accepted_site: Path):
    found = {}
    for html_file in sorted(accepted_site.rglob("*.html")):
        relative = html_file.relative_to(accepted_site).as_posix()
        problems = live_markup(page(accepted_site, relative))
        if problems:
            found[relative] = problems
    assert not found, found
