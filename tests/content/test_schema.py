"""The schema is the single source: the published JSON Schema follows it."""

from __future__ import annotations

import json

from conftest import ROOT
from verktygsladan.content.fields import Choice, ListOf, Nested, Record
from verktygsladan.content.json_schema import method_json_schema, render_json_schema
from verktygsladan.content.schema import Method
from verktygsladan.content.vocabulary import VocabularyFile


def all_fields(record: type[Record]):
    for field in record.fields.values():
        yield field
        inner = field.item if isinstance(field, ListOf) else field
        if isinstance(inner, Nested):
            yield from all_fields(inner.record)
        else:
            yield inner


def test_committed_json_schema_is_in_sync(handbook):
    committed = (ROOT / "methods" / "method.schema.json").read_text(encoding="utf-8")
    assert committed == render_json_schema(handbook.vocabulary), "Kör `make schema` och checka in filen."


def test_json_schema_lists_vocabulary_values(handbook):
    schema = method_json_schema(handbook.vocabulary)
    phases = schema["properties"]["phases"]["items"]["enum"]
    assert phases == list(handbook.vocabulary.terms("phases"))
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {name for name, f in Method.fields.items() if f.required}


def test_json_schema_is_valid_json_with_swedish_titles(handbook):
    schema = json.loads(render_json_schema(handbook.vocabulary))
    assert schema["properties"]["summary"]["maxLength"] == 160
    assert schema["properties"]["summary"]["title"] == "Sammanfattning"


def test_every_choice_names_an_existing_vocabulary():
    for field in all_fields(Method):
        if isinstance(field, Choice):
            assert field.vocabulary in VocabularyFile.fields, field.label


def test_every_field_has_a_label():
    for field in all_fields(Method):
        assert field.label.strip()


def test_every_method_file_points_editors_to_the_schema():
    for method_file in (ROOT / "methods").glob("*/method.yml"):
        first_line = method_file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=../method.schema.json", method_file


def test_committed_edition_schemas_are_in_sync(handbook):
    from verktygsladan.content.json_schema import render_json_schemas

    for path, text in render_json_schemas(handbook.vocabulary).items():
        assert (ROOT / path).read_text(encoding="utf-8") == text, f"{path}: kör `make schema` och checka in filen."


def test_the_example_edition_points_editors_to_its_schemas():
    example = ROOT / "editions" / "_exempel"
    assert (example / "utgava.yml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../utgava.schema.json"
    for additions in (example / "metoder").glob("*.yml"):
        assert additions.read_text(encoding="utf-8").splitlines()[0] == \
            "# yaml-language-server: $schema=../../tillagg.schema.json", additions
