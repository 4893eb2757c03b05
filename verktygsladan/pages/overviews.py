"""Listings for the hand-written pages: the glossary."""

from __future__ import annotations

from ..content.glossary import GlossaryEntry
from ..content.text_rules import inert_markdown
from .markdown import definition, plain


def glossary_list(glossary: list[GlossaryEntry]) -> str:
    entries = []
    for entry in glossary:
        name = plain(entry.term) + (f" ({plain(entry.abbreviation)})" if entry.abbreviation else "")
        entries.append(definition(name, inert_markdown(entry.definition)))
    return "\n\n".join(entries)
