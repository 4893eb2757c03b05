"""Plain text stays exactly as written when it passes through Markdown."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from verktygsladan.pages.markdown import count_of, list_item, plain, span

NASTY = [
    "Räksmörgås & co <b>fet</b>",
    "Kostnad *inte* 5_000 kr [se bilaga](x)",
    "{{ 7*191 }} och {% if x %} och {# kommentar #}",
    "# inte en rubrik | inte en tabell \\ snedstreck `kod`",
    "1. inte en lista + inte heller ! bild ![x](y)",
    "- inte heller en lista",
    "Översiktsplan (ÖP) – planeringsstrategi",
]


def rendered_text(source: str) -> str:
    output = markdown.markdown(source, extensions=["attr_list", "def_list", "md_in_html", "tables"])
    return html.unescape(re.sub(r"<[^>]+>", "", output)).strip()


@pytest.mark.parametrize("text", NASTY)
def test_plain_text_renders_exactly_as_written(text):
    assert rendered_text(plain(text)) == text


def test_list_item_keeps_continuation_lines_inside_the_item():
    output = markdown.markdown(list_item("Första stycket.\n\nAndra stycket."))
    assert output.count("<li>") == 1
    assert "Andra stycket." in output.split("</li>")[0]


@pytest.mark.parametrize("low, high, expected", [(1, 1, "1 vecka"), (4, 4, "4 veckor"), (1, 3, "1–3 veckor")])
def test_spans_agree_in_number(low, high, expected):
    assert span(low, high, "vecka", "veckor") == expected


def test_counts_agree_in_number():
    assert [count_of(n, "metod", "metoder") for n in (0, 1, 3)] == ["0 metoder", "1 metod", "3 metoder"]
