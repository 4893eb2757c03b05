"""Loading every method under methods/ into one validated `Handbook`.

All problems of all files are collected before anything is raised, so an
editor sees every error of a run at once.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..site_layout import GENERATED_DIR, RESERVED_NAMES, SCHEMA_PATH
from .errors import ContentInvalid, FieldPath, Problem, Report, join_swedish
from .fields import IDENTIFIER, Context
from .files import link_problem
from .edition import Edition, apply_edition, load_edition
from .glossary import GlossaryEntry, load_glossary
from .prose import load_prose
from .publishing_floor import check_floor, check_leftovers, skeleton_texts
from .schema import Method, Related
from .sequence import check_sequence
from .worked_paths import WORKED_PATHS_FILE, load_worked_paths
from .text_rules import InternalLink
from .vocabulary import Vocabulary, load_vocabulary
from .yaml_source import INVALID, SourceDocument, load_yaml

METHODS_DIR = "methods"
METHOD_FILE = "method.yml"
TEXT_FILE = "text.md"
VOCABULARY_FILE = "vocabulary.yml"
GLOSSARY_FILE = "glossary.yml"
SCHEMA_FILE = SCHEMA_PATH  # published under the same name on the site
# Files that may sit directly in methods/ beside the method folders.
SHARED_FILES = (VOCABULARY_FILE, GLOSSARY_FILE, SCHEMA_FILE, WORKED_PATHS_FILE, "README.md")
# Folders starting with these are drafts or scaffolding, never published.
SKIPPED_PREFIXES = ("_", ".")
# The commented example that `make new-method` copies; its texts are placeholders in a real method.
EXAMPLE_FOLDER = "_exempel"

_INVERSE_RELATION = {"before": "after", "after": "before", "combine_with": "combine_with"}


@dataclass(frozen=True)
class TextLink:
    """A link from a method's text to a page of the handbook, and where the editor wrote it."""

    file: str
    field: FieldPath
    line: int | None
    link: InternalLink


@dataclass
class Handbook:
    vocabulary: Vocabulary
    methods: list[Method]
    glossary: list[GlossaryEntry] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # The edition this handbook is, or None for the regional handbook.
    edition: Edition | None = None
    # Routes through several methods for common situations (methods/arbetsgangar.yml).
    worked_paths: list = field(default_factory=list)
    # methods/_exempel/method.yml as data: the examples of the editors' field reference.
    example_method: Any = None

    def method(self, slug: str) -> Method:
        return next(m for m in self.methods if m.slug == slug)

    def related(self, method: Method) -> dict[str, list[Method]]:
        """Related methods in both directions: if A says "after: B", B gets "before: A"."""
        found: dict[str, list[Method]] = {relation: [] for relation in Related.fields}
        present = {m.slug: m for m in self.methods}
        if method.related is not None:
            for relation, slugs in method.related:
                # An edition may leave out a method that a regional one relates to.
                found[relation] += [present[slug] for slug in slugs if slug in present]
        for other in self.methods:
            if other.related is None:
                continue
            for relation, slugs in other.related:
                if method.slug in slugs:
                    found[_INVERSE_RELATION[relation]].append(other)
        return {relation: list(dict.fromkeys(methods)) for relation, methods in found.items()}


def load_handbook(root: Path, edition_dir: Path | None = None) -> Handbook:
    """Validate everything under root/methods, and the edition in edition_dir if one is given, and
    apply the edition; raise ContentInvalid listing every error."""
    report = Report()
    methods_dir = root / METHODS_DIR
    if link_problem(methods_dir, METHODS_DIR, report, folder=True):
        raise ContentInvalid(report)
    vocabulary = load_vocabulary(methods_dir / VOCABULARY_FILE, f"{METHODS_DIR}/{VOCABULARY_FILE}", report)
    if vocabulary is None:
        raise ContentInvalid(report)
    glossary = load_glossary(methods_dir / GLOSSARY_FILE, f"{METHODS_DIR}/{GLOSSARY_FILE}", report)

    methods: list[Method] = []
    sources: dict[str, SourceDocument] = {}
    # Every method folder, loaded or not: a method that fails to load must not
    # also make every method that refers to it look broken.
    folders: set[str] = set()
    for entry in sorted(methods_dir.iterdir()):
        display = f"{METHODS_DIR}/{entry.name}"
        if entry.name in (VOCABULARY_FILE, GLOSSARY_FILE, WORKED_PATHS_FILE):
            continue  # read (and a link reported) by their own loaders above
        if link_problem(entry, display, report, folder=entry.is_dir()):
            continue
        if entry.name.startswith(SKIPPED_PREFIXES):
            continue
        if not entry.is_dir():
            if entry.name not in SHARED_FILES:
                report.error(display, "Filen hör inte hemma direkt i methods/. Varje metod ligger i en egen mapp "
                                      f"med filerna {METHOD_FILE} och {TEXT_FILE}.")
            continue
        if not IDENTIFIER.fullmatch(entry.name):
            report.error(display, f"Mappnamnet \"{entry.name}\" blir metodens webbadress och får bara innehålla "
                                  "små bokstäver a–z (inte å, ä, ö), siffror och bindestreck.")
            continue
        taken = reserved_name_problem(entry.name)
        if taken:
            report.error(display, taken)
            continue
        folders.add(entry.name)
        loaded = _load_method(entry, display, vocabulary, report)
        if loaded is not None:
            method, doc = loaded
            methods.append(method)
            sources[method.slug] = doc

    edition = None
    if edition_dir is not None and not report.errors:
        edition = load_edition(edition_dir, methods, vocabulary, report, _load_method, root)
        if edition is not None:
            methods = apply_edition(methods, edition)
            sources.update(edition.local_sources)
    _check_across_methods(methods, sources, folders, report)
    example_dir = methods_dir / EXAMPLE_FOLDER
    example = _example_data(example_dir / METHOD_FILE)
    if not report.errors:
        _check_publishing_floor(methods, sources, vocabulary, skeleton_texts(example, _example_text(example_dir)),
                                report)
    if not report.errors:
        check_sequence(methods, vocabulary, lambda slug, path, message: report.error(
            sources[slug].file, message, line=sources[slug].line_of(path), path=path))
    worked_paths = []
    if not report.errors:
        left_out = folders - {m.slug for m in methods}
        worked_paths = load_worked_paths(methods_dir / WORKED_PATHS_FILE, f"{METHODS_DIR}/{WORKED_PATHS_FILE}",
                                         methods, vocabulary, report, left_out)
    _warn_about_overdue_reviews(methods, sources, report)
    if report.errors:
        raise ContentInvalid(report)
    return Handbook(vocabulary=vocabulary, methods=methods, glossary=glossary, warnings=report.warnings,
                    edition=edition, worked_paths=worked_paths,
                    example_method=example)


def reserved_name_problem(name: str) -> str | None:
    """Why a method folder may not be called `name`, or None if it may."""
    if name not in RESERVED_NAMES:
        return None
    return (f"Mappnamnet \"{name}\" är upptaget: handboken har redan en egen sida eller fil med adressen "
            f"{GENERATED_DIR}/{name}, och metoden skulle ta dess plats. Välj ett annat mappnamn. Upptagna namn: "
            f"{join_swedish(sorted(RESERVED_NAMES))}.")


def _load_method(folder: Path, display: str, vocabulary: Vocabulary,
                 report: Report) -> tuple[Method, SourceDocument] | None:
    present: set[str] = set()
    for entry in sorted(folder.iterdir()):
        shown = f"{display}/{entry.name}"
        if link_problem(entry, shown, report, folder=entry.is_dir()):
            continue
        if entry.name in (METHOD_FILE, TEXT_FILE):
            present.add(entry.name)
        elif not entry.name.startswith("."):
            report.error(shown, f"Okänd fil i metodmappen. En metodmapp innehåller bara {METHOD_FILE} och "
                                f"{TEXT_FILE}.")
    for required in (METHOD_FILE, TEXT_FILE):
        if required not in present and not (folder / required).is_symlink():
            report.error(display, f"Metodmappen saknar filen {required}.")
    if METHOD_FILE not in present:
        return None

    doc = load_yaml(folder / METHOD_FILE, f"{display}/{METHOD_FILE}", report)
    prose = load_prose(folder / TEXT_FILE, f"{display}/{TEXT_FILE}", report) if TEXT_FILE in present else None
    if doc is None:
        return None
    method = Method.parse(doc.data, (), Context(doc, report, vocabulary, internal_links=True))
    if method is INVALID or prose is None:
        return None
    text, text_doc = prose
    method.slug = folder.name
    method.folder = folder
    method.source_file = f"{display}/{METHOD_FILE}"
    method.text = text
    method.links = [TextLink(source.file, path, line, link)
                    for source in (doc, text_doc) for path, link, line in source.links]
    return method, doc


def _check_across_methods(methods: list[Method], sources: dict[str, SourceDocument], folders: set[str],
                          report: Report) -> None:
    # Every place an id is used: (method slug, field path). Which copy is the new one cannot be
    # known, so each place is told where the other ones are.
    method_ids: dict[str, list[tuple[str, tuple]]] = {}
    document_ids: dict[str, list[tuple[str, tuple]]] = {}
    for method in methods:
        method_ids.setdefault(method.id, []).append((method.slug, ("id",)))
        for kind in ("templates", "checklists"):
            for index, document in enumerate(getattr(method, kind)):
                document_ids.setdefault(document.id, []).append((method.slug, (kind, index, "id")))
    for ids, advice in ((method_ids, "Ge varje metod ett eget id, i den metod som är ny eller kopierad."),
                        (document_ids, "Id för mallar och checklistor måste vara unika i hela handboken. Byt id i "
                                       "den metod som är ny eller kopierad.")):
        for value, places in ids.items():
            for slug, path in places if len(places) > 1 else ():
                doc = sources[slug]
                others = join_swedish(f"{sources[o].file}, rad {sources[o].line_of(p)}"
                                      for o, p in places if (o, p) != (slug, path))
                report.error(doc.file, f"Id \"{value}\" används också i {others}. {advice}",
                             line=doc.line_of(path), path=path)
    slugs = [m.slug for m in methods]
    for method in methods:
        doc = sources[method.slug]

        def error(path: tuple, message: str) -> None:
            report.error(doc.file, message, line=doc.line_of(path), path=path)

        for index, feed in enumerate(method.feeds or []):
            if feed.method == method.slug:
                error(("feeds", index, "method"), "En metod kan inte användas i ett av sina egna steg.")
            elif feed.method not in slugs and feed.method not in folders:
                error(("feeds", index, "method"), f"Metoden \"{feed.method}\" finns inte. Ange mappnamnet för en "
                                                  f"metod under methods/: {join_swedish(slugs)}.")
        if method.related is None:
            continue
        for relation, targets in method.related:
            for index, slug in enumerate(targets):
                if slug == method.slug:
                    error(("related", relation, index), "En metod kan inte vara relaterad till sig själv.")
                elif slug not in slugs and slug not in folders:
                    error(("related", relation, index),
                          f"Metoden \"{slug}\" finns inte. Ange mappnamnet för en metod under methods/: "
                          f"{join_swedish(slugs)}.")


def _check_publishing_floor(methods: list[Method], sources: dict[str, SourceDocument], vocabulary: Vocabulary,
                            skeleton: tuple[set[str], set[str]], report: Report) -> None:
    """Whole-method rules that a draft may break but a published method may not (publishing_floor.py)."""
    whole = Handbook(vocabulary=vocabulary, methods=methods)
    for method in methods:
        doc = sources[method.slug]
        text_file = method.folder / TEXT_FILE
        text_display = doc.file.removesuffix(METHOD_FILE) + TEXT_FILE

        def error(path: tuple, message: str) -> None:
            report.error(doc.file, message, line=doc.line_of(path), path=path)

        def text_error(line: int | None, message: str) -> None:
            report.error(text_display, message, line=line)

        check_floor(method, whole.related(method), len(methods) - 1, error, text_error)
        # text.md was read (and a symbolic link refused) when the method loaded.
        check_leftovers(doc.data, text_file.read_text(encoding="utf-8"), skeleton, error, text_error)


def _example_data(path: Path) -> Any:
    """The example method's data, or None if it is missing or unreadable (it is never published)."""
    if not path.is_file() or path.is_symlink():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return None


def _example_text(example_dir: Path) -> str:
    path = example_dir / TEXT_FILE
    return path.read_text(encoding="utf-8") if path.is_file() and not path.is_symlink() else ""


def add_months(date: datetime.date, months: int) -> datetime.date:
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return date.replace(year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1]))


def next_review(method: Method) -> datetime.date:
    return add_months(method.trust.last_reviewed, method.trust.review_interval_months)


def _warn_about_overdue_reviews(methods: list[Method], sources: dict[str, SourceDocument], report: Report) -> None:
    today = datetime.date.today()
    for method in methods:
        due = next_review(method)
        if due < today:
            doc = sources[method.slug]
            path = ("trust", "last_reviewed")
            report.warning(doc.file, f"Metoden skulle ha granskats senast {due.isoformat()}. Granska innehållet och "
                                     "uppdatera last_reviewed och ändringsloggen.", line=doc.line_of(path), path=path)
