"""Explain each abbreviation once a page, where it is first used.

Python-Markdown's abbr extension wraps every occurrence of a glossary
abbreviation in `<abbr title="…">`. A long page such as the indicator
catalogue then carries over a hundred of them, and Material turns each into a
tooltip while the page loads: on a mid-range phone that was the largest piece
of script work on the page. Readers need the meaning once, as a style guide
would spell it out on first use, and the glossary page lists them all.

So the first use stays an `<abbr>` and is made focusable, because a title is
otherwise reachable only by mouse; later uses on the same page become plain
text. A use inside a link or button does not count: the control already takes
the focus, HTML forbids a focusable element inside it, and its text usually
spells the name out ("Social konsekvensanalys (SKA)"). It becomes plain text,
and the first use outside a control is the one explained.

This is a Python-Markdown extension, not MkDocs code: any site generator built
on Python-Markdown can load it after `abbr`.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .tree_edits import replace_with_text

# The abbr extension runs at priority 7 and the table of contents at 5; this
# must see the finished <abbr> elements, and the contents must see the result.
PRIORITY = 6

# Elements that take the focus themselves and, by the HTML standard, may not
# contain anything else that does.
CONTROLS = frozenset({"a", "button"})


class _FirstUseTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        abbrs = list(root.iter("abbr"))
        if not abbrs:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        explained: set[str] = set()
        # iter() walks in document order, so "first" is the first a reader meets.
        for abbr in abbrs:
            if abbr.text in explained or _inside_control(abbr, parents):
                replace_with_text(abbr, parents[abbr], abbr.text or "")
            else:
                explained.add(abbr.text)
                abbr.set("tabindex", "0")


def _inside_control(element: etree.Element, parents: dict[etree.Element, etree.Element]) -> bool:
    while element in parents:
        element = parents[element]
        if element.tag in CONTROLS:
            return True
    return False


class FirstUseOfAbbreviations(Extension):
    """Load after the abbr extension: `extensions=["abbr", FirstUseOfAbbreviations()]`."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_FirstUseTreeprocessor(md), "abbr_first_use", PRIORITY)
