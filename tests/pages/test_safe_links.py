"""The link rule applied where pages are written."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from verktygsladan.pages.safe_links import SafeLinks


def render(source: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(source, extensions=["attr_list", SafeLinks()]), "html.parser")


def test_a_script_link_becomes_its_text():
    soup = render("[klicka](javascript:alert(1)) och [också](&#106;avascript:x)")
    assert soup.select("a") == []
    assert soup.get_text() == "klicka och också"


def test_safe_links_are_kept():
    soup = render("[a](https://www.boverket.se/) [b](mailto:x@example.org) [c](../ordlista.md) [d](#syfte)")
    assert [a["href"] for a in soup.select("a")] == ["https://www.boverket.se/", "mailto:x@example.org",
                                                     "../ordlista.md", "#syfte"]


def test_an_image_from_another_host_becomes_its_alternative_text_and_a_local_one_stays():
    soup = render("![Karta](https://annan.example/k.png) ![Logga](logga.svg)")
    assert [img["src"] for img in soup.select("img")] == ["logga.svg"]
    assert soup.get_text().startswith("Karta")


def test_event_handler_attributes_are_removed():
    soup = render("Text\n{: onclick=\"alert(1)\" onmouseover=x title=ok }")
    paragraph = soup.select_one("p")
    assert dict(paragraph.attrs) == {"title": "ok"}
