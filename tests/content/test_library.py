"""Loading the whole handbook: relations, reviews, discovery of folders."""

from __future__ import annotations

import datetime
import shutil

import pytest

from conftest import ROOT, copy_example_method, run_cli
from verktygsladan.content import load_handbook, next_review
from verktygsladan.content.library import add_months


def test_relations_are_shown_in_both_directions(corpus_project):
    copy_example_method(corpus_project, "andra", related="  after:\n    - exempel\n  combine_with:\n    - exempel")
    handbook = load_handbook(corpus_project)
    first, second = handbook.method("exempel"), handbook.method("andra")
    assert handbook.related(first)["before"] == [second]
    assert handbook.related(first)["combine_with"] == [second]
    assert handbook.related(second)["after"] == [first]
    assert handbook.related(second)["before"] == []


def test_methods_are_in_folder_order_and_underscore_folders_are_drafts(corpus_project):
    copy_example_method(corpus_project, "abc")
    shutil.copytree(corpus_project / "methods" / "exempel", corpus_project / "methods" / "_utkast")
    handbook = load_handbook(corpus_project)
    assert [m.slug for m in handbook.methods] == ["abc", "exempel"]


def test_overdue_review_warns_but_does_not_fail(corpus_project):
    path = corpus_project / "methods" / "exempel" / "method.yml"
    long_ago = datetime.date.today() - datetime.timedelta(days=800)
    text = path.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-01", f"last_reviewed: {long_ago}")
    # A legal fact cannot have been checked after the page's review.
    text = text.replace("as_of: 2026-11-01", f"as_of: {long_ago}")
    path.write_text(text.replace("review_interval_months: 60", "review_interval_months: 12"), encoding="utf-8")
    handbook = load_handbook(corpus_project)
    [warning] = handbook.warnings
    assert warning.is_warning
    assert f"senast {add_months(long_ago, 12)}" in warning.message


@pytest.mark.parametrize("start, months, expected", [
    ("2026-01-31", 1, "2026-02-28"),
    ("2024-02-29", 12, "2025-02-28"),
    ("2026-11-26", 14, "2028-01-26"),
])
def test_add_months_keeps_the_day_when_it_can(start, months, expected):
    assert add_months(datetime.date.fromisoformat(start), months).isoformat() == expected


def test_real_methods_load_and_are_reviewed_on_schedule():
    handbook = load_handbook(ROOT)
    assert handbook.methods
    for method in handbook.methods:
        assert next_review(method) > method.trust.last_reviewed


def test_two_methods_that_relate_to_nothing_are_both_refused(corpus_project):
    copy_example_method(corpus_project, "andra", related="  combine_with: []")
    result = run_cli(corpus_project, "check")
    assert result.returncode == 1
    refused = [line for line in result.stderr.splitlines() if "Ange minst en relaterad metod" in line]
    assert [line.split(",")[0] for line in refused] == ["Fel i methods/andra/method.yml",
                                                        "Fel i methods/exempel/method.yml"]
    assert all('fält "related"' in line for line in refused)
