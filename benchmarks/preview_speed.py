"""How long `make serve` takes to show a saved change to a method.

Run with `.venv/bin/python benchmarks/preview_speed.py`. It copies the project
to a temporary folder, starts the preview there exactly as `make serve` does
(print edition off, preview mode on) with a warm download cache, and then,
several times over, appends a sentence with a new word to a method's text.md
and fetches the method page until the word is in the HTML. It reports:

- save → new HTML: from the moment the file is saved until the preview serves
  the changed page (what the editor waits for before the browser reloads);
- save → fresh downloads: until the page no longer says that its downloads
  are being made (they are built in the background and served from the cache
  meanwhile).

`--belastad` measures the same while two other processes keep both cores
busy, as on a machine that is also running tests or a video call.

Goal: save → new HTML at most 2 seconds. A benchmark, not a test: timings
depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from build_speed import ROOT, copy_project

from verktygsladan.build_cache import cache_folder

EDITS = 6
# The page says this while the method's downloads are made in the background.
PENDING_NOTE = "Nedladdningarna skapas"
TIMEOUT = 300.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, what: str) -> float:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > TIMEOUT:
            raise SystemExit(f"Förhandsvisningen visade inte {what} inom {TIMEOUT:.0f} s.")
        time.sleep(0.02)
    return time.perf_counter()


def burn() -> None:
    while True:
        pass


def main() -> None:
    busy = []
    if "--belastad" in sys.argv:
        busy = [multiprocessing.Process(target=burn, daemon=True) for _ in range(os.cpu_count() or 2)]
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "projekt"
        copy_project(project)
        # The project's own cache, so the preview starts warm as it does for an editor.
        cache = cache_folder(ROOT)
        port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VERKTYGSLADAN_CACHE_DIR": str(cache),
               "VERKTYGSLADAN_PRINT_EDITION": "off", "VERKTYGSLADAN_PREVIEW": "on"}
        log = (Path(folder) / "serve.log").open("w")
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--strict",
                                   "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            method = sorted(p for p in (project / "methods").iterdir() if p.is_dir() and p.name[0] != "_")[0]
            url = f"http://127.0.0.1:{port}/metoder/{method.name}/"
            started = time.perf_counter()
            wait_for(lambda: "<h1" in fetch(url), "metodsidan")
            print(f"Förhandsvisningen startade på {time.perf_counter() - started:.1f} s")
            # With a cold cache (new code, or a first run) every method's files are made in the background
            # first; measure from a warm start, as an editor's second save would be.
            pages = [f"http://127.0.0.1:{port}/metoder/{p.name}/" for p in (project / "methods").iterdir()
                     if p.is_dir() and p.name[0] != "_"]
            wait_for(lambda: not any(PENDING_NOTE in fetch(page) for page in pages), "alla nedladdningar")
            print(f"Alla nedladdningar klara efter {time.perf_counter() - started:.1f} s")
            time.sleep(2)
            for process in busy:
                process.start()
            prose = method / "text.md"
            original = prose.read_text(encoding="utf-8")
            to_html, to_downloads = [], []
            for edit in range(1, EDITS + 1):
                word = f"Mätord{edit}x{os.getpid()}"
                saved = time.perf_counter()
                prose.write_text(f"{original}\nEn mening med ordet {word} för mätningen.\n", encoding="utf-8")
                shown = wait_for(lambda: word in fetch(url), "ändringen")
                fresh = wait_for(lambda: PENDING_NOTE not in fetch(url), "färdiga nedladdningar")
                to_html.append(shown - saved)
                to_downloads.append(fresh - saved)
                print(f"Ändring {edit}: ny HTML efter {to_html[-1]:.2f} s, färdiga nedladdningar efter "
                      f"{to_downloads[-1]:.2f} s")
                time.sleep(1)
        finally:
            for process in busy:
                process.terminate()
            server.terminate()
            server.wait(timeout=30)
            log.close()
    print(f"Spara → ny HTML:              median {statistics.median(to_html):.2f} s, "
          f"längst {max(to_html):.2f} s (mål: högst 2 s)")
    print(f"Spara → färdiga nedladdningar: median {statistics.median(to_downloads):.2f} s, "
          f"längst {max(to_downloads):.2f} s")


if __name__ == "__main__":
    main()
