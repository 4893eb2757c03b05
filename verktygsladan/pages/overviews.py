"""Listings for the hand-written pages: methods by phase and by question, and the glossary.

Each takes `link_prefix`, the path from the calling page to the method pages.
"""

from __future__ import annotations

from ..content import Handbook
from ..content.glossary import GlossaryEntry
from ..content.text_rules import inert_markdown
from .markdown import definition, link, plain
from .local_content import listed_title
from .method_page import method_page_path


def methods_by_vocabulary(handbook: Handbook, vocabulary: str, field: str, heading: str,
                          link_prefix: str = "") -> str:
    """A table with one row per term that some method uses, in vocabulary order."""
    rows = [f"| {heading} | Metoder |", "| --- | --- |"]
    for term_id, term in handbook.vocabulary.terms(vocabulary).items():
        methods = [m for m in handbook.methods if term_id in getattr(m, field)]
        if methods:
            links = ", ".join(link(listed_title(m, m.short_title), link_prefix + method_page_path(m)) for m in methods)
            rows.append(f"| {plain(term.name)} | {links} |")
    return "\n".join(rows)


def glossary_list(glossary: list[GlossaryEntry]) -> str:
    entries = []
    for entry in glossary:
        name = plain(entry.term) + (f" ({plain(entry.abbreviation)})" if entry.abbreviation else "")
        entries.append(definition(name, inert_markdown(entry.definition)))
    return "\n\n".join(entries)
