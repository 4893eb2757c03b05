"""Listings for the hand-written pages: the glossary, and the methods by where they come from."""

from __future__ import annotations

from ..content import Handbook, Method
from ..content.errors import join_swedish
from ..content.glossary import GlossaryEntry
from ..content.text_rules import inert_markdown
from .markdown import count_of, definition, link, plain
from .method_page import method_page_path

# The project behind Göteborgsregionen's toolbox of 2019, as the methods' `trust.origin` names it.
TOOLBOX_PROJECT = "Social innovation i samhällsplanering"
TOOLBOX_YEAR = 2019


def glossary_list(glossary: list[GlossaryEntry]) -> str:
    entries = []
    for entry in glossary:
        name = plain(entry.term) + (f" ({plain(entry.abbreviation)})" if entry.abbreviation else "")
        entries.append(definition(name, inert_markdown(entry.definition)))
    return "\n\n".join(entries)


def from_the_2019_toolbox(method: Method) -> bool:
    origin = method.trust.origin
    return origin.project == TOOLBOX_PROJECT and origin.year == TOOLBOX_YEAR and not method.is_local


def methods_by_origin(handbook: Handbook, link_prefix: str) -> str:
    """Which methods come from GR's toolbox of 2019 and which were added later, read from each method's
    origin, so a new method is never presented as one of GR's."""
    def names(methods: list[Method]) -> str:
        return join_swedish(link(m.title, link_prefix + method_page_path(m)) for m in methods)

    toolbox = [m for m in handbook.methods if from_the_2019_toolbox(m)]
    later = [m for m in handbook.methods if not from_the_2019_toolbox(m)]
    parts = []
    if toolbox:
        parts.append(f"{count_of(len(toolbox), 'metod', 'metoder').capitalize()} kommer från "
                     f"Göteborgsregionens verktygslåda från {TOOLBOX_YEAR} (projektet {TOOLBOX_PROJECT}): "
                     f"{names(toolbox)}.")
    if later:
        origins = join_swedish(sorted({f"{plain(m.trust.origin.project)} ({m.trust.origin.year})" for m in later}))
        parts.append(f"{count_of(len(later), 'metod', 'metoder').capitalize()} har lagts till senare och kommer "
                     f"från {origins}: {names(later)}.")
    return " ".join(parts)
