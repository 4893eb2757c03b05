"""What search costs a reader, at 8, 50 and 200 methods.

Run with `.venv/bin/python benchmarks/search_weight.py`. For each size it copies
the project to a temporary folder, adds copies of the real methods
(synthetic.py), builds the site without downloads, and then, in Chromium on a
local server:

- before any search: the bytes the start page loads (HTML, CSS, JavaScript);
  nothing of the search index may be among them;
- a first search ("mötesplatser"): the bytes it fetches (Pagefind's script and
  WebAssembly, the index chunks it needs, the site's word list);
- the index on disk: all of pagefind/ and sokord.json.

Bytes are counted as they travel: text compressed with gzip, as any web server
sends it, and Pagefind's files as they are (already compressed).
Goal: the first search at 200 methods transfers at most 1.5 × what it does at 8.
A benchmark, not a test.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from build_speed import copy_project
from synthetic import add_copies

SIZES = (8, 50, 200)
QUERY = "mötesplatser"
CHROMIUM = "/usr/bin/chromium"


def on_the_wire(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, 6)))


def build(project: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VERKTYGSLADAN_DOWNLOADS": "off",
           "VERKTYGSLADAN_CACHE_DIR": str(project.parent / "cache")}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=env, check=True,
                   capture_output=True)
    return project / "site"


def index_size(site: Path) -> tuple[int, int]:
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()] + [site / "sokord.json"]
    return sum(p.stat().st_size for p in files), len(files)


def measure(site: Path) -> tuple[int, int, list[str]]:
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "-b", "127.0.0.1", "-d", str(site)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port N ..."
        port = int(line.split(" port ")[1].split()[0])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            fetched: list[tuple[str, int]] = []
            page.on("requestfinished", lambda request: fetched.append(
                (request.url, on_the_wire(request.response().body()))))
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_load_state("networkidle")
            before = sum(size for _, size in fetched)
            index_before = [url for url, _ in fetched if "/pagefind/" in url or url.endswith("sokord.json")]
            loaded = len(fetched)
            total = page.evaluate("q => window.verktygsladanSearch.search(q).then(r => r.total)", QUERY)
            page.wait_for_load_state("networkidle")
            first_search = sum(size for _, size in fetched[loaded:])
            browser.close()
        if total == 0:
            raise SystemExit(f"Sökningen på {QUERY!r} gav inga träffar.")
        return before, first_search, index_before
    finally:
        server.terminate()


def main() -> None:
    rows = []
    for size in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder) / "projekt"
            copy_project(project)
            add_copies(project, size)
            site = build(project)
            on_disk, files = index_size(site)
            before, first_search, index_before = measure(site)
            if index_before:
                raise SystemExit(f"Sidan hämtade sökindexet innan någon sökte: {index_before}")
            rows.append((size, before, first_search, on_disk, files))
            print(f"{size} metoder klara", flush=True)
    print(f"\n{'Metoder':>8} {'Startsidan före sökning':>24} {'Första sökningen':>17} {'Index på disk':>14} {'Filer':>6}")
    for size, before, first_search, on_disk, files in rows:
        print(f"{size:>8} {before / 1024:>21.0f} kB {first_search / 1024:>14.0f} kB {on_disk / 1024:>11.0f} kB "
              f"{files:>6}")
    ratio = rows[-1][2] / rows[0][2]
    print(f"\nFörsta sökningen vid {SIZES[-1]} metoder / vid {SIZES[0]}: {ratio:.2f} × (mål: högst 1,5 ×)")


if __name__ == "__main__":
    main()
