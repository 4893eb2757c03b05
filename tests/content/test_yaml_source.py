"""Reading YAML with line numbers, without silent loss."""

from __future__ import annotations

from pathlib import Path

from verktygsladan.content.errors import Report
from verktygsladan.content.yaml_source import INVALID, load_yaml


def load(tmp_path: Path, text: str):
    path = tmp_path / "fil.yml"
    path.write_text(text, encoding="utf-8")
    report = Report()
    return load_yaml(path, "fil.yml", report), report


def test_every_value_knows_its_line(tmp_path):
    doc, report = load(tmp_path, "a: 1\nlista:\n  - x\n  - namn: y\n    text: |\n      rad ett\n      rad två\n")
    assert not report.problems
    assert doc.data["lista"][1]["text"] == "rad ett\nrad två\n"
    assert doc.line_of(("a",)) == 1
    assert doc.line_of(("lista", 0)) == 3
    assert doc.line_of(("lista", 1, "namn")) == 4
    # A block scalar's text starts on the line after its key.
    assert doc.text_line(("lista", 1, "text"), 1) == 7


def test_line_of_missing_path_falls_back_to_nearest_parent(tmp_path):
    doc, _ = load(tmp_path, "a:\n  b: 1\n")
    assert doc.line_of(("a", "saknas", 3)) == 1


def test_duplicate_key_is_reported_not_dropped(tmp_path):
    _, report = load(tmp_path, "title: Ett\ntitle: Två\n")
    [problem] = report.errors
    assert problem.line == 2
    assert "första gången på rad 1" in problem.message


def test_impossible_date_is_reported_not_crashing(tmp_path):
    doc, report = load(tmp_path, "datum: 2026-02-30\n")
    assert doc.data["datum"] is INVALID
    assert report.errors[0].line == 1


def test_syntax_error_names_the_line(tmp_path):
    doc, report = load(tmp_path, "a: 1\nb: [\n")
    assert doc is None
    assert report.errors[0].line is not None
    assert report.errors[0].message.startswith("YAML-filen går inte att läsa")


def test_code_running_tags_are_refused(tmp_path):
    _, report = load(tmp_path, "a: !!python/object/apply:os.system ['true']\n")
    assert "stöds inte" in report.errors[0].message
