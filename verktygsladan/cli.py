"""Command line: `python -m verktygsladan check|schema|generate`.

Content errors are printed in Swedish without a Python traceback and give
exit code 1, so editors and CI see what to fix and nothing else.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .content import ContentInvalid, Handbook
from .content.edition import display_path
from .content.json_schema import render_json_schemas
from .pages import generate_pages
from .pages.markdown import count_of
from .maintenance import link_report, review_report
from .publishing import load_publishable_handbook
from .scaffold import ScaffoldError, new_edition, new_method

ROOT = Path(__file__).resolve().parent.parent


def _load(root: Path, edition: str = "", *, annotate: bool = False) -> Handbook | None:
    try:
        handbook = load_publishable_handbook(root, edition=edition)
    except ContentInvalid as invalid:
        print(invalid, file=sys.stderr)
        if annotate:
            _annotate(invalid.report.problems)
        return None
    if handbook.warnings:
        print("\n".join(str(w) for w in handbook.warnings), file=sys.stderr)
        if annotate:
            _annotate(handbook.warnings)
    return handbook


def _annotate(problems) -> None:
    """One GitHub annotation per problem, on standard output where the runner reads workflow commands."""
    for problem in problems:
        print(problem.as_github_annotation())


def check(root: Path, edition: str = "", *, annotate: bool = False) -> int:
    handbook = _load(root, edition, annotate=annotate)
    if handbook is None:
        return 1
    count = len(handbook.methods)
    which = f" i {handbook.edition.name}s utgåva" if handbook.edition else ""
    print(f"Innehållet är giltigt: {count_of(count, 'metod', 'metoder')}{which} kontrollerade.")
    return 0


def schema(root: Path, *, verify: bool) -> int:
    handbook = _load(root)
    if handbook is None:
        return 1
    stale = []
    for path, text in render_json_schemas(handbook.vocabulary).items():
        target = root / path
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        if verify:
            stale.append(path)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"Skrev {path}.")
    if stale:
        print(f"{' och '.join(stale)} är inaktuell. Kör `make schema` och checka in filen.", file=sys.stderr)
        return 1
    return 0


def generate(root: Path, docs_dir: Path) -> int:
    handbook = _load(root)
    if handbook is None:
        return 1
    changed = generate_pages(handbook, docs_dir)
    print(f"Genererade sidor: {len(changed)} ändrade filer.")
    return 0


def scaffold(root: Path, title: str | None) -> int:
    if title is None:
        title = input("Metodens titel: ")
    try:
        folder = new_method(root, title)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    relative = folder.relative_to(root)
    print(f"Skapade {relative}/. Skriv metoden i {relative}/method.yml och {relative}/text.md "
          "och kör sedan make check.")
    return 0


def scaffold_edition(root: Path, name: str | None, folder: Path | None) -> int:
    if name is None:
        name = input("Organisationens namn: ")
    try:
        created = new_edition(root, name, folder=folder)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    where = display_path(created, root)
    print(f"Skapade {where}/utgava.yml. Fyll i den och kör sedan make check UTGAVA={where}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="verktygsladan", description="Verktygslådans innehållsverktyg.")
    parser.add_argument("--root", type=Path, default=ROOT, help="Projektets rotmapp.")
    parser.add_argument("--utgava", default=os.environ.get("VERKTYGSLADAN_UTGAVA", ""),
                        help="En utgåva: en mapp, eller ett namn under editions/.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="Kontrollera alla metoder.")
    check_parser.add_argument("--github", action="store_true",
                              help="Skriv också varje fel som en anteckning i GitHub (i en pull request).")
    schema_parser = commands.add_parser("schema", help="Skriv JSON-schemat för method.yml.")
    schema_parser.add_argument("--check", action="store_true", help="Kontrollera bara att schemat är aktuellt.")
    generate_parser = commands.add_parser("generate", help="Skriv metodsidorna till docs/.")
    generate_parser.add_argument("--docs", type=Path, default=None, help="Mappen docs/.")
    commands.add_parser("review-report", help="Lista metoder som skulle ha granskats.")
    commands.add_parser("external-links", help="Kontrollera metodernas externa länkar (kräver nätverk).")
    new_parser = commands.add_parser("new-method", help="Skapa en ny metodmapp från exempelmetoden.")
    new_parser.add_argument("title", nargs="?", default=None, help="Metodens titel.")
    edition_parser = commands.add_parser("new-edition", help="Skapa en ny utgåva från exempelutgåvan.")
    edition_parser.add_argument("name", nargs="?", default=None, help="Organisationens namn.")
    edition_parser.add_argument("--mapp", type=Path, default=None,
                                help="En befintlig mapp att skapa utgåvan i, i stället för editions/<namn>/.")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root, args.utgava, annotate=args.github)
    if args.command == "schema":
        return schema(root, verify=args.check)
    if args.command == "new-method":
        return scaffold(root, args.title)
    if args.command == "new-edition":
        return scaffold_edition(root, args.name, args.mapp)
    if args.command in ("review-report", "external-links"):
        handbook = _load(root)
        if handbook is None:
            return 1
        if args.command == "review-report":
            print(review_report(handbook))
            return 0
        report, broken = link_report(handbook)
        print(report)
        return 1 if broken else 0
    return generate(root, args.docs or root / "docs")
