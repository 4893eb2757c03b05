"""Swedish search words (verktygsladan/pages/search.py): inflected forms, compound parts, the enriched index."""

from __future__ import annotations

import copy
import json
from types import SimpleNamespace

import pytest

from verktygsladan.pages.search import (
    FIELD,
    PARTS_FIELD,
    SEARCH_INDEX,
    Lexicon,
    compound_parts,
    enrich_index,
    enrich_search_index,
    inflections,
    method_location,
    search_words,
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


# The enriched index, from a small index shaped like Material's and the real handbook.

def material_index(handbook, directory_urls=True):
    docs = [{"location": "", "title": "Start", "text": "<p>Metoder för bostäder och barn.</p>"}]
    for method in handbook.methods:
        location = method_location(method, directory_urls=directory_urls)
        docs.append({"location": location, "title": method.title, "text": f"<p>{method.summary}</p>"})
        docs.append({"location": location + "#syfte", "title": "Syfte", "text": "<p>Om lokalförsörjning.</p>"})
    return {"config": {"lang": ["sv"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
            "docs": docs}


def test_method_entries_get_keywords_and_title_forms(handbook):
    enriched = enrich_index(material_index(handbook), handbook)
    by_location = {doc["location"]: doc for doc in enriched["docs"]}
    for method in handbook.methods:
        entry = by_location[method_location(method)]
        for keyword in method.keywords:
            for word in words(keyword):
                assert inflections(word) <= set(entry[FIELD]), f"{method.slug}: {word}"
        for word in words(method.title):
            assert inflections(word) <= set(entry[FIELD]), f"{method.slug}: {word}"
        assert not set(entry[FIELD]) & set(entry[PARTS_FIELD])
        assert entry[FIELD] == sorted(entry[FIELD])


def test_every_method_with_keywords_has_them_in_its_entry(handbook):
    assert any(method.keywords for method in handbook.methods), "Ingen metod har sökord."
    enriched = enrich_index(material_index(handbook), handbook)
    by_location = {doc["location"]: doc for doc in enriched["docs"]}
    for method in handbook.methods:
        indexed = set(by_location[method_location(method)][FIELD])
        assert {k.lower() for k in method.keywords if len(words(k)) == 1} <= indexed


def test_what_readers_see_is_unchanged(handbook):
    index = material_index(handbook)
    enriched = enrich_index(index, handbook)
    for before, after in zip(index["docs"], enriched["docs"], strict=True):
        assert {k: after[k] for k in before} == before
    # Sections and other pages get nothing: results keep showing their own text.
    for doc in enriched["docs"]:
        if "#" in doc["location"] or not doc["location"].startswith("metoder/"):
            assert FIELD not in doc and PARTS_FIELD not in doc


def test_the_fields_are_indexed_and_weighted_from_the_title(handbook):
    index = material_index(handbook)
    index["config"]["fields"]["title"]["boost"] = 500.0
    fields = enrich_index(index, handbook)["config"]["fields"]
    assert fields[FIELD]["boost"] == 500.0
    assert 1.0 < fields[PARTS_FIELD]["boost"] < 500.0
    assert {name: fields[name] for name in ("title", "text", "tags")} == index["config"]["fields"] | {
        "title": {"boost": 500.0}}


def test_enriching_leaves_the_input_alone_and_twice_is_like_once(handbook):
    index = material_index(handbook)
    original = copy.deepcopy(index)
    once = enrich_index(index, handbook)
    assert index == original
    assert enrich_index(once, handbook) == once


def test_search_words_split_title_and_keywords_into_whole_words_and_parts():
    method = SimpleNamespace(title="Riktlinjer för bostadsförsörjningen", short_title="Riktlinjer",
                             keywords=["bostadsbehov", "BKA"])
    found = search_words(method, LEXICON.with_words(["behov", "behoven"]))
    assert {"riktlinjerna", "bostadsförsörjningens", "bostadsbehoven", "bka"} <= set(found[FIELD])
    assert {"bostad", "bostäder", "försörjning", "behov"} <= set(found[PARTS_FIELD])
    assert "bostadsbehov" not in found[PARTS_FIELD]


def test_pages_without_directory_urls_are_found(handbook):
    enriched = enrich_index(material_index(handbook, directory_urls=False), handbook, directory_urls=False)
    entries = [doc for doc in enriched["docs"] if FIELD in doc]
    assert [doc["location"] for doc in entries] == [f"metoder/{m.slug}.html" for m in handbook.methods]


def test_the_index_file_is_rewritten_in_place(tmp_path, handbook):
    path = tmp_path / SEARCH_INDEX
    path.parent.mkdir()
    path.write_text(json.dumps(material_index(handbook)), encoding="utf-8")
    assert enrich_search_index(tmp_path, handbook)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == enrich_index(material_index(handbook), handbook)


def test_a_site_without_search_is_left_alone(tmp_path, handbook):
    assert not enrich_search_index(tmp_path, handbook)
    assert list(tmp_path.iterdir()) == []
