"""Markdown turned into the blocks and runs every download writer uses."""

from __future__ import annotations

from verktygsladan.downloads.rich_text import blocks_from_markdown


def test_only_links_that_work_outside_the_website_stay_links():
    (block,) = blocks_from_markdown("Se [metoden](annan-metod.md), [Boverket](https://www.boverket.se/) "
                                    "och [oss](mailto:redaktion@example.org).")
    links = [(run.text, run.url) for run in block.runs if run.url]
    assert links == [("Boverket", "https://www.boverket.se/"), ("oss", "mailto:redaktion@example.org")]
    assert block.text == "Se metoden, Boverket och oss."
