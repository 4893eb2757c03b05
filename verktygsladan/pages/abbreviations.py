"""Explain each abbreviation once a page, where it is first used.

Python-Markdown's abbr extension wraps every occurrence of a glossary
abbreviation in `<abbr title="…">`. A long page such as the indicator
catalogue then carries over a hundred of them, and Material turns each into a
tooltip while the page loads: on a mid-range phone that was the largest piece
of script work on the page. Readers need the meaning once, as a style guide
would spell it out on first use, and the glossary page lists them all.

So the first use stays an `<abbr>` and is made focusable, because a title is
otherwise reachable only by mouse; later uses on the same page become plain
text. This is a Python-Markdown extension, not MkDocs code: any site generator
built on Python-Markdown can load it after `abbr`.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# The abbr extension runs at priority 7 and the table of contents at 5; this
# must see the finished <abbr> elements, and the contents must see the result.
PRIORITY = 6


class _FirstUseTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        explained: set[str] = set()
        # iter() walks in document order, so "first" is the first a reader meets.
        for abbr in list(root.iter("abbr")):
            if abbr.text not in explained:
                explained.add(abbr.text)
                abbr.set("tabindex", "0")
            else:
                _replace_with_its_text(abbr, parents[abbr])


def _replace_with_its_text(element: etree.Element, parent: etree.Element) -> None:
    words = (element.text or "") + (element.tail or "")
    position = list(parent).index(element)
    if position:
        before = parent[position - 1]
        before.tail = (before.tail or "") + words
    else:
        parent.text = (parent.text or "") + words
    parent.remove(element)


class FirstUseOfAbbreviations(Extension):
    """Load after the abbr extension: `extensions=["abbr", FirstUseOfAbbreviations()]`."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_FirstUseTreeprocessor(md), "abbr_first_use", PRIORITY)
