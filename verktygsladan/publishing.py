"""Every rule a handbook must pass before it is published, in one call.

`make check`, the build and the tests all load the handbook through
`load_publishable_handbook`, so a rule added here holds everywhere. The
content rules come first (they need nothing but methods/); the rules that
need the pages (links to headings) run once the content is valid.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from .build_cache import code_fingerprint, digest, entry_name, folder_fingerprint, remembered
from .content import ContentInvalid, Handbook, Report, load_handbook
from .content.library import METHODS_DIR
from .content.edition import find_edition_folder
from .content.files import link_problem
from .pages.link_check import check_links
from .site_layout import DOCS_DIR, GENERATED_DIR, OVERRIDES_DIR


def load_publishable_handbook(root: Path, docs_dir: Path | None = None, overrides_dir: Path | None = None,
                              edition: str = "", cache: Path | None = None) -> Handbook:
    """The validated handbook, with the edition named by `edition` (a folder, or a name under
    editions/) applied, or ContentInvalid listing every problem found.

    With a `cache` folder (the build), a handbook validated from exactly the same files by
    the same code on the same day is taken from there; only a valid one is ever kept.
    """
    docs_dir = docs_dir or root / DOCS_DIR
    overrides_dir = overrides_dir or root / OVERRIDES_DIR
    report = Report()
    edition_dir = find_edition_folder(root, edition, report) if edition else None
    if edition and edition_dir is None:
        raise ContentInvalid(report)
    for folder in (docs_dir, overrides_dir):
        refuse_links(folder, root, report)
    try:
        handbook = _validated(root, edition_dir, cache)
    except ContentInvalid as invalid:
        invalid.report.problems[:0] = report.problems
        raise ContentInvalid(invalid.report) from None
    if report.errors:
        raise ContentInvalid(report)
    links = check_links(handbook, docs_dir)
    if links.errors:
        raise ContentInvalid(links)
    return handbook


def _validated(root: Path, edition_dir: Path | None, cache: Path | None) -> Handbook:
    if cache is None:
        return load_handbook(root, edition_dir)
    # The handbook holds its files' paths, so a copy of the project has its own entry; whether a
    # review is overdue depends on the day, so an entry holds for one day.
    key = digest([code_fingerprint(), date.today().isoformat(), root.resolve(), folder_fingerprint(root / METHODS_DIR),
                  edition_dir.resolve() if edition_dir else "", folder_fingerprint(edition_dir) if edition_dir else ""])
    return remembered(cache, entry_name("handbok", edition_dir), key, lambda: load_handbook(root, edition_dir))


def refuse_links(folder: Path, root: Path, report: Report) -> None:
    """Report every symbolic link under folder: the site generator would follow it out of the repository."""
    if not folder.exists():
        return
    if link_problem(folder, _shown(folder, root), report, folder=True):
        return
    for current, directories, files in os.walk(folder):
        here = Path(current)
        # docs/metoder/ is written by the build itself.
        directories[:] = [d for d in directories if not (here == folder and d == GENERATED_DIR)]
        for name in sorted([*directories, *files]):
            path = here / name
            if link_problem(path, _shown(path, root), report, folder=path.is_dir()):
                if name in directories:
                    directories.remove(name)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
