"""Links from method text to other pages: the page and the heading must exist."""

from __future__ import annotations


from conftest import copy_example_method
from verktygsladan.content import load_handbook
from verktygsladan.pages.link_check import check_links


def write_purpose(project, slug: str, text: str) -> None:
    path = project / "methods" / slug / "text.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Mer text under syftet.", text), encoding="utf-8")


def test_the_real_handbook_has_no_broken_links(handbook, tmp_path):
    from conftest import ROOT

    assert check_links(handbook, ROOT / "docs").errors == []


def test_links_to_headings_on_other_pages_are_checked_against_those_pages(corpus_project):
    copy_example_method(corpus_project, "andra")
    write_purpose(corpus_project, "exempel", "Se [stegen](andra.md#steg-for-steg), [ordlistan](../ordlista.md), "
                                             "[mallen](andra.md#mall-andra-mall) och [frågorna](metodvaljare.md).")
    assert check_links(load_handbook(corpus_project), corpus_project / "docs").errors == []


def test_a_heading_missing_on_another_page_is_named_with_a_suggestion(corpus_project):
    copy_example_method(corpus_project, "andra")
    write_purpose(corpus_project, "exempel", "Se [stegen](andra.md#steg-for-stg).")
    [problem] = check_links(load_handbook(corpus_project), corpus_project / "docs").errors
    assert (problem.file, problem.line, problem.field) == ("methods/exempel/text.md", 7, "Syfte")
    assert problem.message.startswith('Länken "andra.md#steg-for-stg" går till rubriken "#steg-for-stg", men den '
                                      'finns inte på sidan andra.md. Menade du "#steg-for-steg"?')
