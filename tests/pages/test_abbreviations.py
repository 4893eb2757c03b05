"""Each abbreviation is explained once a page, at its first use."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from verktygsladan.pages.abbreviations import FirstUseOfAbbreviations

GLOSSARY = {"SKA": "Social konsekvensanalys", "ÖP": "Översiktsplan"}


def render(source: str) -> BeautifulSoup:
    html = markdown.markdown(source, extensions=["abbr", "toc", "tables", FirstUseOfAbbreviations()],
                             extension_configs={"abbr": {"glossary": GLOSSARY}})
    return BeautifulSoup(html, "html.parser")


def test_only_the_first_use_is_an_abbreviation_and_it_is_focusable():
    soup = render("## Om SKA\n\nEn SKA görs tidigt. ÖP styr, och SKA följer ÖP.\n\n- SKA igen\n")
    abbrs = soup.find_all("abbr")
    assert [(a.get_text(), a["title"], a["tabindex"]) for a in abbrs] == [
        ("SKA", GLOSSARY["SKA"], "0"), ("ÖP", GLOSSARY["ÖP"], "0")]
    assert abbrs[0].find_parent("h2") is not None, "Första användningen är i rubriken."


def test_a_use_inside_a_link_is_plain_text_and_the_next_use_is_explained():
    soup = render("Läs om [metoden SKA](ska.md). En SKA görs tidigt, och SKA igen.\n")
    assert soup.a.get_text() == "metoden SKA" and soup.a.find("abbr") is None
    (abbr,) = soup.find_all("abbr")
    assert abbr.find_parent("a") is None and abbr["tabindex"] == "0"
    assert soup.get_text().count("SKA") == 3


def test_no_word_is_lost_when_later_uses_become_text():
    source = ("SKA först. Sedan SKA, ÖP och SKA.\n\n*SKA* i kursiv och SKA i slutet: SKA\n\n"
              "[**ÖP** och SKA](x) sist\n\n| A | B |\n|---|---|\n| SKA | ÖP |\n")
    without = BeautifulSoup(markdown.markdown(source, extensions=["tables"]), "html.parser")
    assert render(source).get_text() == without.get_text()


def test_the_table_of_contents_reads_the_same():
    md = markdown.Markdown(extensions=["abbr", "toc", FirstUseOfAbbreviations()],
                           extension_configs={"abbr": {"glossary": GLOSSARY}})
    md.convert("SKA i inledningen.\n\n## Så görs en SKA\n")
    assert md.toc_tokens[0]["name"] == "Så görs en SKA"
