"""More methods for the benchmarks: copies of the real ones, round-robin, with ids of their own.

A copy keeps its original's text, so the words of the handbook stay the same
and only the number of pages grows. Every id that must be unique in the whole
handbook (the method's, its templates' and its checklists') gets the copy's
number, and the titles too, so that menus and search tell the copies apart.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import yaml


def add_copies(project: Path, total: int) -> None:
    """Grow project/methods/ to `total` methods."""
    methods = project / "methods"
    originals = sorted(p for p in methods.iterdir() if p.is_dir() and not p.name.startswith("_"))
    for number, original in zip(range(len(originals) + 1, total + 1), itertools.cycle(originals)):
        copy = methods / f"{original.name}-k{number}"
        shutil.copytree(original, copy)
        data = yaml.load((copy / "method.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        # A document's id is also named by the steps that use it and by links in the text.
        renamed = {d["id"]: f"{d['id']}-k{number}" for kind in ("templates", "checklists") for d in data.get(kind) or []}
        for name in ("method.yml", "text.md"):
            text = (copy / name).read_text(encoding="utf-8")
            for old, new in renamed.items():
                text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
            (copy / name).write_text(text, encoding="utf-8")
        data = yaml.load((copy / "method.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        data["id"] = copy.name
        data["title"] = f"{data['title']} {number}"
        data["short_title"] = f"{data['short_title']} {number}"
        # Worked paths and the feeds of other methods name the originals only.
        data.pop("feeds", None)
        (copy / "method.yml").write_text(yaml.dump(data, allow_unicode=True, sort_keys=False, width=10_000),
                                         encoding="utf-8")
