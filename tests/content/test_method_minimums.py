"""Every published method stays complete enough to run from its page alone.

The editorial floor lives in verktygsladan/content/publishing_floor.py and runs
in `make check`; these tests add what only the real content can show.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from verktygsladan.content import load_handbook
from verktygsladan.content.publishing_floor import MIN_CHECKLIST_ITEMS, MIN_SOURCES, MIN_STEP_TEXT, MIN_STEPS

HANDBOOK = load_handbook(ROOT)
METHODS = HANDBOOK.methods


def by_slug(method) -> str:
    return method.slug


def test_the_real_handbook_reaches_the_publishing_floor():
    """The floor itself (steps, checklist, template, participants, sources, relations, no leftovers from the
    example) is checked by load_handbook, so loading the handbook above already proves it; each rule has
    its own broken-corpus case. This says so explicitly, with the numbers editors read in CONTRIBUTING.md."""
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for number in (MIN_STEPS, MIN_STEP_TEXT, MIN_CHECKLIST_ITEMS, MIN_SOURCES):
        assert f"minst {number}" in contributing
    assert all(len(m.steps) >= MIN_STEPS for m in METHODS)


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_every_legal_statement_is_checked_against_a_linked_text_or_marked_as_unchecked(method):
    for basis in method.legal_basis:
        assert basis.law and basis.section
        if basis.as_of:
            assert basis.url.startswith("https://") and not basis.needs_check
            assert basis.as_of <= method.trust.last_reviewed
        else:
            assert basis.needs_check.strip()


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_examples_name_their_source(method):
    for example in method.examples:
        assert example.source_url.startswith(("http://", "https://"))
