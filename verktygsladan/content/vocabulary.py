"""The controlled vocabularies in methods/vocabulary.yml.

Planning phases, questions, target groups, roles, statuses, difficulty levels
and checklist levels are defined once, in that file. The schema refers to
them by name (`Term(vocabulary="phases")`) and code never lists their values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import FieldPath, Report
from .fields import Boolean, Context, Identifier, ListOf, Markdown, Nested, Record, Text
from .yaml_source import INVALID, load_yaml


class Term(Record):
    label = "Ett värde i vokabulären"
    id = Identifier("Id", help="Det som skrivs i metodfilerna. Ändra aldrig ett id som används.")
    name = Text("Benämning", max_length=80, help="Det som visas på webbplatsen.")
    description = Markdown("Beskrivning", required=False)


class Phase(Term):
    label = "Ett planeringsskede"
    group = Text("Grupp", required=False, help="Samlar delskeden, till exempel \"Detaljplan\".")
    track = Text("Spår", required=False, max_length=40,
                 help="Ett skede som pågår vid sidan av huvudflödet, till exempel \"Sidospår\". "
                      "Skeden med samma spår visas tillsammans bredvid huvudflödet. Skeden utan spår ingår i det.")


class Status(Term):
    label = "En status"
    requires_tested_in = Boolean("Kräver prövning", required=False,
                                 help="true om en metod med den här statusen måste ange kommuner i tested_in.")


def _terms(record: type[Record], label: str, help: str) -> ListOf:
    return ListOf(Nested(record, label), label, min_items=1, help=help)


class VocabularyFile(Record):
    label = "Vokabulärfilen"
    phases = _terms(Phase, "planeringsskeden", "Skedena i planeringsprocessen, i processens ordning.")
    questions = _terms(Term, "frågor och syften", "Vad en kommun vill åstadkomma när den väljer en metod.")
    target_groups = _terms(Term, "målgrupper", "Vilkas perspektiv metoden tar in.")
    roles = _terms(Term, "roller och förvaltningar", "Vilka som leder eller deltar.")
    statuses = _terms(Status, "status", "Hur väl prövad en metod är, från minst till mest prövad.")
    difficulties = _terms(Term, "svårighetsgrad", "Från enklast till mest krävande.")
    checklist_levels = _terms(Term, "kravnivåer i checklistor", "Till exempel SKA och BÖR.")
    gr_dimensions = _terms(Term, "delar av GR:s definition av social hållbarhet",
                           "Det som en indikator kan följa upp.")
    geographic_levels = _terms(Term, "geografiska nivåer", "Från störst till minst.")
    breakdowns = _terms(Term, "uppdelningar", "Hur en indikator kan delas upp, till exempel på kön.")
    organisation_types = _terms(Term, "typer av organisation",
                                "Vilken sorts organisation som ger ut en kommunutgåva (editions/<utgåva>/utgava.yml).")

    def check(self, path: FieldPath, ctx: Context) -> None:
        for name in self.fields:
            seen: set[str] = set()
            for index, term in enumerate(getattr(self, name)):
                if term.id in seen:
                    ctx.error(path + (name, index, "id"), f"Id \"{term.id}\" finns redan i listan \"{name}\".")
                seen.add(term.id)


class Vocabulary:
    """Looked-up access to the vocabulary file's lists, keeping their order."""

    def __init__(self, source: VocabularyFile):
        self._lists: dict[str, dict[str, Term]] = {
            name: {term.id: term for term in getattr(source, name)} for name in VocabularyFile.fields
        }

    def terms(self, vocabulary: str) -> dict[str, Term]:
        return self._lists[vocabulary]

    def title(self, vocabulary: str) -> str:
        return VocabularyFile.fields[vocabulary].label

    def name(self, vocabulary: str, term_id: str) -> str:
        return self._lists[vocabulary][term_id].name

    def names(self, vocabulary: str, term_ids: list[str]) -> list[str]:
        """Names in vocabulary order, whatever order the method listed them in."""
        terms = self._lists[vocabulary]
        return [term.name for term_id, term in terms.items() if term_id in term_ids]

    def as_data(self) -> dict[str, Any]:
        return {
            name: [{key: value for key, value in term if value is not None} for term in terms.values()]
            for name, terms in self._lists.items()
        }


def load_vocabulary(path: Path, display: str, report: Report) -> Vocabulary | None:
    doc = load_yaml(path, display, report)
    if doc is None:
        return None
    parsed = VocabularyFile.parse(doc.data, (), Context(doc, report))
    return None if parsed is INVALID else Vocabulary(parsed)
