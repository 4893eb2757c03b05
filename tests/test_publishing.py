"""Every publishing rule in one call: content, links between pages, no symbolic links."""

from __future__ import annotations

import pytest

from verktygsladan.content import ContentInvalid
from verktygsladan.publishing import load_publishable_handbook


def test_the_real_handbook_is_publishable(handbook):
    from conftest import ROOT

    assert len(load_publishable_handbook(ROOT).methods) == len(handbook.methods)


def test_a_link_in_the_theme_overrides_is_refused(corpus_project, tmp_path):
    outside = tmp_path / "utanfor.html"
    outside.write_text("<p>hemligt</p>", encoding="utf-8")
    (corpus_project / "overrides" / "partials" / "hemlig.html").symlink_to(outside)
    with pytest.raises(ContentInvalid) as raised:
        load_publishable_handbook(corpus_project)
    assert [str(p) for p in raised.value.report.errors] == [
        "Fel i overrides/partials/hemlig.html: Filen är en symbolisk länk. Länkar följs aldrig, eftersom de kan "
        "peka på filer utanför förrådet. Lägg in en vanlig fil i stället."]


def test_link_problems_and_content_problems_are_reported_together(corpus_project, tmp_path):
    (corpus_project / "docs" / "mapp").symlink_to(tmp_path, target_is_directory=True)
    text = corpus_project / "methods" / "exempel" / "method.yml"
    text.write_text(text.read_text(encoding="utf-8").replace("difficulty: medel", "difficulty: lagom"),
                    encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        load_publishable_handbook(corpus_project)
    files = [p.file for p in raised.value.report.errors]
    assert files == ["docs/mapp", "methods/exempel/method.yml"]
    assert raised.value.report.errors[0].message.startswith("Mappen är en symbolisk länk.")


def test_the_generated_folder_is_not_searched(corpus_project, tmp_path):
    generated = corpus_project / "docs" / "metoder"
    generated.mkdir()
    (generated / "x.md").symlink_to(tmp_path)
    assert load_publishable_handbook(corpus_project).methods
