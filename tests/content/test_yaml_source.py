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


def test_aliases_are_refused_before_they_can_expand(tmp_path):
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    doc, report = load(tmp_path, laughs)
    assert doc is None
    [problem] = report.errors
    assert problem.line == 2 and problem.message.startswith("YAML-alias (*a) stöds inte.")


def test_nesting_deeper_than_any_content_is_refused_without_recursion(tmp_path):
    doc, report = load(tmp_path, "a: " + "{b: " * 100_000 + "c" + "}" * 100_000 + "\n")
    assert doc is None
    assert "i mer än 20 nivåer" in report.errors[0].message


def test_unquoted_values_remember_how_they_were_written(tmp_path):
    doc, report = load(tmp_path, "tid: 1:30\nversion: 1.10\nar: 2019\ndatum: 2026-01-02\nsvar: yes\ntext: '1:30'\n")
    assert not report.problems
    assert doc.data["tid"] == 90  # what YAML 1.1 makes of it …
    assert doc.written[("tid",)] == "1:30"  # … and what the editor wrote, for fields that hold text
    assert doc.written[("version",)] == "1.10"
    assert doc.written[("svar",)] == "yes"
    assert ("text",) not in doc.written


def test_a_control_character_is_reported_on_its_line(tmp_path):
    doc, report = load(tmp_path, "a: åäö\nb: ok\nc: fel\x07här\n")
    assert doc is None
    assert report.errors[0].line == 3
    assert "styrtecken" in report.errors[0].message
