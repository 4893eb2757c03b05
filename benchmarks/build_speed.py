"""How long a full site build takes, with and without the downloads.

Run with `.venv/bin/python benchmarks/build_speed.py`. It copies the project
to a temporary folder and times `mkdocs build --strict` there:

- cold: no download cache, every file generated;
- warm: the cache is full and nothing changed;
- one method edited: the cache is full and one method's text changed;
- downloads off: the same build with VERKTYGSLADAN_DOWNLOADS=off.

Goals: warm ≤ 1.5 × downloads off, and editing one method regenerates only
that method's files (plus the print edition, which holds every method).
A benchmark, not a test: timings depend on the machine.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("docs", "editions", "macros", "methods", "overrides", "verktygsladan", "mkdocs.yml")
RUNS = 3


def copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "metoder", ".generated-by-verktygsladan")
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore)
        else:
            shutil.copy2(source, target / part)


def build(project: Path, cache: Path, downloads: bool = True, edition: str = "") -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VERKTYGSLADAN_CACHE_DIR": str(cache),
           "VERKTYGSLADAN_UTGAVA": edition}
    if not downloads:
        env["VERKTYGSLADAN_DOWNLOADS"] = "off"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project, cache = Path(folder) / "projekt", Path(folder) / "cache"
        copy_project(project)
        cold = build(project, cache)
        warm = statistics.median(build(project, cache) for _ in range(RUNS))
        off = statistics.median(build(project, cache, downloads=False) for _ in range(RUNS))

        before = {p.name for p in cache.iterdir()}
        method = sorted(p for p in (project / "methods").iterdir() if p.is_dir())[0]
        prose = method / "text.md"
        prose.write_text(prose.read_text(encoding="utf-8") + "\nEn rad till för mätningen.\n", encoding="utf-8")
        edited = build(project, cache)
        regenerated = sorted(p.name.split("--")[0] for p in cache.iterdir() if p.name not in before)

    print(f"Kall build (ingen cache):          {cold:6.2f} s")
    print(f"Varm build (allt i cache):         {warm:6.2f} s  ({warm / off:.2f} × utan nedladdningar)")
    print(f"Build efter ändring i {method.name}: {edited:6.2f} s  (nyskapat: {', '.join(regenerated)})")
    print(f"Build utan nedladdningar:          {off:6.2f} s")


if __name__ == "__main__":
    main()
