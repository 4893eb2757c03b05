"""Reading PDFs as the download tests do: with poppler's command-line tools, and their objects directly."""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path

# A PDF string: literal "(…)" or hexadecimal "<…>".
PDF_STRING = r"(\((?:[^()\\]|\\.)*\)|<[0-9a-fA-F]*>)"


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


def pdf_objects(data: bytes) -> str:
    """Every object of the PDF, including those in compressed object streams, as text."""
    parts = [data.decode("latin-1")]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end():]).decode("latin-1"))
        except zlib.error:
            pass
    return "\n".join(parts)


def pdf_string(token: str) -> str:
    """The text of a PDF string token."""
    if token.startswith("<"):
        return bytes.fromhex(token[1:-1]).decode("utf-16")
    return re.sub(r"\\(.)", r"\1", token[1:-1])
