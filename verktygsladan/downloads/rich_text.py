"""Method Markdown as simple rich text that every document format can write.

Guidance and descriptions are Markdown on the web page. Office documents and
PDFs need paragraphs, list items and runs of bold, italic or linked text, so
the Markdown is rendered once with Python-Markdown and read back as blocks.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

import markdown

from ..content.text_rules import inert_markdown


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


@dataclass(frozen=True)
class Block:
    runs: tuple[Run, ...]
    kind: str = "paragraph"  # "paragraph", "bullet" or "number"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def blocks_from_markdown(source: str) -> tuple[Block, ...]:
    rendered = markdown.markdown(inert_markdown(source), extensions=["sane_lists"], output_format="xhtml")
    root = ElementTree.fromstring(f"<root>{_XML_ENTITIES_ONLY.sub(_unescape, rendered)}</root>")
    blocks: list[Block] = []
    for element in root:
        _collect(element, blocks)
    return tuple(b for b in blocks if b.text.strip())


# XML knows only five named entities; an editor's &nbsp; becomes its character.
_XML_ENTITIES_ONLY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)\w+;")


def _unescape(match: re.Match) -> str:
    return html.escape(html.unescape(match.group(0)))


def _collect(element: ElementTree.Element, blocks: list[Block]) -> None:
    if element.tag in ("ul", "ol"):
        kind = "bullet" if element.tag == "ul" else "number"
        for item in element.findall("li"):
            nested = [child for child in item if child.tag in ("ul", "ol")]
            paragraphs = [child for child in item if child.tag == "p"]
            if paragraphs:
                for paragraph in paragraphs:
                    blocks.append(Block(_runs(paragraph), kind))
            else:
                blocks.append(Block(_runs(item, skip=("ul", "ol")), kind))
            for child in nested:
                _collect(child, blocks)
    elif element.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"):
        if element.tag == "blockquote":
            for child in element:
                _collect(child, blocks)
        else:
            blocks.append(Block(_runs(element), "paragraph"))
    else:
        blocks.append(Block(_runs(element), "paragraph"))


# Only absolute links still work in a file that has left the website; a
# relative one ("annan-metod.md") would point nowhere, so it becomes plain text.
_ABSOLUTE_LINK = ("http://", "https://", "mailto:")


def _download_link(href: str | None) -> str | None:
    return href if href and href.startswith(_ABSOLUTE_LINK) else None


def _runs(element: ElementTree.Element, *, bold: bool = False, italic: bool = False,
          url: str | None = None, skip: tuple[str, ...] = ()) -> tuple[Run, ...]:
    runs: list[Run] = []
    if element.text:
        runs.append(Run(element.text, bold, italic, url))
    for child in element:
        if child.tag in skip:
            pass
        elif child.tag == "br":
            runs.append(Run("\n", bold, italic, url))
        else:
            runs.extend(_runs(child, bold=bold or child.tag in ("strong", "b"),
                              italic=italic or child.tag in ("em", "i"),
                              url=_download_link(child.get("href")) if child.tag == "a" else url))
        if child.tail:
            runs.append(Run(child.tail, bold, italic, url))
    return tuple(_merge(runs))


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].url) == (run.bold, run.italic, run.url):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.url)
        else:
            merged.append(run)
    return merged
