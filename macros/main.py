"""MkDocs glue: with preview.py beside it, the only code that knows about MkDocs and mkdocs-macros.

mkdocs-macros calls `define_env` while MkDocs loads its configuration, which
is before MkDocs collects the docs folder and before it cleans site/. That
makes it the one hook we need: validate the methods (stopping the build with
Swedish errors while the previous site/ is untouched), write the generated
pages and downloads into docs/metoder/, put them in the navigation, load the
glossary's abbreviations into Markdown (explained at their first use on a
page) and the link rule into every page, and offer a few macros to
hand-written pages.
The theme writes page titles, descriptions and menu entries into the HTML
without escaping them, so they are handed over as escaped Markup here
(`on_pre_page_macros`, and the nav in `define_env`).
Every page ends in hidden words for the search index (`on_post_page_macros`),
and after the build `on_post_build` has Pagefind index the site. What only
`make serve` needs is in preview.py.
Everything else lives in the plain-Python package `verktygsladan`.
"""

from __future__ import annotations

import logging
import posixpath
import sys
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
# mkdocs-macros loads this file by path, so the project root is not importable by default.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.theme_files import remove_unused_theme_files  # noqa: E402
from macros.preview import (  # noqa: E402
    build_again,
    forget_stale_html,
    is_preview,
    quiet_dirty_warning,
    search_index_later,
    search_words_remembered,
    switched_on,
)
from verktygsladan.build_cache import cache_folder, code_fingerprint, digest, entry_name, remembered  # noqa: E402
from verktygsladan.content import ContentInvalid  # noqa: E402
from verktygsladan.content.glossary import abbreviations  # noqa: E402
from verktygsladan.downloads.build import DownloadFailed, build_downloads  # noqa: E402
from verktygsladan.pages import (  # noqa: E402
    GENERATED_DIR,
    finder_summary,
    generate_pages,
    glossary_list,
    method_cards,
    methods_by_origin,
    with_method_pages,
)
from verktygsladan.pages.method_page import method_page_path  # noqa: E402
from verktygsladan.pages.abbreviations import FirstUseOfAbbreviations  # noqa: E402
from verktygsladan.pages.edition_branding import (  # noqa: E402
    contact_markdown,
    footer_html,
    logo_file_name,
    publisher_markdown,
    site_name,
)
from verktygsladan.pages.safe_links import SafeLinks  # noqa: E402
from verktygsladan.pages.search import (  # noqa: E402
    hidden_search_words,
    site_search_words,
)
from verktygsladan.search_index import SearchIndexFailed, build_search_index  # noqa: E402
from verktygsladan.publishing import load_publishable_handbook  # noqa: E402
from verktygsladan.site_layout import EDITION_CSS_PATH  # noqa: E402

log = logging.getLogger("mkdocs.plugins.verktygsladan")


def _unexpected(step: str, error: Exception) -> PluginError:
    # Editors read the build log; a Python traceback there helps nobody fix a method.
    return PluginError(f"Handboken kunde inte byggas: ett oväntat fel uppstod när {step}. Tekniskt meddelande: "
                       f"{type(error).__name__}: {error}. Skriv ett ärende till dem som underhåller handboken "
                       "och klistra in det här meddelandet.")


# The handbook define_env validated, for on_post_build.
_built: dict = {}


def define_env(env) -> None:
    try:
        _define_env(env)
    except PluginError:
        raise
    except Exception as error:  # noqa: BLE001
        raise _unexpected("metoderna gjordes om till sidor", error) from None


def _define_env(env) -> None:
    try:
        handbook = load_publishable_handbook(ROOT, Path(env.conf["docs_dir"]),
                                             Path(env.conf["theme"].custom_dir or ROOT / "overrides"),
                                             edition=str(env.conf["extra"].get("edition") or ""),
                                             cache=cache_folder(ROOT))
    except ContentInvalid as invalid:
        if not is_preview(env.conf):
            raise PluginError(str(invalid)) from None
        # In `make serve` the editor looks at the browser, not the terminal: every page becomes
        # the list of errors (overrides/main.html) until the file is fixed and saved again.
        # Info, not error: a logged error would stop the strict preview build and leave the old page up.
        log.info(str(invalid))
        _show_errors_instead_of_pages(env, invalid)
        return
    _built["handbook"] = handbook
    if handbook.edition:
        _brand(env.conf, handbook.edition)
    for warning in handbook.warnings:
        # Logged as info: an overdue review must not fail a --strict build.
        log.info(str(warning))
    preview = is_preview(env.conf)
    downloads = None
    if switched_on(env.conf["extra"].get("downloads", True)):
        # `mkdocs serve` replaces site_url with its local address, which must not end up in documents;
        # the address the handbook is published at also lets the preview share the build's cache.
        site_url = (handbook.edition.settings.site_url if handbook.edition else "") if preview \
            else str(env.conf.get("site_url") or "")
        try:
            downloads = build_downloads(handbook, ROOT, site_url,
                                        print_edition=switched_on(env.conf["extra"].get("print_edition", True)),
                                        when_ready=build_again(env.conf) if preview else None)
        except DownloadFailed as failure:
            raise PluginError(str(failure)) from None
    docs = Path(env.conf["docs_dir"])
    generate_pages(handbook, docs, downloads)
    _built["search_words"], _built["query_words"] = _search_words(docs, handbook, preview)
    try:
        env.conf["nav"] = _escaped_titles(with_method_pages(env.conf["nav"] or [], handbook))
    except ValueError as error:
        raise PluginError(str(error)) from None
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = abbreviations(handbook.glossary)
    env.conf["markdown_extensions"] += [FirstUseOfAbbreviations(), SafeLinks()]

    def method_link_prefix() -> str:
        page_dir = posixpath.dirname(env.page.file.src_path)
        return posixpath.relpath(GENERATED_DIR, page_dir or ".") + "/"

    publisher = str(env.conf["extra"].get("publisher") or "")
    for name, (_, render) in MACROS.items():
        # Bind name and render now; each macro is called later, once per page that uses it.
        env.macro(lambda render=render: render(handbook, method_link_prefix(), publisher), name)
    env.variables["antal_metoder"] = len(handbook.methods)
    if preview:
        forget_stale_html(env.conf, repr([len(handbook.methods)]
                                          + [render(handbook, "", publisher) for _, render in MACROS.values()]))
        quiet_dirty_warning()


# The macros hand-written pages may call: name → (what it gives, how it is made from the handbook,
# the path from the page to the method pages and the configured publisher).
MACROS = {
    "metodkort": ("Kort för alla metoder.", lambda handbook, prefix, _: method_cards(handbook, link_prefix=prefix)),
    "metodvaljare": ("En kort version av metodväljaren för startsidan.",
                     lambda handbook, prefix, _: finder_summary(handbook, link_prefix=prefix)),
    "utgivare": ("Vem som ger ut webbplatsen, för tillgänglighetsredogörelsen.",
                 lambda handbook, _, publisher: publisher_markdown(handbook.edition, publisher)),
    "kontaktvagar": ("Hur man når utgivaren utan konto någonstans; tomt om det inte är känt.",
                     lambda handbook, *_: contact_markdown(handbook.edition) if handbook.edition else ""),
    "metoder_efter_ursprung": ("Vilka metoder som kommer från GR:s verktygslåda 2019 och vilka som kom senare.",
                               lambda handbook, prefix, _: methods_by_origin(handbook, link_prefix=prefix)),
    "ordlista": ("Ordlistan i svensk bokstavsordning.", lambda handbook, *_: glossary_list(handbook.glossary)),
}


def _search_words(docs: Path, handbook, preview: bool) -> tuple[dict, list[str]]:
    # From the pages' own sources, before macros: a card list a macro writes is not what a page is
    # about. All pages every build, so the preview's partial builds index the same words.
    sources = {page.relative_to(docs).as_posix(): page.read_text(encoding="utf-8")
               for page in sorted(docs.rglob("*.md"))}
    methods = {f"{GENERATED_DIR}/{method_page_path(m)}": m for m in handbook.methods}
    if preview:
        return site_search_words(sources, methods, search_words_remembered)
    # A build keeps the words for the next one: working them out for every page takes longer than
    # the rest of our part of a build that changed nothing.
    key = digest([code_fingerprint(), *(part for page in sources.items() for part in page),
                  *((path, m.title, m.short_title, m.keywords) for path, m in methods.items())])
    name = entry_name("sokord", handbook.edition.folder if handbook.edition else None)
    return remembered(cache_folder(ROOT), name, key, lambda: site_search_words(sources, methods))


def _show_errors_instead_of_pages(env, invalid: ContentInvalid) -> None:
    env.conf["extra"]["content_errors"] = [str(problem) for problem in invalid.report.errors]
    _built.clear()
    # The pages generated by the last good build stay in docs/metoder/; an automatic
    # menu lists them without the warnings a stale hand-made menu would give.
    env.conf["nav"] = None
    for name in MACROS:
        env.macro(lambda: "", name)
    env.variables["antal_metoder"] = 0
    forget_stale_html(env.conf)
    quiet_dirty_warning()


def _brand(conf, edition) -> None:
    """The edition's name, address, publisher, edit link, logo and colour, where the theme reads them."""
    conf["site_name"] = escape(site_name(edition))
    conf["site_url"] = edition.settings.site_url
    conf["extra"]["publisher"] = edition.settings.publisher
    # Never a guessed repository: without an edit address there is no edit link.
    conf["extra"]["edit_base_url"] = edition.settings.edit_url or ""
    conf["copyright"] = Markup(footer_html(edition))
    conf["extra_css"].append(f"{GENERATED_DIR}/{EDITION_CSS_PATH}")
    logo = logo_file_name(edition)
    if logo:
        conf["theme"]["logo"] = f"{GENERATED_DIR}/{logo}"
        conf["extra"]["logo_alt"] = edition.settings.logo.alt
    conf["watch"].append(str(edition.folder))


def _escaped_titles(nav: list) -> list:
    """The nav with every title as escaped Markup: the theme prints menu titles as they are."""
    escaped = []
    for item in nav:
        if isinstance(item, dict):
            escaped.append({escape(title): _escaped_titles(target) if isinstance(target, list) else target
                            for title, target in item.items()})
        else:
            escaped.append(item)
    return escaped


def on_pre_page_macros(env) -> None:
    """Runs for every page, also those whose macros are off: escape what the theme prints unescaped."""
    meta = env.page.meta  # the page's own dict; env.page is a shallow copy of the page
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])


def on_post_page_macros(env) -> None:
    """Runs for every page: end it in its hidden words for the search index (pages/search.py)."""
    words = _built.get("search_words", {}).get(env.page.file.src_path)
    if words:
        env.markdown += "\n\n" + hidden_search_words(*words) + "\n"


def on_post_build(env) -> None:
    """Leave out the theme files the site never uses, and have Pagefind index the site."""
    if "query_words" not in _built:
        return  # the preview shows content errors; there is nothing to search
    pages = env.variables["files"].documentation_pages()
    if is_preview(env.conf):
        search_index_later(Path(env.conf["site_dir"]), len(pages), _built["query_words"])
        return
    remove_unused_theme_files(Path(env.conf["site_dir"]))
    try:
        build_search_index(Path(env.conf["site_dir"]), len(pages), _built["query_words"], cache_folder(ROOT))
    except SearchIndexFailed as failure:
        raise PluginError(str(failure)) from None
    except Exception as error:  # noqa: BLE001
        raise _unexpected("sökindexet skapades", error) from None
