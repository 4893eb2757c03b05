"""Swedish search words (verktygsladan/pages/search.py): inflected forms, compound parts, the hidden words."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from verktygsladan.pages.search import (
    HIDDEN_WORDS_ID,
    KNOWN_BY_META,
    KNOWN_BY_WEIGHT,
    PARTS,
    PARTS_WEIGHT,
    WHOLE,
    Lexicon,
    compound_parts,
    hidden_search_words,
    inflections,
    lexicon_of,
    page_search_words,
    query_words,
    search_words,
    site_search_words,
    words,
)


@pytest.mark.parametrize(("word", "forms"), [
    # Base form → definite, plural, definite plural, genitive.
    ("konsekvensanalys", {"konsekvensanalysen", "konsekvensanalyser", "konsekvensanalyserna"}),
    ("riktlinje", {"riktlinjen", "riktlinjer", "riktlinjerna", "riktlinjernas"}),
    ("skola", {"skolan", "skolor", "skolorna", "skolans"}),
    ("ungdom", {"ungdomen", "ungdomar", "ungdomarna", "ungdomarnas"}),
    ("inflytande", {"inflytandet", "inflytandets"}),
    ("innovationsprocess", {"innovationsprocessen", "innovationsprocesser"}),
    ("idé", {"idé"}),
    # Singulars that look like plurals.
    ("indikator", {"indikatorn", "indikatorer", "indikatorerna"}),
    ("senior", {"senioren", "seniorer", "seniorerna"}),
    # Plural or definite plural given as the word.
    ("riktlinjer", {"riktlinjerna", "riktlinjernas", "riktlinjen"}),
    ("ungdomar", {"ungdomarna", "ungdomarnas", "ungdomen"}),
    ("seniorer", {"seniorerna", "seniorernas", "senioren"}),
    ("riktlinjerna", {"riktlinjer", "riktlinjernas"}),
    # Adjectives and genitive.
    ("social", {"sociala", "socialt"}),
    ("äldre", {"äldres"}),
    ("unga", {"ungas"}),
    # Umlaut plural, dropped e, doubled consonant.
    ("bostad", {"bostäder", "bostäderna"}),
    ("exempel", {"exemplet", "exemplen"}),
    ("program", {"programmet"}),
])
def test_inflections_include_the_forms_planners_type(word, forms):
    found = inflections(word)
    assert word.lower() in found
    assert forms <= found, f"Saknas: {sorted(forms - found)}"


@pytest.mark.parametrize(("word", "lowered"), [("SKA", "ska"), ("ÖP", "öp"), ("DeSO", "deso"), ("BKA", "bka")])
def test_abbreviations_are_lowercased_but_not_inflected(word, lowered):
    # lunr lowercases what it indexes; "ÖP" must become "öp", not "Öp" or "op".
    assert inflections(word) == {lowered}


def test_short_words_are_left_alone():
    assert inflections("med") == {"med"}
    assert inflections("barn") >= {"barnen", "barnet"}


def test_words_split_on_punctuation_and_keep_swedish_letters():
    assert words("Social konsekvensanalys (SKA) i detaljplaneprocessen") == [
        "Social", "konsekvensanalys", "SKA", "i", "detaljplaneprocessen"]
    assert words("co-creation, 65+ och ÖP") == ["co", "creation", "och", "ÖP"]


LEXICON = Lexicon(["bostad", "bostäder", "bostadsförsörjning", "lokalförsörjning", "lokaler", "barn", "barnen",
                   "konsekvenser", "analys", "plan", "planen", "besked", "samtal", "verktyg", "indikator",
                   "indikatorer", "senior", "perspektiv"])


@pytest.mark.parametrize(("word", "parts"), [
    ("bostadsförsörjning", ["bostad", "försörjning"]),
    ("bostadsförsörjningen", ["bostad", "försörjning"]),
    ("barnkonsekvensanalys", ["barn", "konsekvensanalys", "konsekvens", "analys"]),
    ("planbesked", ["plan", "besked"]),
    ("samtalsverktyg", ["samtal", "verktyg"]),
    ("seniorperspektiv", ["senior", "perspektiv"]),
])
def test_compounds_split_into_words_the_site_uses(word, parts):
    assert compound_parts(word, LEXICON) == parts


@pytest.mark.parametrize("word", ["indikator", "indikatorer", "analys", "xyzplan"])
def test_words_that_are_not_compounds_of_known_words_are_not_split(word):
    assert compound_parts(word, LEXICON) == []


def test_a_part_seen_only_inside_compounds_counts_when_two_words_share_it():
    # "försörjning" never stands alone, but ends both "bostadsförsörjning" and "lokalförsörjning".
    assert LEXICON.part_word("försörjning") == "försörjning"
    assert LEXICON.part_word("försörjningen") == "försörjning"
    assert LEXICON.part_word("sförsörjning") is None
    assert Lexicon(["bostadsförsörjning", "bostad"]).part_word("försörjning") is None


def test_a_head_the_site_writes_as_a_word_is_not_taken_for_a_word_plus_a_linking_s():
    lexicon = Lexicon(["konsekvens", "konsekvenser", "analys", "bostad", "bostads", "behov"])
    assert compound_parts("konsekvensanalys", lexicon) == ["konsekvens", "analys"]
    assert compound_parts("bostadsbehov", lexicon)[0] == "bostad"


# What the pages hand the search index.

def test_search_words_split_title_and_keywords_into_whole_words_and_parts():
    method = SimpleNamespace(title="Riktlinjer för bostadsförsörjningen", short_title="Riktlinjer",
                             keywords=["bostadsbehov", "BKA"])
    found = search_words(method, LEXICON.with_words(["behov", "behoven"]))
    assert {"riktlinjerna", "bostadsförsörjningens", "bostadsbehoven", "bka"} <= set(found[WHOLE])
    assert {"bostad", "bostäder", "försörjning", "behov"} <= set(found[PARTS])
    assert "bostadsbehov" not in found[PARTS]


def test_every_method_is_known_by_its_keywords_and_title_words_with_their_forms(handbook):
    assert any(method.keywords for method in handbook.methods), "Ingen metod har sökord."
    lexicon = lexicon_of([m.summary for m in handbook.methods])
    for method in handbook.methods:
        known_by, parts = page_search_words("", lexicon, method)
        for word in (w for text in (method.title, *method.keywords) for w in words(text)):
            assert inflections(word) <= set(known_by), f"{method.slug}: {word}"
        assert known_by == sorted(known_by) and parts == sorted(parts)


def test_a_page_gets_the_parts_of_the_compounds_in_its_text_but_not_the_words_themselves():
    known_by, parts = page_search_words("Riktlinjer för **bostadsförsörjningen** och lokalförsörjning.", LEXICON)
    assert known_by == []
    assert {"bostad", "försörjning", "lokal"} <= set(parts)
    assert "bostadsförsörjningen" not in parts


def test_the_hidden_words_are_hidden_escaped_and_under_their_own_heading():
    block = hidden_search_words(["ska", "<b>"], ["bostad"])
    assert block.startswith('<div class="vl-search-words" hidden>')
    assert f'<h2 id="{HIDDEN_WORDS_ID}">' in block
    assert "<b>" not in block and "&lt;b&gt;" in block
    assert f'data-pagefind-weight="{KNOWN_BY_WEIGHT}" data-pagefind-meta="{KNOWN_BY_META}">ska &lt;b&gt;</p>' in block
    assert f'data-pagefind-weight="{PARTS_WEIGHT}">bostad</p>' in block
    assert hidden_search_words([], []) == ""


def test_query_words_are_the_words_of_the_site_including_abbreviations():
    lexicon = Lexicon(["ÖP", "bostad", "i", "2024", "försörjning"])
    assert query_words(lexicon) == ["bostad", "försörjning", "öp"]


def test_the_site_query_words_hold_parts_and_keywords_but_not_guessed_forms():
    method = SimpleNamespace(title="Samtalsverktyg för markanvändning", short_title="Samtalsverktyg",
                             keywords=["MEX", "lokalförsörjning"], summary="")
    sources = {"metoder/samtal.md": "Samtal om en bostad och en lokal, bostadsförsörjning och lokalförsörjning.",
               "om.md": "Om handboken."}
    by_page, query = site_search_words(sources, {"metoder/samtal.md": method})
    assert set(by_page) == set(sources) and by_page["om.md"][0] == []
    assert {"försörjning", "mex", "bostad", "handboken"} <= set(query)
    assert "lokalförsörjningarnas" in by_page["metoder/samtal.md"][0]
    assert "lokalförsörjningarnas" not in query


def test_the_preview_remembers_the_words_of_pages_that_did_not_change():
    sources = {"a.md": "Om bostadsförsörjning, en bostad.", "b.md": "Om lokalförsörjning, en lokal."}
    remembered: dict = {}
    first, _ = site_search_words(sources, {}, remembered)
    assert first == site_search_words(sources, {})[0] and len(remembered) == 2
    changed = {**sources, "b.md": "Om lokalförsörjning och bostadsförsörjning, en lokal."}
    second, _ = site_search_words(changed, {}, remembered)
    assert second["a.md"] == first["a.md"] and "försörjning" in second["b.md"][1]
    assert len(remembered) == 3
