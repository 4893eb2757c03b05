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


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(name, whether embedded) of every font pdffonts lists."""
    rows = run("pdffonts", path).splitlines()[2:]
    # The columns after the name and type: encoding, emb, sub, uni, object number, generation.
    return [(row.split()[0], row.split()[-5] == "yes") for row in rows]


def embedded_font_programs(data: bytes) -> dict[str, bytes]:
    """The font file embedded for each font, by the name its descriptor gives ("ABCDEF+DejaVu-Sans")."""
    programs = {}
    for descriptor in re.findall(r"<<[^\n]*?/Type /FontDescriptor[^\n]*", pdf_objects(data)):
        name = re.search(r"/FontName /([^\s/]+)", descriptor)
        program = re.search(r"/FontFile[23]? (\d+) 0 R", descriptor)
        if name and program:
            programs[name.group(1)] = _stream(data, int(program.group(1)))
    return programs


def pdf_object(data: bytes, number: int) -> str:
    """The text of object `number`, standing on its own in the file or packed in an object stream."""
    alone = re.search(rb"(?<![0-9])%d 0 obj\s*(.*?)\s*endobj" % number, data, re.DOTALL)
    if alone:
        return alone.group(1).decode("latin-1")
    for packed in re.finditer(rb"<<([^<>]*/Type /ObjStm[^<>]*)>>\s*stream\r?\n", data):
        header = packed.group(1)
        first = int(re.search(rb"/First (\d+)", header).group(1))
        content = zlib.decompressobj().decompress(data[packed.end():])
        numbers_and_offsets = list(map(int, content[:first].split()))
        offsets = dict(zip(numbers_and_offsets[::2], numbers_and_offsets[1::2]))
        if number in offsets:
            later = [offset for offset in offsets.values() if offset > offsets[number]]
            end = first + min(later) if later else len(content)
            return content[first + offsets[number]:end].decode("latin-1").strip()
    raise AssertionError(f"Objekt {number} finns inte i PDF-filen")


def _stream(data: bytes, number: int) -> bytes:
    """The decompressed content of a stream object that stands on its own in the file."""
    found = re.search(rb"(?<![0-9])%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % number, data, re.DOTALL)
    assert found, f"Objekt {number} är ingen ström i PDF-filen"
    length = int(re.search(rb"/Length (\d+)", found.group(1)).group(1))
    raw = data[found.end():found.end() + length]
    return zlib.decompress(raw) if b"/FlateDecode" in found.group(1) else raw
