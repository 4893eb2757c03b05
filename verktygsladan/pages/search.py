"""Swedish search: the words planners type find the method they mean.

Material's search (lunr) only matches by prefix. Material appends `*` to every
query term, and lunr skips stemming for such terms, so "konsekvensanalys"
finds "konsekvensanalysen" but "konsekvensanalysen" finds nothing unless
that exact form is written somewhere (see shared research, stack.md §3).
Stemming cannot be switched on, so the words go into the index instead.

After the build, each method page's entry in Material's search index gets
two extra fields:

- `keywords`: the method's `keywords` from method.yml, which are synonyms and
  abbreviations the page may never use ("seniorer", "SKA", "ÖP"), and the
  title words, all with their Swedish inflected forms ("riktlinjer" →
  "riktlinjerna", "ungdomar" → "ungdomarnas"). Boosted like the title: these
  are the words the page is known by.
- `keyword_parts`: the parts of compound words and their forms
  ("bostadsförsörjning" → "bostad", "bostäder", "försörjning"). Boosted less,
  since a part says less about the page than the whole word.

Material indexes every field that the index's config names, but its result
list shows only title, text and tags. Readers never see these words, and the
result still shows the method's title and summary.

Over-generation is harmless here: a form that does not exist in Swedish is
never typed, so it never matches, and every form only points at the method it
was made from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from ..content import Handbook, Method
from ..site_layout import GENERATED_DIR
from .method_page import method_page_path

SEARCH_INDEX = Path("search") / "search_index.json"
# The extra fields in the index. Material's result list never shows them.
FIELD = "keywords"
PARTS_FIELD = "keyword_parts"
# Parts of compounds weigh a tenth of the title: more than a word in the text,
# less than the whole word the page is known by.
PARTS_WEIGHT = 0.1
# Used when the index does not say how much its titles weigh (Material's default).
DEFAULT_TITLE_BOOST = 1e3

VOWELS = "aeiouyåäöéü"
_CONSONANT = f"[^{VOWELS}]"
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"<[^>]*>")
# Shorter words are left as they are: they are abbreviations ("ÖP", "DP") or
# little words whose "forms" would only be noise.
MIN_INFLECTED = 4
# The shortest first and last part a compound is split into ("barn", "plan").
MIN_HEAD = 3
MIN_TAIL = 4
# A last part only seen inside compounds must be this long to count as a word.
MIN_SHARED_TAIL = 6

# Endings added to a base form that ends in a consonant: definite (-en, -et),
# plural (-er, -ar, -or), definite plural (-erna, -arna, -orna), genitive -s,
# adjective -a and -t.
_CONSONANT_ENDINGS = ("en", "ens", "et", "ets", "er", "erna", "ernas", "ar", "arna", "arnas",
                      "s", "a", "as", "t", "e", "es")
_VOWEL_ENDINGS = ("n", "ns", "s", "t", "ts", "r", "rs", "rna", "rnas", "na", "nas")
# A word ending in -e or -a drops it before -ar/-or: pojke → pojkar, skola → skolor.
_DROPPED_VOWEL_ENDINGS = ("ar", "arna", "arnas", "or", "orna", "ornas")
# Other vowels keep it: bro → broar, idé → idéer, parti → partiet.
_KEPT_VOWEL_ENDINGS = ("ar", "arna", "arnas", "er", "erna", "ernas", "et", "ets", "en", "ens")
_SHORT_ENDINGS = ("en", "ens", "et", "ets", "ar", "arna", "er", "erna", "a")
_UMLAUT = {"a": "ä", "o": "ö"}
# Endings taken off a compound's last part to find the word it is a form of.
_ENDINGS_TO_STRIP = ("ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "en", "et", "er", "ar", "or",
                     "na", "s", "n", "t")


def words(text: str) -> list[str]:
    """The words of a text, as letters only: punctuation and digits split words."""
    return _WORD.findall(text)


def inflections(word: str) -> set[str]:
    """The word in lower case with its likely Swedish inflected forms.

    Covers nouns (definite, plural, definite plural, genitive) and adjectives
    (-a, -t), whether the word is given in its base form ("riktlinje") or
    already inflected ("riktlinjer", "ungdomar"). Irregular forms such as
    "bostäder" are guessed from the common patterns; anything else belongs in
    the method's keywords.
    """
    lowered = word.lower()
    # Abbreviations such as "SKA", "DeSO" and "ÖP" are not inflected in the text either.
    if len(lowered) < MIN_INFLECTED or not lowered.isalpha() or sum(c.isupper() for c in word) > 1:
        return {lowered}
    forms = {lowered}
    if lowered.endswith(("en", "et", "na", "ns")):
        forms.add(lowered + "s")
    plural = re.search(r"(ar|er|or)(na)?$", lowered)
    if plural and len(lowered) - len(plural.group(0)) >= MIN_HEAD:
        # Perhaps a plural given as the word: ungdomar → ungdomarna, and the
        # singular ungdom → ungdomen. Perhaps not (indikator → indikatorn), so
        # unless it is a definite plural the word is also taken as a base form.
        indefinite = lowered[:plural.start(2)] if plural.group(2) else lowered
        stem = lowered[:plural.start(1)]
        forms.update(indefinite + ending for ending in ("", "s", "n", "ns", "na", "nas"))
        forms |= _base_forms(stem)
        if plural.group(1) == "or":
            forms |= _base_forms(stem + "a")
        if plural.group(2):
            return forms
    return forms | _base_forms(lowered)


def _base_forms(base: str) -> set[str]:
    forms = {base}
    if base[-1] in VOWELS:
        forms.update(base + ending for ending in _VOWEL_ENDINGS)
        if base[-1] in "ae":
            forms.update(base[:-1] + ending for ending in _DROPPED_VOWEL_ENDINGS)
        else:
            forms.update(base + ending for ending in _KEPT_VOWEL_ENDINGS)
        return forms
    forms.update(base + ending for ending in _CONSONANT_ENDINGS)
    # An unstressed e drops before an ending: cykel → cyklar, exempel → exemplet.
    if len(base) >= 5 and re.search(f"{_CONSONANT}e[lnr]$", base):
        short = base[:-2] + base[-1]
        forms.update(short + ending for ending in _SHORT_ENDINGS)
    # A short vowel doubles the consonant: program → programmet.
    if len(base) >= 3 and base[-1] in "mn" and base[-2] in VOWELS and base[-3] not in VOWELS:
        forms.update(base + base[-1] + ending for ending in _SHORT_ENDINGS)
    # Umlaut plurals: bostad → bostäder, son → söner.
    umlaut = re.search(f"([ao])({_CONSONANT}+)$", base)
    if umlaut:
        changed = base[:umlaut.start(1)] + _UMLAUT[umlaut.group(1)] + umlaut.group(2)
        forms.update(changed + ending for ending in ("er", "erna", "ernas"))
    return forms


def _without_linking_s(head: str) -> list[str]:
    """A compound's first part without a linking s (bostads → bostad), and as written."""
    return [head[:-1], head] if head.endswith("s") and len(head) > MIN_HEAD else [head]


class Lexicon:
    """The words of the site, to tell a real part of a compound from a chance string of letters.

    No dictionary is needed: a part is a word if the site uses it, in any
    inflected form, or if it ends at least two words whose first parts are
    words ("försörjning" in "bostadsförsörjning" and "lokalförsörjning"),
    since some words only ever appear inside compounds.
    """

    def __init__(self, found: Iterable[str]) -> None:
        self.words = frozenset(w.lower() for w in found)
        self._heads: dict[str, set[str]] = {}
        for word in self.words:
            for cut in range(MIN_HEAD, len(word) - MIN_SHARED_TAIL + 1):
                self._heads.setdefault(word[cut:], set()).add(word[:cut])

    def knows(self, word: str) -> bool:
        return word in self.words or any(form in self.words for form in inflections(word))

    def part_word(self, part: str) -> str | None:
        """The word a compound's last part is a form of, or None if it is no known word.

        The last part carries the compound's ending, so "försörjningen" in
        "bostadsförsörjningen" gives "försörjning".
        """
        if self.knows(part):
            return part
        bases = [part] + [part[:-len(e)] for e in _ENDINGS_TO_STRIP
                          if part.endswith(e) and len(part) - len(e) >= MIN_SHARED_TAIL]
        return next((base for base in bases if self._shared_tail(base)), None)

    def _shared_tail(self, part: str) -> bool:
        if len(part) < MIN_SHARED_TAIL:
            return False
        heads = self._heads.get(part, ())
        return sum(any(self.knows(h) for h in _without_linking_s(head)) for head in heads) >= 2

    def with_words(self, more: Iterable[str]) -> "Lexicon":
        return Lexicon(self.words | {w.lower() for w in more})


def compound_parts(word: str, lexicon: Lexicon) -> list[str]:
    """The known words a compound is made of, longest first part first.

    "barnkonsekvensanalys" gives barn, konsekvensanalys, konsekvens and
    analys: the parts and the shorter compounds they make. Returns [] for a
    word that is not a compound of known words.
    """
    lowered = word.lower()
    for cut in range(len(lowered) - MIN_TAIL, MIN_HEAD - 1, -1):
        head, tail = lowered[:cut], lowered[cut:]
        base = next((b for b in _without_linking_s(head) if lexicon.knows(b)), None)
        if base is None:
            continue
        tail_parts = compound_parts(tail, lexicon)
        tail_word = lexicon.part_word(tail)
        if tail_parts or tail_word:
            return [base, tail_word or tail, *(p for p in tail_parts if p != tail_word)]
    return []


def lexicon_of(index: dict) -> Lexicon:
    """Every word on the site, from Material's search index."""
    found: set[str] = set()
    for doc in index.get("docs", []):
        for field in ("title", "text"):
            found.update(words(_TAG.sub(" ", str(doc.get(field) or ""))))
    return Lexicon(found)


def search_words(method: Method, lexicon: Lexicon) -> dict[str, list[str]]:
    """The words to add to the method page's search entry, by index field, sorted.

    Keywords and title words with their forms go into FIELD. The parts of
    compounds go into PARTS_FIELD: "planering" in "samhällsplaneringen" says
    less about what a page is about than the whole word does.
    """
    source = [w for text in (method.title, method.short_title, *method.keywords) for w in words(text)]
    known = lexicon.with_words(source)
    whole: set[str] = set()
    parts: set[str] = set()
    for word in source:
        whole |= inflections(word)
        for part in compound_parts(word, known):
            parts |= inflections(part)
    return {FIELD: sorted(whole), PARTS_FIELD: sorted(parts - whole)}


def method_location(method: Method, *, directory_urls: bool = True) -> str:
    """The method page's location in the search index, as MkDocs writes it."""
    page = f"{GENERATED_DIR}/{method_page_path(method).removesuffix('.md')}"
    return f"{page}/" if directory_urls else f"{page}.html"


def method_entries(index: dict, handbook: Handbook, *, directory_urls: bool = True) -> Iterator[tuple[Method, dict]]:
    """Each method with its page's entry in the index, for methods that have one."""
    entries = {doc.get("location"): doc for doc in index.get("docs", [])}
    for method in handbook.methods:
        entry = entries.get(method_location(method, directory_urls=directory_urls))
        if entry is not None:
            yield method, entry


def enrich_index(index: dict, handbook: Handbook, *, directory_urls: bool = True) -> dict:
    """Material's search index with the search words added to each method page's entry.

    Returns a new index; enriching its own output again gives the same index.
    """
    enriched = json.loads(json.dumps(index))
    fields = enriched.setdefault("config", {}).setdefault("fields", {})
    title_boost = (fields.get("title") or {}).get("boost", DEFAULT_TITLE_BOOST)
    fields[FIELD] = {"boost": title_boost}
    fields[PARTS_FIELD] = {"boost": title_boost * PARTS_WEIGHT}
    lexicon = lexicon_of(index)
    for method, entry in method_entries(enriched, handbook, directory_urls=directory_urls):
        entry.update(search_words(method, lexicon))
    return enriched


def enrich_search_index(site_dir: Path, handbook: Handbook, *, directory_urls: bool = True) -> bool:
    """Rewrite site_dir's search index with the search words. False if the site has no search index."""
    path = Path(site_dir) / SEARCH_INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    enriched = enrich_index(index, handbook, directory_urls=directory_urls)
    # Compact, as Material writes it: the browser downloads this file.
    path.write_text(json.dumps(enriched, separators=(",", ":")), encoding="utf-8")
    return True
