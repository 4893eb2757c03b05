"""The editors' field reference is made from the content model, so it names every field the check knows."""

from __future__ import annotations

from verktygsladan.content.fields import Choice, ListOf, Nested
from verktygsladan.content.publishing_floor import MIN_CHECKLIST_ITEMS, MIN_SOURCES, MIN_STEPS
from verktygsladan.content.schema import Method, MethodText
from verktygsladan.pages.field_reference import render_field_reference


def dotted_fields(record, prefix=()):
    for name, field in record.fields.items():
        path = prefix + (name,)
        yield ".".join(path), field
        inner = field.item if isinstance(field, ListOf) else field
        if isinstance(inner, Nested):
            yield from dotted_fields(inner.record, path)


def test_every_field_is_described_with_its_status_and_allowed_values(handbook):
    page = render_field_reference(handbook)
    fields = list(dotted_fields(Method))
    assert len(fields) > 60
    for dotted, field in fields:
        assert f"`{dotted}` – {field.label}" in page, dotted
        inner = field.item if isinstance(field, ListOf) else field
        if isinstance(inner, Choice):
            for value in handbook.vocabulary.terms(inner.vocabulary):
                assert f"`{value}`" in page
    for field in MethodText.fields.values():
        assert f"`## {field.label}`" in page


def test_the_publishing_floor_status_values_and_title_are_explained(handbook):
    page = render_field_reference(handbook)
    for floor in (f"minst {MIN_STEPS} steg", f"minst {MIN_CHECKLIST_ITEMS} punkter", f"minst {MIN_SOURCES} källor"):
        assert floor in page
    for term in handbook.vocabulary.terms("statuses").values():
        assert term.description in page
    assert "`short_title` (Kort namn) är en kortare form" in page


def test_examples_come_from_the_example_method(handbook):
    page = render_field_reference(handbook)
    example = handbook.example_method
    assert f"Exempel: `{example['title']}`" in page
    assert f"Exempel: `{example['sources'][0]['url']}`" in page
