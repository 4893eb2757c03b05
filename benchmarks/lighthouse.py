"""Lighthouse scores for the start page, the method finder and one method page, on mobile.

A benchmark, not a test. Run after `make build`:

    npm ci --prefix benchmarks          # Lighthouse 12.2.3, pinned in benchmarks/package-lock.json
    .venv/bin/python benchmarks/lighthouse.py [--runs 5]

It serves site/ on 127.0.0.1 and runs Lighthouse with Debian's Chromium.
The server compresses text with gzip, as GitHub Pages and ordinary web
servers do; a server that sends everything uncompressed measures the server,
not the handbook. Each page is measured several times and the median run (by
performance score) is reported, as Lighthouse's own documentation advises,
because a single run on a shared 2-core machine varies by several points.
Targets: at least 0.95 in each category, and 1.0 for accessibility.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")


@functools.lru_cache(maxsize=None)
def compressed(path: Path, modified: int) -> bytes:
    """A file gzip-compressed once, as a real host keeps it. Compressing the
    search index on every request took the server about 20 ms of CPU while
    Lighthouse was measuring, on a machine with two cores."""
    return gzip.compress(path.read_bytes(), compresslevel=6)


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not wants_gzip or not content_type.startswith(COMPRESSIBLE):
            # Directory redirects, missing files and binary files: the standard handler.
            return super().send_head()
        body = compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
                   env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="körningar per sida (medianen redovisas)")
    runs = parser.parse_args().runs
    site = ROOT / "site"
    # The heaviest method page: the others can only do better.
    method = max((p.name for p in (ROOT / "methods").iterdir() if p.is_dir() and not p.name.startswith("_")),
                 key=lambda slug: (site / "metoder" / slug / "index.html").stat().st_size)
    pages = {"Startsida": "", "Metodväljare": "metoder/metodvaljare/", f"Metodsida ({method})": f"metoder/{method}/"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Median av {runs} körningar per sida, mobil, gzip-komprimerat.")
    print(f"{'Sida':45} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   prestanda, alla körningar   överfört")
    with tempfile.TemporaryDirectory() as folder:
        for name, path in pages.items():
            results = [lighthouse(base + path, Path(folder) / f"rapport-{i}.json") for i in range(runs)]
            results.sort(key=lambda r: r["categories"]["performance"]["score"])
            median = results[len(results) // 2]
            scores = [median["categories"][c]["score"] for c in CATEGORIES]
            every_run = ", ".join(f"{r['categories']['performance']['score']:.2f}" for r in results)
            weight = median["audits"]["total-byte-weight"]["numericValue"] / 1024
            print(f"{name:45} " + " ".join(f"{s:14.2f}" for s in scores) + f"   {every_run:26}   {weight:5.0f} kB")
            metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                       "cumulative-layout-shift", "speed-index")
            print(" " * 4 + ", ".join(f"{m}: {median['audits'][m]['displayValue']}" for m in metrics))
            print(" " * 4 + f"median av totalt blockerad tid: "
                  f"{statistics.median(r['audits']['total-blocking-time']['numericValue'] for r in results):.0f} ms")
    server.shutdown()


if __name__ == "__main__":
    main()
