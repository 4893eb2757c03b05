"""How long `make check` takes: the goal is under 2 seconds for the whole handbook.

Run with `.venv/bin/python benchmarks/check_speed.py`. It times the same
command `make check` runs, in a fresh process each time, and prints the
median and slowest of ten runs. A benchmark, not a test: timings depend on
the machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 10


def main() -> None:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "verktygsladan", "check"], cwd=ROOT, check=True,
                       capture_output=True)
        timings.append(time.perf_counter() - start)
    print(f"make check (python -m verktygsladan check), {RUNS} körningar: "
          f"median {statistics.median(timings):.2f} s, långsammast {max(timings):.2f} s")


if __name__ == "__main__":
    main()
