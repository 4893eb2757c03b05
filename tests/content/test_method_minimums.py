"""Every published method stays complete enough to run from its page alone.

These minimums are the handbook's editorial floor: a later edit cannot
quietly hollow a method out. The schema's own limits are looser on purpose,
so that a new method can be drafted and checked step by step.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from verktygsladan.content import load_handbook

HANDBOOK = load_handbook(ROOT)
METHODS = HANDBOOK.methods

MIN_STEPS = 5
MIN_CHECKLIST_ITEMS = 8
MIN_SOURCES = 3


def by_slug(method) -> str:
    return method.slug


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_method_has_enough_concrete_steps(method):
    assert len(method.steps) >= MIN_STEPS
    for step in method.steps:
        assert len(step.description) >= 80, f"Steget \"{step.title}\" är för tunt beskrivet."


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_method_has_a_real_checklist(method):
    assert max((len(c.items) for c in method.checklists), default=0) >= MIN_CHECKLIST_ITEMS


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_method_declares_a_template_with_something_to_fill_in(method):
    assert method.templates
    for template in method.templates:
        assert any(section.fill_in or section.table for section in template.sections), template.title


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_method_says_who_leads_and_who_takes_part(method):
    assert method.people.lead
    assert method.people.participants


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_method_rests_on_sources_with_urls(method):
    assert len(method.sources) >= MIN_SOURCES
    assert all(source.url.startswith(("http://", "https://")) for source in method.sources)


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_method_has_purpose_background_and_fit(method):
    assert method.text.purpose
    assert method.text.background
    assert method.when_to_use and method.when_not_to_use
    assert method.outputs and (method.tips or method.pitfalls)


@pytest.mark.parametrize("method", METHODS, ids=by_slug)
def test_method_is_placed_in_the_planning_process_and_linked_to_others(method):
    assert method.phases
    assert any(HANDBOOK.related(method).values())


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
