"""Links from method text to pages of the handbook: the page and the heading must exist.

The content check knows the form of a link ("metod.md#rubrik"), but only the
pages know which headings they will have. A broken link found here stops the
build with the file and line the editor wrote it on, instead of an English
warning from the site generator about a generated file.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path

import markdown

from ..content import Handbook, Report
from ..content.errors import join_swedish
from ..content.files import read_text
from ..content.library import TextLink
from ..site_layout import GENERATED_DIR, HANDBOOK_PAGES
from .method_page import method_page_path, render_method_page

_ID = re.compile(r'\sid="([^"]+)"')
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# What gives a page its heading ids on the site (mkdocs.yml): toc and attr_list.
_EXTENSIONS = ["toc", "attr_list", "md_in_html", "def_list", "tables", "admonition"]


def check_links(handbook: Handbook, docs_dir: Path) -> Report:
    """Report every link to a page that does not exist, or to a heading that page does not have."""
    pages = _Pages(handbook, docs_dir)
    report = Report()
    for method in handbook.methods:
        own_page = f"{GENERATED_DIR}/{method_page_path(method)}"
        for text_link in method.links:
            target = text_link.link.target
            page = own_page if target.kind == "anchor" else target.page
            if target.kind == "method" and page not in pages.method_pages:
                _error(report, text_link, _missing_method(text_link, pages))
            elif target.kind == "page" and page not in pages.handbook_pages:
                _error(report, text_link, _missing_page(text_link, pages))
            elif target.fragment is not None and target.fragment not in pages.anchors(page):
                _error(report, text_link, _missing_heading(text_link, page, own_page, pages))
    return report


def _error(report: Report, text_link: TextLink, message: str) -> None:
    report.error(text_link.file, message, line=text_link.line, path=text_link.field)


def _suggestion(wrong: str, candidates: list[str], form: str) -> str:
    close = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return f" Menade du \"{form.format(close[0])}\"?" if close else ""


def _missing_method(text_link: TextLink, pages: _Pages) -> str:
    slug = Path(text_link.link.target.page).stem
    slugs = sorted(Path(page).stem for page in pages.method_pages)
    return (f"Länken \"{text_link.link.written}\" går till metoden \"{slug}\", men ingen metod har det mappnamnet."
            f"{_suggestion(slug, slugs, '{}.md')} Metoderna: {join_swedish(f'{s}.md' for s in slugs)}.")


def _missing_page(text_link: TextLink, pages: _Pages) -> str:
    written = text_link.link.written.split("#", 1)[0]
    known = sorted(_as_written(page) for page in pages.handbook_pages)
    return (f"Länken \"{text_link.link.written}\" går till en sida som inte finns i handboken."
            f"{_suggestion(written, known, '{}')} Handbokens sidor: {join_swedish(known)}.")


def _missing_heading(text_link: TextLink, page: str, own_page: str, pages: _Pages) -> str:
    fragment = text_link.link.target.fragment
    where = "den här metodens sida" if page == own_page else f"sidan {_as_written(page)}"
    anchors = sorted(pages.anchors(page))
    return (f"Länken \"{text_link.link.written}\" går till rubriken \"#{fragment}\", men den finns inte på {where}."
            f"{_suggestion(fragment, anchors, '#{}')} En rubrik länkas med sin adress: små bokstäver, "
            "bindestreck i stället för mellanslag och a och o i stället för å, ä och ö, till exempel "
            "\"#steg-for-steg\".")


def _as_written(page: str) -> str:
    """A page path under docs/ the way method text links to it."""
    prefix = f"{GENERATED_DIR}/"
    return page.removeprefix(prefix) if page.startswith(prefix) else f"../{page}"


class _Pages:
    """Every page a method may link to, and (computed only when a link needs them) its heading ids."""

    def __init__(self, handbook: Handbook, docs_dir: Path):
        self.handbook = handbook
        self.docs_dir = docs_dir
        self.method_pages = {f"{GENERATED_DIR}/{method_page_path(m)}": m for m in handbook.methods}
        handwritten = {p.name for p in docs_dir.glob("*.md") if p.is_file() and not p.is_symlink()}
        self.handbook_pages = handwritten | {f"{GENERATED_DIR}/{page}" for page in HANDBOOK_PAGES}
        self._anchors: dict[str, set[str]] = {}

    def anchors(self, page: str) -> set[str]:
        if page not in self._anchors:
            self._anchors[page] = _ids(self._markdown(page))
        return self._anchors[page]

    def _markdown(self, page: str) -> str:
        if page in self.method_pages:
            return render_method_page(self.method_pages[page], self.handbook)
        if page.startswith(f"{GENERATED_DIR}/"):
            from . import render_pages  # the package imports this module

            return str(render_pages(self.handbook)[page.removeprefix(f"{GENERATED_DIR}/")])
        # Hand-written pages: their macros are not run here, so headings a macro makes are not seen.
        return read_text(self.docs_dir / page, page, Report()) or ""


@cache
def _parser() -> markdown.Markdown:
    return markdown.Markdown(extensions=_EXTENSIONS)


def _ids(source: str) -> set[str]:
    parser = _parser()
    parser.reset()
    return set(_ID.findall(parser.convert(_FRONT_MATTER.sub("", source))))
