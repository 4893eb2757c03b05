"""What an edition adds, as the pages show it: always marked, never mixed into the regional text.

A reader must always see what is regional guidance and what the local
organisation has added. Local content therefore sits in boxes that say whose
it is in words ("I Lerums kommun"), not only by colour, and a local method is
called "Lokal metod" wherever it is listed.
"""

from __future__ import annotations

import html

from ..content import Handbook, Method
from ..content.edition import LOCAL_DIR
from ..content.library import METHOD_FILE
from ..content.schema import Checklist, Step
from ..content.text_rules import inert_markdown as md
from ..content.errors import join_swedish
from .markdown import bullet_list, count_of, link, plain

LOCAL_METHOD = "Lokal metod"
LOCAL_SECTION_ID = "lokalt"


def local_heading(handbook: Handbook) -> str:
    return f"I {handbook.edition.name}" if handbook.edition else ""


def listed_title(method: Method, title: str) -> str:
    """A method's name where it is listed (menu, map, tables): local methods say so."""
    return f"{title} ({LOCAL_METHOD.lower()})" if method.is_local else title


def local_method_note(method: Method, handbook: Handbook) -> str | None:
    """The marker a local method's page and card carry."""
    if not method.is_local or handbook.edition is None:
        return None
    return f"{LOCAL_METHOD} i {handbook.edition.name}. Den ingår inte i den regionala handboken."


def edit_path(method: Method, handbook: Handbook) -> str:
    """The file an editor changes for this page, relative to the repository (or the edition's
    folder, in an edition). In an edition the regional text is not the edition's to edit, so a
    regional method without local additions has none."""
    if handbook.edition is None:
        return method.source_file
    if method.is_local:
        return f"{LOCAL_DIR}/{method.slug}/{METHOD_FILE}"
    return f"{LOCAL_DIR}/{method.slug}.yml" if method.local else ""


def local_summary(method: Method, handbook: Handbook) -> str | None:
    """What the edition has added to a regional method, in a few words for its card."""
    local = method.local
    if local is None:
        return None
    parts = [("en inledning" if local.introduction else ""),
             count_of(len(local.contacts), "kontakt", "kontakter") if local.contacts else "",
             count_of(len(local.documents), "dokument", "dokument") if local.documents else "",
             count_of(len(local.step_notes), "anteckning till steg", "anteckningar till steg")
             if local.step_notes else "",
             count_of(len(local.examples), "exempel", "exempel") if local.examples else "",
             count_of(len(local.checklist_items), "checklistpunkt", "checklistpunkter")
             if local.checklist_items else ""]
    return f"{handbook.edition.name} har lagt till " + join_swedish(p for p in parts if p) + "."


def local_section(method: Method, handbook: Handbook) -> str | None:
    """The edition's introduction, contacts and documents for a regional method, in one marked box."""
    local = method.local
    if local is None or not (local.introduction or local.contacts or local.documents):
        return None
    parts = [f"## {plain(local_heading(handbook))} {{ #{LOCAL_SECTION_ID} }}",
             "Det här har " + plain(handbook.edition.name) + " lagt till. Resten av sidan är den regionala "
             "handbokens text."]
    if local.introduction:
        parts.append(md(local.introduction))
    if local.contacts:
        parts.append("**Kontakt**\n\n" + bullet_list(_contact(c) for c in local.contacts))
    if local.documents:
        items = []
        for document in sorted(local.documents, key=lambda d: d.date, reverse=True):
            text = f"{link(document.title, document.url)} ({document.date.isoformat()})"
            if document.description:
                text += f"\n\n{md(document.description)}"
            items.append(text)
        parts.append("**Lokala dokument**\n\n" + bullet_list(items))
    body = "\n\n".join(parts)
    return f'<section class="vl-local" aria-labelledby="{LOCAL_SECTION_ID}" markdown>\n\n{body}\n\n</section>'


def _contact(contact) -> str:
    routes = []
    if contact.email:
        routes.append(link(contact.email, f"mailto:{contact.email}"))
    if contact.phone:
        routes.append(plain(contact.phone))
    if contact.url:
        routes.append(link("webbsida", contact.url))
    return f"{plain(contact.role)}: " + ", ".join(routes)


def step_notes(method: Method, step: Step, handbook: Handbook) -> str | None:
    """The edition's notes to one step, in a marked box under the step."""
    if method.local is None:
        return None
    notes = [note.note for note in method.local.step_notes if note.step == step.id]
    if not notes:
        return None
    body = "\n\n".join(md(note) for note in notes)
    return f"{_note_open(handbook)}\n\n{body}\n\n</div>"


def _note_open(handbook: Handbook) -> str:
    # A note, not a landmark: a page may have many, and each says whose it is in words.
    label = local_heading(handbook)
    return (f'<div class="vl-local vl-local--note" role="note" aria-label="{html.escape(label)}" markdown>\n\n'
            f'<p class="vl-local__label" markdown="span">{plain(label)}</p>')


def local_examples(method: Method, handbook: Handbook) -> list[str]:
    if method.local is None:
        return []
    return [f"### {plain(example.municipality)}, {example.year} – lokalt exempel\n\n"
            f"{_note_open(handbook)}\n\n{md(example.description)}\n\n"
            f"Källa: {link(f'Beskrivning av exemplet från {example.municipality}', example.source_url)}\n\n</div>"
            for example in method.local.examples]


def local_checklist_items(method: Method, checklist: Checklist) -> list:
    if method.local is None:
        return []
    return [item for item in method.local.checklist_items if item.checklist == checklist.id]
