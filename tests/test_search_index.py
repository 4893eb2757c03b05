"""The search index (verktygsladan/search_index.py): Pagefind over a built site, checked page by page."""

from __future__ import annotations

import json

import pytest

from verktygsladan.search_index import SearchIndexFailed, build_search_index
from verktygsladan.site_layout import SEARCH_INDEX_DIR, SEARCH_WORDS_PATH


def page(folder, name: str, body: str, lang: str = "sv", indexed: bool = True) -> None:
    marked = " data-pagefind-body" if indexed else ""
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f'<!doctype html><html lang="{lang}"><head><title>{name}</title></head>'
                               f"<body><nav>Meny</nav><main{marked}><h1>{name}</h1><p>{body}</p></main></body></html>",
                               encoding="utf-8")


def test_the_pages_marked_for_search_are_indexed_in_swedish_with_the_query_words(tmp_path):
    page(tmp_path, "index.html", "Mötesplatser för alla.")
    page(tmp_path, "metoder/ska/index.html", "Social konsekvensanalys i detaljplanen.")
    page(tmp_path, "404.html", "Sidan finns inte.", indexed=False)
    assert build_search_index(tmp_path, 2, ["bostad", "öp"]) == 2
    entry = json.loads((tmp_path / SEARCH_INDEX_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"sv"} and entry["languages"]["sv"]["page_count"] == 2
    assert (tmp_path / SEARCH_INDEX_DIR / "pagefind.js").is_file()
    assert not list((tmp_path / SEARCH_INDEX_DIR).glob("pagefind-*ui*")), "Pagefinds egna sökrutor ska bort."
    assert json.loads((tmp_path / SEARCH_WORDS_PATH).read_text(encoding="utf-8")) == ["bostad", "öp"]


def test_an_index_that_misses_a_page_stops_the_build_in_swedish(tmp_path):
    page(tmp_path, "index.html", "Mötesplatser för alla.")
    page(tmp_path, "om/index.html", "Om handboken.", indexed=False)
    page(tmp_path, "arbetssatt/index.html", "Arbetssätt.")
    with pytest.raises(SearchIndexFailed) as failure:
        build_search_index(tmp_path, 3, [])
    assert "webbplatsen har 3 sidor, men 2 av dem är markerade för sökningen" in str(failure.value)
    assert "data-pagefind-body" in str(failure.value)


def test_a_page_in_another_language_stops_the_build(tmp_path):
    page(tmp_path, "index.html", "Mötesplatser för alla.")
    page(tmp_path, "en/index.html", "Meeting places for everyone.", lang="en")
    with pytest.raises(SearchIndexFailed) as failure:
        build_search_index(tmp_path, 2, [])
    assert "en: 1" in str(failure.value) and "sv: 1" in str(failure.value)


def test_a_site_with_nothing_to_index_stops_the_build(tmp_path):
    page(tmp_path, "index.html", "Ingen sida är markerad för sökning.", indexed=False)
    with pytest.raises(SearchIndexFailed) as failure:
        build_search_index(tmp_path, 1, [])
    assert "webbplatsen har 1 sida, men 0 av dem är markerade" in str(failure.value)
