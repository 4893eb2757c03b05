"""The search index: Pagefind reads the built site and writes its index into it.

Pagefind chooses the Swedish stemmer from `<html lang="sv">` and splits the
index into chunks that the browser fetches only when someone searches. It
indexes the part of each page marked `data-pagefind-body` (overrides/main.html),
so menus, the 404 page and anything marked `data-pagefind-ignore` stay out.
A build whose index is missing, or covers another number of pages than the
site has, stops with a Swedish message: a search that silently misses pages
is worse than none.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .build_cache import code_fingerprint, digest, entry_name, read_entry, write_entry
from .site_layout import SEARCH_INDEX_DIR, SEARCH_WORDS_PATH

LANGUAGE = "sv"
_BODY_MARK = "data-pagefind-body"
_UNUSED_BUNDLES = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


class SearchIndexFailed(Exception):
    """The message says what went wrong, in Swedish."""


def build_search_index(site_dir: Path, expected_pages: int, query_words: list[str], cache: Path | None = None) -> int:
    """Index site_dir; returns how many pages the index covers. With a `cache` folder, an index
    made from exactly the same pages is copied from there instead of made again."""
    site_dir = Path(site_dir)
    pages = {page.relative_to(site_dir).as_posix(): page.read_bytes() for page in sorted(site_dir.rglob("*.html"))}
    # Without a single marked page Pagefind would index every page whole, menus and all, and the
    # count below would still agree: so the marks are counted first.
    marked = sum(_BODY_MARK.encode() in page for page in pages.values())
    if marked != expected_pages:
        raise SearchIndexFailed(f"Sökindexet täcker fel sidor: webbplatsen har {_pages(expected_pages)}, men {marked} av "
                                "dem är markerade för sökningen (data-pagefind-body i overrides/main.html).")
    index_dir = site_dir / SEARCH_INDEX_DIR
    # Pagefind takes longer than the rest of our part of the build; its index depends only on the pages.
    name = entry_name("sokindex", site_dir)
    key = digest([code_fingerprint(), *(part for page in pages.items() for part in page)])
    cached = read_entry(cache, name, key) if cache else None
    if cached:
        shutil.rmtree(index_dir, ignore_errors=True)
        for relative, data in cached:
            (index_dir / relative).parent.mkdir(parents=True, exist_ok=True)
            (index_dir / relative).write_bytes(data)
    else:
        _run_pagefind(site_dir)
        if cache:
            write_entry(cache, name, key, [(path.relative_to(index_dir).as_posix(), path.read_bytes())
                                           for path in sorted(index_dir.rglob("*")) if path.is_file()])
    indexed = _check_index(index_dir, expected_pages)
    (site_dir / SEARCH_WORDS_PATH).write_text(json.dumps(query_words, ensure_ascii=False, separators=(",", ":")),
                                              encoding="utf-8")
    return indexed


def _run_pagefind(site_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
                             SEARCH_INDEX_DIR, "--silent"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexFailed("Sökindexet kunde inte skapas: Pagefind avslutades med ett fel. Tekniskt meddelande: "
                                + " ".join((result.stderr or result.stdout).split())[:1000])
    # Pagefind also writes its own search interfaces; the site has its own (search-ui.js).
    for unused in _UNUSED_BUNDLES:
        for path in (site_dir / SEARCH_INDEX_DIR).glob(unused):
            path.unlink()


def _check_index(index_dir: Path, expected_pages: int) -> int:
    entry = index_dir / "pagefind-entry.json"
    if not entry.is_file():
        raise SearchIndexFailed(f"Sökindexet saknas: Pagefind skrev ingen {SEARCH_INDEX_DIR}/{entry.name}.")
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    indexed = sum(language.get("page_count", 0) for language in languages.values())
    if set(languages) != {LANGUAGE} or indexed != expected_pages:
        found = ", ".join(f"{name}: {language.get('page_count', 0)}" for name, language in sorted(languages.items()))
        raise SearchIndexFailed(f"Sökindexet täcker fel sidor: webbplatsen har {_pages(expected_pages)} på svenska, men "
                                f"indexet har {indexed} ({found or 'inga språk'}). En sida saknar troligen "
                                'data-pagefind-body eller har ett annat språk än lang="sv".')
    return indexed


def _pages(count: int) -> str:
    return f"{count} sida" if count == 1 else f"{count} sidor"
