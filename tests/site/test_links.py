"""Every internal link and anchor on the built site resolves.

External links need the network and are checked by `make external-links`
instead, outside `make test`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from browser import site_paths


def target_file(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict[Path, set[str]] = {}
    broken = []
    checked = 0
    for path in site_paths(built_site):
        base = f"http://sajt/{path}"
        soup = BeautifulSoup(target_file(built_site, path).read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("a[href], link[href], script[src], img[src]"):
            reference = element.get("href") or element.get("src")
            url = urlparse(urljoin(base, reference))
            if url.scheme not in ("http", "https") or url.netloc != "sajt":
                continue
            checked += 1
            target = target_file(built_site, url.path)
            if target is None:
                broken.append(f"/{path}: {reference} finns inte")
                continue
            if url.fragment and target.suffix == ".html":
                if target not in ids:
                    target_soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                    ids[target] = {tag["id"] for tag in target_soup.select("[id]")}
                if unquote(url.fragment) not in ids[target]:
                    broken.append(f"/{path}: {reference} – ankaret finns inte")
    assert checked > 100
    assert broken == [], "\n".join(broken)
