"""Lighthouse scores for the start page, the method finder and one method page, on mobile.

A benchmark, not a test. Run after `make build`:

    npm ci --prefix benchmarks          # Lighthouse 12.2.3, pinned in benchmarks/package-lock.json
    .venv/bin/python benchmarks/lighthouse.py

It serves site/ on 127.0.0.1 and runs Lighthouse with Debian's Chromium.
Targets: at least 0.95 in each category, and 1.0 for accessibility.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    site = ROOT / "site"
    method = sorted(p.name for p in (ROOT / "methods").iterdir() if p.is_dir() and not p.name.startswith("_"))[0]
    pages = {"Start": "", "Metodväljare": "metoder/metodvaljare/", f"Metodsida ({method})": f"metoder/{method}/"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    print(f"{'Sida':40} " + " ".join(f"{c:>15}" for c in CATEGORIES) + "   överfört")
    with tempfile.TemporaryDirectory() as folder:
        for name, path in pages.items():
            report = Path(folder) / "rapport.json"
            subprocess.run([str(LIGHTHOUSE), base + path, "--quiet", "--output=json", f"--output-path={report}",
                            "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
                           env=env, check=True)
            result = json.loads(report.read_text(encoding="utf-8"))
            scores = [result["categories"][c]["score"] for c in CATEGORIES]
            weight = result["audits"]["total-byte-weight"]["numericValue"] / 1024
            print(f"{name:40} " + " ".join(f"{s:15.2f}" for s in scores) + f"   {weight:6.0f} kB")
    server.shutdown()


if __name__ == "__main__":
    main()
