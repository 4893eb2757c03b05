"""How much longer an edition's warm build takes than the regional handbook's.

Run with `.venv/bin/python benchmarks/edition_speed.py`. It copies the project
to a temporary folder, fills the download cache for both, and then times
warm builds (nothing changed, every download cached) of the regional
handbook and of the example edition (editions/_exempel/) in turn, so that
both meet the same machine load. Goal: the edition at most 1.2 × the
regional build. A benchmark, not a test: timings depend on the machine.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from build_speed import build, copy_project

RUNS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project, cache = Path(folder) / "projekt", Path(folder) / "cache"
        copy_project(project)
        edition = str(project / "editions" / "_exempel")
        build(project, cache)
        build(project, cache, edition=edition)
        regional, editions = [], []
        for _ in range(RUNS):
            regional.append(build(project, cache))
            editions.append(build(project, cache, edition=edition))
    ratio = statistics.median(editions) / statistics.median(regional)
    print(f"Varmt bygge, {RUNS} körningar var (median): regionala handboken {statistics.median(regional):.2f} s, "
          f"exempelutgåvan {statistics.median(editions):.2f} s, kvot {ratio:.2f} (mål högst 1,2).")


if __name__ == "__main__":
    main()
