"""The method catalogue as open data: JSON with every structured field, and a flat CSV.

Both are derived from the schema, so a new field appears in the export, and
in its documentation, without touching this module.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import Any

from ..content import Handbook, Method, next_review
from ..content.fields import ListOf, Nested, Record
from ..content.errors import join_swedish
from ..content.schema import MethodText
from ..content.edition import LocalAdditions
from ..content.vocabulary import VocabularyFile
from ..site_layout import OPEN_DATA_CSV_PATH, OPEN_DATA_JSON_PATH
from .markdown import plain

FORMAT_VERSION = 1


def record_data(record: Record) -> dict[str, Any]:
    """A validated record as plain JSON data, in schema order, leaving out empty optional fields."""
    return {name: _value(value) for name, value in record if value not in (None, [])}


def _value(value: Any) -> Any:
    if isinstance(value, Record):
        return record_data(value)
    if isinstance(value, list):
        return [_value(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def method_data(method: Method) -> dict[str, Any]:
    return {
        "slug": method.slug,
        **record_data(method),
        "text": record_data(method.text),
        "next_review": next_review(method).isoformat(),
        "source_file": method.source_file,
        **({"is_local": True} if method.is_local else {}),
        **({"local": record_data(method.local)} if method.local else {}),
    }


def edition_data(handbook: Handbook) -> dict[str, Any]:
    """Which organisation's edition this is; its methods carry `local` and `is_local`."""
    settings = handbook.edition.settings
    return {key: value for key, value in record_data(settings).items() if key not in ("logo", "brand_colour")}


def catalogue_json(handbook: Handbook) -> str:
    catalogue = {
        "format_version": FORMAT_VERSION,
        "description": "Metoderna i Verktygslådan – metoder för socialt hållbar samhällsplanering. "
                       "Licens CC BY 4.0. Fälten beskrivs på sidan Öppna data och i method.schema.json.",
        **({"edition": edition_data(handbook)} if handbook.edition else {}),
        "vocabulary": handbook.vocabulary.as_data(),
        "methods": [method_data(m) for m in handbook.methods],
    }
    # Without indentation: a fifth smaller, and any JSON tool shows it indented.
    return json.dumps(catalogue, ensure_ascii=False, separators=(",", ":")) + "\n"


# One CSV row per method: nested lists are joined with this separator.
CSV_LIST_SEPARATOR = " | "
CSV_COLUMNS = ("slug", "id", "title", "short_title", "summary", "status", "phases", "questions", "target_groups",
               "lead", "participants", "weeks_min", "weeks_max", "participants_min", "participants_max",
               "difficulty", "steps", "templates", "checklists", "tested_in", "owner", "last_reviewed",
               "next_review", "sources")


def catalogue_csv(handbook: Handbook) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for method in handbook.methods:
        join = CSV_LIST_SEPARATOR.join
        row = {
            "slug": method.slug, "id": method.id, "title": method.title, "short_title": method.short_title,
            "summary": method.summary, "status": method.trust.status, "phases": join(method.phases),
            "questions": join(method.questions), "target_groups": join(method.target_groups),
            "lead": join(method.people.lead), "participants": join(method.people.participants),
            "weeks_min": method.effort.weeks.min, "weeks_max": method.effort.weeks.max,
            "participants_min": method.effort.participants.min, "participants_max": method.effort.participants.max,
            "difficulty": method.difficulty, "steps": join(s.title for s in method.steps),
            "templates": join(t.title for t in method.templates),
            "checklists": join(c.title for c in method.checklists), "tested_in": join(method.trust.tested_in),
            "owner": method.trust.owner, "last_reviewed": method.trust.last_reviewed.isoformat(),
            "next_review": next_review(method).isoformat(), "sources": join(s.url for s in method.sources),
        }
        writer.writerow([_csv_cell(row[column]) for column in CSV_COLUMNS])
    return output.getvalue()


# A spreadsheet program runs a cell that starts with one of these as a formula
# (it could, say, make a link that sends data away), so it gets an apostrophe first.
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    return f"'{value}" if isinstance(value, str) and value.startswith(CSV_FORMULA_START) else value


def _field_rows(record: type[Record], prefix: str = "") -> list[str]:
    rows = []
    for name, field in record.fields.items():
        inner = field.item if isinstance(field, ListOf) else field
        kind = "lista" if isinstance(field, ListOf) else "värde"
        required = "ja" if field.required else "nej"
        rows.append(f"| `{prefix}{name}` | {plain(field.label)} | {kind} | {required} |")
        if isinstance(inner, Nested):
            rows += _field_rows(inner.record, f"{prefix}{name}{'[]' if kind == 'lista' else ''}.")
    return rows


def render_open_data_page(handbook: Handbook) -> str:
    fields = "\n".join(["| Fält | Betydelse | Typ | Alltid med |", "| --- | --- | --- | --- |",
                        "| `slug` | Mappnamnet och sidans adress | värde | ja |",
                        *_field_rows(Method),
                        *_field_rows(MethodText, "text."),
                        "| `next_review` | Senast nästa granskning (beräknad) | värde | ja |",
                        "| `source_file` | Metodens källfil i förrådet | värde | ja |"])
    vocabularies = join_swedish(field.label for field in VocabularyFile.fields.values())
    return f"""---
title: Öppna data
render_macros: false
edit_path: ''
---

# Öppna data

Alla metoder i handboken finns som öppna data, så att andra kommuner och system
kan använda dem. Uppgifterna får användas enligt licensen CC BY 4.0 – ange
Verktygslådan som källa.

- [Metodkatalogen som JSON]({OPEN_DATA_JSON_PATH}) – alla strukturerade fält för varje metod, och vokabulären
  ({vocabularies}) med id och namn.
- [Metodkatalogen som CSV]({OPEN_DATA_CSV_PATH}) – en rad per metod med de viktigaste fälten, för kalkylprogram.
- [JSON-schemat för metodfilerna](method.schema.json) – samma beskrivning av fälten som redaktörerna använder.

## JSON-filen

Filen har fälten `format_version` (nu {FORMAT_VERSION}; höjs om formatet ändras så att det inte längre är
bakåtkompatibelt), `description`, `vocabulary` och `methods`. Värden från vokabulären anges med sitt id,
till exempel `detaljplan-samrad`; namnet står i `vocabulary`. Datum skrivs ÅÅÅÅ-MM-DD. Text i fält av typen
Markdown är skriven i Markdown. Tomma valfria fält är utelämnade.

Varje metod i `methods` har de här fälten:

{fields}

I en kommunutgåva har filen också fältet `edition`, med utgåvans inställningar (organisation, typ,
kommunkod, utgivare, kontaktväg och adress). En metod som utgåvan har lagt till själv har `is_local: true`,
och en regional metod med lokala tillägg har dem i `local`: {join_swedish(f"`{name}`" for name in
LocalAdditions.fields)}. De regionala fälten är alltid den regionala handbokens text.

## CSV-filen

Filen är kommaseparerad och kodad i UTF-8, med en rubrikrad. Fält med flera värden är sammanfogade med
`{CSV_LIST_SEPARATOR.strip()}`. Kolumnerna är: {", ".join(f"`{c}`" for c in CSV_COLUMNS)}. Värden från
vokabulären anges med sitt id, som i JSON-filen. En text som börjar med {join_swedish(f"`{c}`" for c in
CSV_FORMULA_START if c.strip())} har en apostrof (`'`) först, så att kalkylprogram visar den som text och inte
kör den som en formel.
"""

