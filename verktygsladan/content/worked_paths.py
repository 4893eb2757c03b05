"""Worked paths ("arbetsgångar"): routes through several methods for a common situation.

They live in methods/arbetsgangar.yml. A path only says which steps, in which
order, and why; every order it shows must agree with what the methods
themselves say (sequence.py), so `make check` stops a path that puts a
method before one it feeds, or a method's steps out of their own order.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Report
from .fields import Boolean, Context, Identifier, ListOf, Markdown, Nested, Record, Text
from .schema import Method, Source
from .sequence import before_relations, feed_relations
from .vocabulary import Vocabulary
from .yaml_source import INVALID, load_yaml

WORKED_PATHS_FILE = "arbetsgangar.yml"


class PathStep(Record):
    label = "Ett steg i arbetsgången"
    method = Identifier("Metod", help="Mappnamnet under methods/.")
    step = Identifier("Steg", required=False, help="Id för ett steg i metoden. Utan steg gäller det hela metoden.")
    alongside = Boolean("Parallellt", required=False,
                        help="true om steget görs samtidigt som steget före, inte efter det.")
    text = Markdown("Vad ni gör här", help="Kort: vad just det här steget ger i den här situationen.")


class WorkedPath(Record):
    label = "En arbetsgång"
    id = Identifier("Id", help="Unikt bland arbetsgångarna. Blir rubrikens adress på sidan.")
    title = Text("Rubrik", max_length=120, help="Situationen, till exempel \"Detaljplan i ett område med många äldre\".")
    situation = Markdown("När arbetsgången passar")
    sources = ListOf(Nested(Source, "Källa"), "Källor", required=False,
                     help="Källor som beskriver ordningen. Utan källor visas arbetsgången som handbokens vägledning.")
    steps = ListOf(Nested(PathStep, "Steg"), "Steg", min_items=2)


class WorkedPathsFile(Record):
    label = "Arbetsgångar"
    paths = ListOf(Nested(WorkedPath, "Arbetsgång"), "Arbetsgångar", min_items=1)


def load_worked_paths(path: Path, display: str, methods: list[Method], vocabulary: Vocabulary,
                      report: Report, left_out: set[str] = frozenset()) -> list[WorkedPath]:
    """The worked paths, checked against the methods; [] when the file is missing or invalid.

    A path through a method that an edition leaves out (`left_out`) is not shown in that edition:
    half a route would mislead more than none."""
    if not path.exists():
        return []
    doc = load_yaml(path, display, report)
    if doc is None:
        return []
    ctx = Context(doc, report, vocabulary, internal_links=False)
    parsed = WorkedPathsFile.parse(doc.data, (), ctx)
    if parsed is INVALID:
        return []

    def error(field: tuple, message: str) -> None:
        report.error(display, message, line=doc.line_of(field), path=field)

    ids: set[str] = set()
    shown = []
    for index, worked_path in enumerate(parsed.paths):
        if any(entry.method in left_out for entry in worked_path.steps):
            continue
        shown.append(worked_path)
        if worked_path.id in ids:
            error(("paths", index, "id"), f"Id \"{worked_path.id}\" används redan av en annan arbetsgång.")
        ids.add(worked_path.id)
        check_worked_path(worked_path, ("paths", index), methods, vocabulary, error)
    return shown


def check_worked_path(worked_path: WorkedPath, where: tuple, methods: list[Method], vocabulary: Vocabulary,
                      error) -> None:
    by_slug = {m.slug: m for m in methods}
    order = list(vocabulary.terms("phases"))
    first_entry: dict[str, int] = {}
    step_entry: dict[tuple[str, str], int] = {}
    last_step: dict[str, int] = {}
    last_phase = (-1, None)
    for index, entry in enumerate(worked_path.steps):
        field = where + ("steps", index)
        method = by_slug.get(entry.method)
        if method is None:
            error(field + ("method",), f"Metoden \"{entry.method}\" finns inte. Ange mappnamnet för en metod under "
                                       f"methods/: {', '.join(sorted(by_slug))}.")
            continue
        first_entry.setdefault(method.slug, index)
        if not entry.step:
            continue
        ids = [s.id for s in method.steps]
        if entry.step not in ids:
            error(field + ("step",), f"Metoden \"{method.title}\" har inget steg med id \"{entry.step}\". Stegen där "
                                     f"har id {', '.join(ids)}.")
            continue
        place = ids.index(entry.step)
        if place < last_step.get(method.slug, -1):
            error(field + ("step",), f"Steget \"{method.steps[place].title}\" kommer före ett steg som arbetsgången "
                                     f"redan har tagit upp i \"{method.title}\". Ta stegen i metodens ordning.")
        last_step[method.slug] = place
        step_entry[(method.slug, entry.step)] = index
        phase = method.steps[place].phase
        if phase:
            if order.index(phase) < last_phase[0]:
                error(field + ("step",), f"Steget \"{method.steps[place].title}\" görs i skedet "
                                         f"\"{vocabulary.name('phases', phase)}\", före skedet "
                                         f"\"{vocabulary.name('phases', last_phase[1])}\" i ett tidigare steg i "
                                         "arbetsgången.")
            last_phase = (order.index(phase), phase)
    present = [by_slug[slug] for slug in first_entry]
    for relation in before_relations(present):
        if first_entry[relation.second] < first_entry[relation.first]:
            error(where + ("steps", first_entry[relation.second], "method"),
                  f"\"{by_slug[relation.second].title}\" kommer här före \"{by_slug[relation.first].title}\", men "
                  f"metoderna säger att \"{by_slug[relation.first].title}\" kommer först.")
    for feed in feed_relations(present):
        feeder, target = by_slug[feed.first], by_slug[feed.second]
        if first_entry[feed.first] < first_entry[feed.second]:
            error(where + ("steps", first_entry[feed.first], "method"),
                  f"\"{feeder.title}\" kommer här före \"{target.title}\", men den ger underlag till ett steg i "
                  f"\"{target.title}\", som alltså börjar först. Låt arbetsgången börja med \"{target.title}\".")
        used = step_entry.get((feed.second, feed.step))
        if used is not None and first_entry[feed.first] > used:
            step = next(s for s in target.steps if s.id == feed.step)
            error(where + ("steps", first_entry[feed.first], "method"),
                  f"\"{feeder.title}\" ska vara klar till steget \"{step.title}\" i \"{target.title}\", men kommer "
                  "här efter det steget.")
