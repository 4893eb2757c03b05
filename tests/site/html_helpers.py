"""Reading built pages the way a reader sees them."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, url_path: str) -> BeautifulSoup:
    """The page at a site URL path such as "metoder/ska/"."""
    target = site / url_path
    if url_path == "" or url_path.endswith("/"):
        target = target / "index.html"
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def nav_links(soup: BeautifulSoup) -> dict[str, str]:
    """Primary navigation: link text → href."""
    return {text(a): a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")}
