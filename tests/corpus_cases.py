"""The corpus of edited methods, applied to tests/corpus/valid/.

tests/corpus/broken/*.yml: each case names the rule it proves, the edits that
break the valid example method, and the exact Swedish messages a check must
print.
tests/corpus/accepted/*.yml: tricky content that must be accepted, and what a
reader must then see in the built site (`expect`), shown exactly as written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import CORPUS

CASES = sorted((CORPUS / "broken").glob("*.yml"))
ACCEPTED = sorted((CORPUS / "accepted").glob("*.yml"))


def load_case(case_file: Path) -> dict:
    return yaml.safe_load(case_file.read_text(encoding="utf-8"))


def apply_edits(methods_dir: Path, edits: list[dict]) -> None:
    # Files "outside the repository" go next to the project folder, never inside it.
    outside = methods_dir.parent.parent / "utanfor-forradet"
    for edit in edits:
        target = methods_dir / edit["file"]
        if "symlink_outside" in edit:
            outside.mkdir(exist_ok=True)
            secret = outside / f"{target.name}.txt"
            secret.write_text(edit["symlink_outside"], encoding="utf-8")
            _replace_with_link(target, secret)
        elif "symlink_outside_copy_of" in edit:
            copy = outside / target.name
            shutil.copytree(methods_dir / edit["symlink_outside_copy_of"], copy)
            _replace_with_link(target, copy)
        elif "prepend_bom" in edit:
            target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
        elif "append" in edit:
            with target.open("a", encoding="utf-8") as file:
                file.write(edit["append"] * edit.get("times", 1))
        elif "copy_from" in edit:
            source = methods_dir / edit["copy_from"]
            shutil.copytree(source, target) if source.is_dir() else shutil.copy2(source, target)
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


def _replace_with_link(target: Path, to: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()
    target.symlink_to(to)


def mark_facts_to_check(project) -> None:
    """A source, the effort figures and an indicator of the corpus method marked as needing a check."""
    path = project / "methods" / "exempel" / "method.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    url: https://exempel.test/andra\n",
                        "    url: https://exempel.test/andra\n    needs_check: Årtalet saknas i källan.\n")
    text = text.replace("  note: En uppskattning för testerna.\n",
                        "  note: En uppskattning för testerna.\n  needs_check: Veckorna är inte prövade.\n")
    text = text.replace("    data_source: Egen enkät\n", "    data_source: Egen enkät\n    needs_check: Enkäten är inte gjord.\n")
    path.write_text(text, encoding="utf-8")
