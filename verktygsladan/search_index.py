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
import subprocess
import sys
from pathlib import Path

from .site_layout import SEARCH_INDEX_DIR, SEARCH_WORDS_PATH

LANGUAGE = "sv"
_BODY_MARK = "data-pagefind-body"
_UNUSED_BUNDLES = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


class SearchIndexFailed(Exception):
    """The message says what went wrong, in Swedish."""


def build_search_index(site_dir: Path, expected_pages: int, query_words: list[str]) -> int:
    """Index site_dir; returns how many pages the index covers."""
    site_dir = Path(site_dir)
    # Without a single marked page Pagefind would index every page whole, menus and all, and the
    # count below would still agree: so the marks are counted first.
    marked = sum(_BODY_MARK in page.read_text(encoding="utf-8", errors="replace") for page in site_dir.rglob("*.html"))
    if marked != expected_pages:
        raise SearchIndexFailed(f"Sökindexet täcker fel sidor: webbplatsen har {_pages(expected_pages)}, men {marked} av "
                                "dem är markerade för sökningen (data-pagefind-body i overrides/main.html).")
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
                             SEARCH_INDEX_DIR, "--silent"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexFailed("Sökindexet kunde inte skapas: Pagefind avslutades med ett fel. Tekniskt meddelande: "
                                + " ".join((result.stderr or result.stdout).split())[:1000])
    entry = site_dir / SEARCH_INDEX_DIR / "pagefind-entry.json"
    if not entry.is_file():
        raise SearchIndexFailed(f"Sökindexet saknas: Pagefind skrev ingen {entry.relative_to(site_dir).as_posix()}.")
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    indexed = sum(language.get("page_count", 0) for language in languages.values())
    if set(languages) != {LANGUAGE} or indexed != expected_pages:
        found = ", ".join(f"{name}: {language.get('page_count', 0)}" for name, language in sorted(languages.items()))
        raise SearchIndexFailed(f"Sökindexet täcker fel sidor: webbplatsen har {_pages(expected_pages)} på svenska, men "
                                f"indexet har {indexed} ({found or 'inga språk'}). En sida saknar troligen "
                                'data-pagefind-body eller har ett annat språk än lang="sv".')
    # Pagefind also writes its own search interfaces; the site has its own (search-ui.js).
    for unused in _UNUSED_BUNDLES:
        for path in (site_dir / SEARCH_INDEX_DIR).glob(unused):
            path.unlink()
    (site_dir / SEARCH_WORDS_PATH).write_text(json.dumps(query_words, ensure_ascii=False, separators=(",", ":")),
                                              encoding="utf-8")
    return indexed


def _pages(count: int) -> str:
    return f"{count} sida" if count == 1 else f"{count} sidor"
