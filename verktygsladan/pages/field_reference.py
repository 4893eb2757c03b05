"""The editors' field reference: every field of method.yml and text.md, in Swedish, from the content model.

Nothing here is written by hand per field: the labels, help texts, limits and
allowed values come from content/schema.py and methods/vocabulary.yml, and
each example is the value the commented example method (methods/_exempel)
gives the field. A field added to the model appears here at the next build.
"""

from __future__ import annotations

from typing import Any

from ..content import Handbook
from ..content.fields import Choice, Field, Integer, ListOf, Markdown, Nested, Text
from ..content.publishing_floor import MIN_CHECKLIST_ITEMS, MIN_SOURCES, MIN_STEP_TEXT, MIN_STEPS
from ..content.schema import Method, MethodText
from .markdown import plain

# What the publishing floor asks of a field beyond the schema (publishing_floor.py), for the reference.
_FLOOR = {
    ("steps",): f"minst {MIN_STEPS} steg, vart och ett beskrivet med minst {MIN_STEP_TEXT} tecken",
    ("checklists",): f"minst en checklista med minst {MIN_CHECKLIST_ITEMS} punkter",
    ("templates",): "minst en mall med något att fylla i",
    ("people", "participants"): "minst en roll",
    ("sources",): f"minst {MIN_SOURCES} källor",
    ("when_not_to_use",): "minst en punkt",
    ("related",): "minst en relaterad metod, när handboken har fler metoder",
}


def render_field_reference(handbook: Handbook) -> str:
    example = handbook.example_method
    statuses = handbook.vocabulary.terms("statuses")
    lines = [
        "# Fältreferens för redaktörer",
        "",
        "Här står varje fält i en metods `method.yml` och rubrikerna i `text.md`: om fältet är obligatoriskt, "
        "vilka gränser och värden som gäller, och ett exempel ur exempelmetoden (`methods/_exempel`). Sidan "
        "byggs från handbokens innehållsmodell, så den stämmer alltid med det som `make check` kontrollerar. "
        "*Obligatoriskt* betyder att `make check` stoppar om fältet saknas. *Krävs för att publiceras* betyder "
        "att fältet får saknas i ett utkast men måste finnas innan metoden publiceras.",
        "",
        "## Titel och kort namn",
        "",
        f"`title` ({plain(Method.title.label)}) är metodens fullständiga namn. Det står som rubrik på sidan, på "
        "metodkortet och i dokumenten. `short_title` ({}) är en kortare form som används där platsen är trång, "
        "till exempel i menyn. Skriv samma metod med samma ord i båda, till exempel *Social konsekvensanalys (SKA) "
        "i detaljplaneprocessen* och *Social konsekvensanalys (SKA)*.".format(plain(Method.short_title.label)),
        "",
        "## Status",
        "",
        "Statusen säger hur väl prövad metoden är. Välj den som källorna stöder:",
        "",
    ]
    for term_id, term in statuses.items():
        lines.append(f"- `{term_id}` – **{plain(term.name)}**: {plain(term.description or '')}")
    lines += ["", "En metod som har anpassats från en annan kommuns arbete är *Prövad* bara om den här versionen "
              "har prövats. Skriv i `tested_what` vilken del som prövades, var och enligt vilken källa.", "",
              "## Fälten i method.yml", ""]
    lines += _fields(Method, (), example, handbook, level=3)
    lines += ["## Rubrikerna i text.md", ""]
    for name, field in MethodText.fields.items():
        required = "Obligatoriskt" if field.required else "Krävs för att publiceras" if name == "background" else "Valfritt"
        lines += [f"### {plain(field.label)} (`## {field.label}`)", "", f"{required}. {plain(field.help)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _fields(record, path: tuple, example: Any, handbook: Handbook, level: int) -> list[str]:
    lines: list[str] = []
    for name, field in record.fields.items():
        here = path + (name,)
        dotted = ".".join(here)
        value = example.get(name) if isinstance(example, dict) else None
        lines += [f"{'#' * min(level, 6)} `{dotted}` – {plain(field.label)}", ""]
        facts = [_status(field, here), _kind(field, handbook)]
        if field.help:
            facts.append(plain(field.help))
        shown = _example(field, value)
        if shown:
            facts.append(f"Exempel: {shown}")
        lines += [f"- {fact}" for fact in facts if fact] + [""]
        inner = field.item if isinstance(field, ListOf) else field
        if isinstance(inner, Nested):
            first = value[0] if isinstance(field, ListOf) and isinstance(value, list) and value else value
            lines += _fields(inner.record, here, first, handbook, level + 1)
    return lines


def _status(field: Field, path: tuple) -> str:
    floor = _FLOOR.get(path)
    if field.required:
        return "Obligatoriskt" + (f"; för att publiceras {floor}" if floor else "") + "."
    return f"Krävs för att publiceras: {floor}." if floor else "Valfritt."


def _kind(field: Field, handbook: Handbook) -> str:
    if isinstance(field, ListOf):
        inner = field.item
        what = "en lista av grupper av fält (se nedan)" if isinstance(inner, Nested) else \
            f"en lista där varje punkt är {_kind(inner, handbook).removeprefix('Värde: ').rstrip('.')}"
        limits = [f"minst {field.min_items}"] if field.min_items else []
        if field.unique:
            limits.append("inga dubbletter")
        return f"Värde: {what}" + (f" ({', '.join(limits)})" if limits else "") + "."
    if isinstance(field, Nested):
        return "Värde: en grupp av fält (se nedan)."
    if isinstance(field, Choice):
        terms = handbook.vocabulary.terms(field.vocabulary)
        values = ", ".join(f"`{term_id}` ({plain(term.name)})" for term_id, term in terms.items())
        return f"Värde: ett av {values}."
    if isinstance(field, Text):
        limit = f", högst {field.max_length} tecken" if field.max_length else ""
        return f"Värde: text på en rad{limit}, utan formatering."
    if isinstance(field, Markdown):
        return "Värde: text med Markdown (stycken, listor, **fetstil**, länkar), ingen HTML."
    if isinstance(field, Integer):
        bounds = [f"minst {field.minimum}" if field.minimum is not None else "",
                  f"högst {field.maximum}" if field.maximum is not None else ""]
        return "Värde: ett heltal" + (f" ({', '.join(b for b in bounds if b)})" if any(bounds) else "") + "."
    return f"Värde: {field.expected}."  # ja/nej, datum, webbadress, id


def _example(field: Field, value: Any) -> str:
    if value is None or isinstance(field, Nested) or (isinstance(field, ListOf) and isinstance(field.item, Nested)):
        return ""
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return ""
    text = " ".join(str(value).split())
    if len(text) > 120:
        text = text[:120].rsplit(" ", 1)[0] + " …"
    return f"`{text.replace('`', '')}`"
