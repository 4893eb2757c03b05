"""Validation stays within a few hundred MB, whatever a pull request contains.

Each hostile project is checked in a process whose address space is capped
at 300 MB: running out would end in a MemoryError traceback instead of a
Swedish message.
"""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest

from conftest import ENV, ROOT
from corpus_cases import CASES, apply_edits, load_case

MEMORY_LIMIT = 300 * 1024 * 1024


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check_with_capped_memory(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verktygsladan", "--root", str(project), "check"], cwd=ROOT,
                          env=ENV, capture_output=True, text=True, preexec_fn=_capped, timeout=600)


def _many_keywords(methods) -> None:
    path = methods / "exempel" / "method.yml"
    words = "".join(f"  - sökord {n}\n" for n in range(55_000))
    path.write_text(path.read_text(encoding="utf-8") + "keywords:\n" + words, encoding="utf-8")


def _long_text(methods) -> None:
    # Just inside every limit: 240 paragraphs of 4 000 characters, 190 brackets in the section.
    linked = "Ett stycke med [en länk](https://exempel.test) och **fetstil**. " + "Mer text i stycket. " * 190
    plain = "Ett stycke med *kursiv* och **fetstil**. " + "Mer text i stycket. " * 197
    paragraphs = [linked] * 95 + [plain] * 145
    (methods / "exempel" / "text.md").write_text("## Syfte\n\n" + "\n\n".join(paragraphs)
                                                 + "\n\n## Bakgrund\n\nMetoden är påhittad.\n", encoding="utf-8")


HOSTILE = {
    "miljarder-skratt": lambda methods: apply_edits(methods, load_case(
        next(c for c in CASES if c.stem == "yaml-alias-miljarder-skratt"))["edits"]),
    "femtiofem-tusen-sokord": _many_keywords,
    "nastan-en-megabyte-text": _long_text,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_checking_hostile_content_needs_less_than_300_mb(name, corpus_project):
    HOSTILE[name](corpus_project / "methods")
    size = sum(p.stat().st_size for p in (corpus_project / "methods" / "exempel").iterdir())
    assert size > 300_000 or name == "miljarder-skratt"
    result = check_with_capped_memory(corpus_project)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert ("Innehållet är giltigt" in result.stdout) != (result.returncode == 1)
    assert result.returncode == (1 if name == "miljarder-skratt" else 0), result.stderr[-2000:]
