"""The glossary in methods/glossary.yml: one list for the Ordlista page and for
the abbreviation tooltips on every page."""

from __future__ import annotations

from pathlib import Path

from .errors import FieldPath, Report
from .fields import Context, ListOf, Markdown, Nested, Record, Text
from .yaml_source import INVALID, load_yaml

# Swedish alphabetical order puts å, ä and ö after z, in that order.
_SWEDISH_ORDER = str.maketrans({"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003",
                                "Å": "z\u0001", "Ä": "z\u0002", "Ö": "z\u0003"})


def swedish_sort_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH_ORDER)


class GlossaryEntry(Record):
    label = "Ett begrepp"
    term = Text("Begrepp", max_length=80, help="Skrivet i sin vanliga form, till exempel \"Social konsekvensanalys\".")
    abbreviation = Text("Förkortning", max_length=20, required=False,
                        help="Förkortningen förklaras med begreppet överallt där den står på webbplatsen.")
    definition = Markdown("Förklaring")


class GlossaryFile(Record):
    label = "Ordlistan"
    entries = ListOf(Nested(GlossaryEntry, "Begrepp"), "Begrepp", min_items=1)

    def check(self, path: FieldPath, ctx: Context) -> None:
        seen: dict[str, int] = {}
        for index, entry in enumerate(self.entries):
            for key, value in (("term", entry.term), ("abbreviation", entry.abbreviation)):
                if value is None:
                    continue
                folded = value.casefold()
                if folded in seen:
                    ctx.error(path + ("entries", index, key),
                              f"\"{value}\" finns redan i ordlistan (punkt {seen[folded] + 1}).")
                seen.setdefault(folded, index)


def load_glossary(path: Path, display: str, report: Report) -> list[GlossaryEntry]:
    doc = load_yaml(path, display, report)
    if doc is None:
        return []
    parsed = GlossaryFile.parse(doc.data, (), Context(doc, report))
    if parsed is INVALID:
        return []
    return sorted(parsed.entries, key=lambda entry: swedish_sort_key(entry.term))


def abbreviations(glossary: list[GlossaryEntry]) -> dict[str, str]:
    """Abbreviation → what it stands for, for the Markdown abbr extension."""
    return {entry.abbreviation: entry.term for entry in glossary if entry.abbreviation}
