"""The corpus of broken methods: tests/corpus/broken/*.yml, applied to tests/corpus/valid/.

Each case names the rule it proves, the edits that break the valid example
method, and the exact Swedish messages a check must print.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import CORPUS

CASES = sorted((CORPUS / "broken").glob("*.yml"))


def load_case(case_file: Path) -> dict:
    return yaml.safe_load(case_file.read_text(encoding="utf-8"))


def apply_edits(methods_dir: Path, edits: list[dict]) -> None:
    for edit in edits:
        target = methods_dir / edit["file"]
        if "copy_from" in edit:
            shutil.copytree(methods_dir / edit["copy_from"], target)
        elif "delete" in edit:
            target.unlink() if target.is_file() else shutil.rmtree(target)
        elif "write" in edit:
            target.write_text(edit["write"], encoding="utf-8")
        elif "write_bytes_hex" in edit:
            target.write_bytes(bytes.fromhex(edit["write_bytes_hex"]))
        else:
            text = target.read_text(encoding="utf-8")
            assert edit["replace"] in text, f"{edit['replace']!r} finns inte i {edit['file']}"
            target.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")
