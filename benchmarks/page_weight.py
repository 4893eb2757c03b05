"""A method page's first load, compressed: the goal is under 120 kB.

Counts what a browser fetches to show the page – the HTML and the CSS and
JavaScript it references – as gzip would send it. Downloads and the search
index (fetched only when search is used) are left out. Run after `make build`:
`.venv/bin/python benchmarks/page_weight.py`.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

SITE = Path(__file__).resolve().parent.parent / "site"


def first_load(page_path: str) -> tuple[int, int, list[str]]:
    html_file = SITE / page_path / "index.html"
    html = html_file.read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    assets = []
    for element in soup.select('link[rel="stylesheet"][href], script[src]'):
        url = urlparse(urljoin(f"http://sajt/{page_path}/", element.get("href") or element.get("src")))
        if url.netloc == "sajt":
            assets.append(url.path.lstrip("/"))
    files = [html] + [(SITE / asset).read_bytes() for asset in assets]
    raw = sum(len(f) for f in files)
    compressed = sum(len(gzip.compress(f, 9)) for f in files)
    return raw, compressed, assets


def main() -> None:
    if not SITE.is_dir():
        sys.exit("Bygg först: make build")
    # The method pages are the ones with a folder in methods/; the other generated pages are not.
    methods = sorted(p.name for p in (SITE.parent / "methods").iterdir() if p.is_dir() and not p.name.startswith("_"))
    print(f"{'Sida':45} {'okomprimerat':>13} {'gzip':>9}")
    for page in ["", "metoder/metodvaljare", *(f"metoder/{m}" for m in methods)]:
        raw, compressed, _ = first_load(page.strip("/"))
        flag = "" if compressed < 120_000 else "  ÖVER MÅLET"
        print(f"/{page + '/' if page else '':44} {raw / 1024:10.0f} kB {compressed / 1024:6.0f} kB{flag}")


if __name__ == "__main__":
    main()
