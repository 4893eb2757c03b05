"""Reading YAML while remembering where every value came from.

PyYAML's loaders return plain data and forget line numbers, silently keep the
last of two equal keys and crash on impossible dates. Editors need the line of
each problem and must never lose content silently, so we compose the node tree
ourselves and convert it value by value.

YAML 1.1 also turns some unquoted text into other things: `1:30` becomes the
number 90 and `2019-01-01` a date. Fields that hold text take the characters
the editor wrote instead (`SourceDocument.written`), so nothing is changed
behind the editor's back. Aliases (`*namn`) are refused before the tree is
built: a few lines of them can expand into gigabytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import FieldPath, Report
from .files import read_text

try:  # libyaml is ten times faster; fall back when a platform lacks it
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_SCALAR_TYPES = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass
class SourceDocument:
    """Parsed YAML plus the line (1-based) of every value, by field path."""

    file: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    # Block scalars (`|`, `>`) start their text on the line after the key.
    block_text: set[FieldPath] = field(default_factory=set)
    # Unquoted values that YAML read as something other than text, as written.
    written: dict[FieldPath, str] = field(default_factory=dict)
    # Links from Markdown fields to pages of the handbook: (field, link, line in the file).
    links: list[tuple[FieldPath, Any, int | None]] = field(default_factory=list)
    # The file's lines, for messages that must point at what the editor wrote.
    source: list[str] = field(default_factory=list)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of `path`, or of its nearest ancestor the file mentions."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None

    def text_line(self, path: FieldPath, line_in_text: int) -> int | None:
        """The line of the `line_in_text`-th line (0-based) inside a text value."""
        start = self.line_of(path)
        if start is None:
            return None
        return start + line_in_text + (1 if path in self.block_text else 0)


def load_yaml(path: Path, display: str, report: Report) -> SourceDocument | None:
    """Parse `path`; on any problem, report it and return None (or partial data)."""
    text = read_text(path, display, report)
    if text is None:
        return None
    try:
        if not _structure_is_safe(text, display, report):
            return None
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line, message = _explain_syntax_error(exc, text)
        report.error(display, message, line=line)
        return None
    except yaml.reader.ReaderError as exc:
        line = text.encode("utf-8").count(b"\n", 0, exc.position) + 1  # libyaml counts bytes
        report.error(display, f"Filen innehåller ett osynligt styrtecken (teckenkod {exc.character:#06x}) som "
                              "YAML inte tillåter. Ta bort det; det kommer ofta med när text klistras in.", line=line)
        return None
    except yaml.YAMLError as exc:
        report.error(display, f"YAML-filen går inte att läsa: {exc}.")
        return None
    doc = SourceDocument(file=display, data=None, source=text.splitlines())
    if root is not None:
        doc.data = _convert(root, (), doc, report)
    return doc


def _explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line where the editor's mistake is, and what to do, for the YAML mistakes editors make most."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    lines = text.splitlines()
    for number, written in enumerate(lines[:line or len(lines)], start=1):
        indent = written[: len(written) - len(written.lstrip())]
        if "\t" in indent:
            return number, ("Raden är indragen med tabb. YAML tillåter bara mellanslag för indrag. Byt tabben mot "
                            "mellanslag, lika många som på raderna runt omkring.")
    context = exc.context or ""
    if "quoted scalar" in context and exc.context_mark is not None:
        # PyYAML points at the end of the file; the editor's mistake is where the quote opened.
        return exc.context_mark.line + 1, ("Ett citattecken som börjar på den här raden stängs aldrig. Avsluta "
                                           "texten med samma sorts citattecken som den börjar med.")
    if ("alias" in context or "anchor" in context) and exc.context_mark is not None:
        return exc.context_mark.line + 1, ("En text som börjar med * eller & läses av YAML som en hänvisning, till "
                                           "exempel när en punkt börjar med **fetstil**. Sätt hela texten inom "
                                           "citattecken: - \"**Vem:** …\".")
    problem = exc.problem or context or "okänt fel"
    return line, ("YAML-filen går inte att läsa (syntaxfel). Kontrollera indrag, kolon och citattecken på raden "
                  f"eller raden före. Tekniskt meddelande: {problem}.")


# Deeper than any real content file (method.yml nests about seven levels); a
# file nested thousands of levels deep would exhaust the stack instead.
MAX_DEPTH = 20


def _structure_is_safe(text: str, display: str, report: Report) -> bool:
    """Refuse aliases and runaway nesting from the event stream, before any tree is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            report.error(display, f"YAML-alias (*{event.anchor}) stöds inte. Skriv ut värdet på varje ställe där "
                                  "det ska stå, i stället för att hänvisa till ett annat ställe i filen.", line=line)
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                report.error(display, f"Filen har fält inuti fält i mer än {MAX_DEPTH} nivåer. Så djupt går "
                                      "inget fält i innehållsmodellen; kontrollera indragen.", line=line)
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


_constructor = yaml.constructor.SafeConstructor()


def _convert(node: yaml.Node, path: FieldPath, doc: SourceDocument, report: Report) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                report.error(doc.file, "Ett fältnamn måste vara vanlig text.", line=key_line, path=path)
                continue
            key = key_node.value
            if key in first_seen:
                report.error(
                    doc.file,
                    f"Fältet \"{key}\" finns två gånger (första gången på rad {first_seen[key]}). "
                    "Ta bort eller slå ihop dubbletten, annars skulle en av dem tappas bort.",
                    line=key_line,
                    path=path + (key,),
                )
                continue
            first_seen[key] = key_line
            doc.lines[path + (key,)] = key_line
            result[key] = _convert(value_node, path + (key,), doc, report)
        return result
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
        return [_convert(item, path + (i,), doc, report) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TYPES:
        if node.style in ("|", ">"):
            doc.block_text.add(path)
        glued = _glued_list_item(node, doc.source)
        if glued is not None:
            report.error(doc.file, f"Raden börjar med \"-\" som en ny punkt, men den är indragen mer än punkten "
                                   f"ovanför, så YAML läser den som en fortsättning på samma text (\"{glued[1]}\"). "
                                   "Ge alla punkter i listan samma indrag.", line=glued[0], path=path)
            return _INVALID
        if not node.style and node.tag != "tag:yaml.org,2002:str":  # plain: None, or "" from libyaml
            doc.written[path] = node.value
        try:
            return _constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                report.error(
                    doc.file,
                    f"\"{node.value}\" är inget giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.",
                    line=node.start_mark.line + 1,
                    path=path,
                )
            else:
                report.error(doc.file, f"Värdet \"{node.value}\" går inte att tolka.", line=node.start_mark.line + 1, path=path)
            return _INVALID
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    report.error(
        doc.file,
        f"YAML-taggen \"{tag}\" stöds inte. Använd bara vanlig text, tal, datum, listor och fält.",
        line=node.start_mark.line + 1,
        path=path,
    )
    return _INVALID


def _glued_list_item(node: yaml.ScalarNode, source: list[str]) -> tuple[int, str] | None:
    """(line, the text read) when an unquoted text runs on to a line that starts like a list item:
    one item indented a space less than the next makes YAML join them into one text."""
    if node.style or node.end_mark.line == node.start_mark.line:
        return None
    last = node.end_mark.line - (1 if node.end_mark.column == 0 else 0)
    for index in range(node.start_mark.line + 1, min(last, len(source) - 1) + 1):
        if source[index].lstrip().startswith("- "):
            return index + 1, " ".join(node.value.split())[:80]
    return None


class _Invalid:
    """Marks a value that was already reported as broken, so it is not reported twice."""

    def __repr__(self) -> str:  # pragma: no cover
        return "<ogiltigt värde>"


_INVALID = _Invalid()
INVALID = _INVALID

