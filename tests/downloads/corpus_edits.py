"""Edits to a copy of the corpus example, made as an editor would make them in method.yml."""

from __future__ import annotations

from pathlib import Path

import yaml


def give_phases_and_print_large(project: Path) -> list[str]:
    """The example checklist's items get phases, the first item the first phase of the vocabulary and
    the rest the second, and the example template is marked to be printed large. Returns the phase ids."""
    vocabulary = yaml.safe_load((project / "methods" / "vocabulary.yml").read_text(encoding="utf-8"))
    phases = [term["id"] for term in vocabulary["phases"][:2]]
    path = project / "methods" / "exempel" / "method.yml"
    method = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = method["checklists"][0]["items"]
    assert len(items) >= 2, "the corpus checklist needs two items to make two phases of"
    for index, item in enumerate(items):
        item["phase"] = phases[min(index, 1)]
    method["templates"][0]["print_large"] = True
    path.write_text(yaml.safe_dump(method, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return phases
