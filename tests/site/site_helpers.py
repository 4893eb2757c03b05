"""Reading built pages the way a reader sees them, and fingerprinting a built site."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, url_path: str) -> BeautifulSoup:
    """The page at a site URL path such as "metoder/ska/"."""
    target = site / url_path
    if url_path == "" or url_path.endswith("/"):
        target = target / "index.html"
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """The page's article as a reader gets it: without the hidden words for the search index."""
    article = soup.select_one("article.md-content__inner")
    for hidden in article.select(".vl-search-words") if article else ():
        hidden.decompose()
    return article


def text(element) -> str:
    return " ".join(element.get_text().split())


def nav_links(soup: BeautifulSoup) -> dict[str, str]:
    """Primary navigation: link text → href."""
    return {text(a): a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")}


def tree_digest(folder: Path) -> str:
    """One hash over every file name and byte, to prove a folder was not touched."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def card_heading(card):
    """A method card's heading: h2 on the method index, h3 under a section elsewhere."""
    return card.find(["h2", "h3"])


def live_markup(soup: BeautifulSoup, *, marker: str = "vlX", third_party: str = "tredje-part.example") -> list[str]:
    """Markup on a page that content could have smuggled in: event handlers, script links,
    images from another host, scripts carrying the test's marker."""
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            value = " ".join(value) if isinstance(value, list) else value
            if name in ("href", "src") and "javascript:" in html.unescape(value).replace(" ", "").lower():
                found.append(f"<{element.name} {name}={value!r}>")
            if name == "src" and element.name == "img" and (third_party in value or value.startswith(("http:", "https:", "//"))):
                found.append(f"<img src={value!r}>")
        if element.name == "script" and marker in element.get_text():
            found.append(f"<script>{marker}…")
    return found
