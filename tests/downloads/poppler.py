"""Reading PDFs with poppler's command-line tools, as the download tests do."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run(tool: str, *args: str | Path) -> str:
    return subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True).stdout


def structure_tags(path: Path) -> list[tuple[str, str]]:
    """(structure tag, text) of every tagged element that directly holds text.

    pdfinfo prints the tag tree indented, text as one quoted Span per line.
    """
    lines = run("pdfinfo", "-struct-text", path).splitlines()
    found = []
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        texts = []
        for span, text in zip(lines[index + 1::2], lines[index + 2::2]):
            if span != " " * (indent + 2) + "Span (inline)" or not text.strip().startswith('"'):
                break
            texts.append(text.strip()[1:-1])
        if texts:
            found.append((line.split()[0], " ".join(texts)))
    return found
