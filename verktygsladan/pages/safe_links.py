"""The last line of defence where pages are written: no script links, no images from elsewhere.

The content check refuses such links and images with a message to the
editor. This Python-Markdown extension applies the same rule
(`content.text_rules`) to every page as it is rendered, so that content
which somehow skipped the check still cannot run a script from a link, load
an image from another host (which would tell that host about every reader)
or carry an event-handler attribute.

Like `abbreviations`, it is plain Python-Markdown: the MkDocs glue and the
print edition both load it.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..content.text_rules import is_local_resource, is_safe_href
from .tree_edits import replace_with_text

# After inline processing (20), so links and images exist.
PRIORITY = 1
_ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href")


class _SafeLinksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            for name in list(element.attrib):
                value = element.attrib[name]
                if name.lower().startswith("on"):
                    del element.attrib[name]
                elif name.lower() in _ADDRESS_ATTRIBUTES and not _allowed(element.tag, name.lower(), value):
                    del element.attrib[name]
                    if element.tag == "a":
                        element.tag = "span"  # the text stays; an <a> without href would trip the site generator
            if element.tag == "img" and "src" not in element.attrib and element in parents:
                replace_with_text(element, parents[element], element.get("alt", ""))


def _allowed(tag: str, attribute: str, value: str) -> bool:
    if tag == "a" and attribute == "href":
        return is_safe_href(value)
    return is_local_resource(value)


class SafeLinks(Extension):
    """`extensions=[..., SafeLinks()]`: a link to an unsafe target becomes its text."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_SafeLinksTreeprocessor(md), "verktygsladan_safe_links", PRIORITY)
