"""Swedish search: the words planners type find the method they mean.

Pagefind indexes the built pages and stems Swedish words itself
("mötesplatserna" finds "mötesplatser"), but it does not split compounds, and
a page is only found by words it contains. So every page ends in a hidden
block of words for the index (`hidden_search_words`), which readers never see:

- on a method page, the words the method is known by: its `keywords` from
  method.yml (synonyms and abbreviations the page may never use: "seniorer",
  "SKA", "ÖP") and its title words, all with their inflected forms, weighted
  like the title;
- on every page, the parts of the compounds it uses ("bostadsförsörjningen" →
  "bostad", "försörjning"), weighted below the text: a part says less about a
  page than the whole word.

The other direction, a typed compound the site never uses
("socialinvesteringsfond"), is split by the search page in the browser, using
the site's words (`query_words`).

Over-generation is harmless here: a form that does not exist in Swedish is
never typed, so it never matches, and every form only points at the page it
was made from.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Iterable

from ..content import Method

WHOLE = "known_by"
PARTS = "parts"
# Pagefind weighs a page's h1 7 and its text 1, and 10 is the most it takes. The words a method is
# known by count more than its title: a keyword may stand once on a page that other pages use often.
# A part of a compound says less about a page than the whole word does.
KNOWN_BY_WEIGHT = 10
PARTS_WEIGHT = 0.5
HIDDEN_WORDS_ID = "sokord"
# Also metadata: Pagefind adds a boost for a query word found in a page's metadata (ranking.metaWeights in
# docs/assets/javascripts/search.js), on top of the text's score.
KNOWN_BY_META = "sokord"

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


@functools.lru_cache(maxsize=None)
def inflections(word: str) -> frozenset[str]:
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
        return frozenset({lowered})
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
            return frozenset(forms)
    return frozenset(forms | _base_forms(lowered))


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

    def __init__(self, found: Iterable[str], extends: Lexicon | None = None) -> None:
        new = frozenset(w.lower() for w in found)
        if extends is not None:
            new -= extends.words
        self.words = new | extends.words if extends else new
        heads: dict[str, set[str]] = {}
        for word in new:
            for cut in range(MIN_HEAD, len(word) - MIN_SHARED_TAIL + 1):
                heads.setdefault(word[cut:], set()).add(word[:cut])
        # A lexicon with a method's own words shares the site's index of word ends: building that
        # again for each of 200 methods took longer than the rest of the build's own work.
        self._head_tables = (heads, *(extends._head_tables if extends else ()))
        self._known: dict[str, bool] = {}
        self._parts: dict[str, list[str]] = {}

    def knows(self, word: str) -> bool:
        # Asked for the same parts over and over while the pages of a site are split.
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = word in self.words or any(f in self.words for f in inflections(word))
        return known

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
        heads = set().union(*(table.get(part, ()) for table in self._head_tables))
        return sum(any(self.knows(h) for h in _without_linking_s(head)) for head in heads) >= 2

    def with_words(self, more: Iterable[str]) -> "Lexicon":
        added = {w.lower() for w in more}
        # Usually nothing is new (a method's title words are on its page), and this one has remembered a lot.
        return self if added <= self.words else Lexicon(added, extends=self)


def compound_parts(word: str, lexicon: Lexicon) -> list[str]:
    """The known words a compound is made of, longest first part first.

    "barnkonsekvensanalys" gives barn, konsekvensanalys, konsekvens and
    analys: the parts and the shorter compounds they make. Returns [] for a
    word that is not a compound of known words.
    """
    lowered = word.lower()
    if lowered not in lexicon._parts:
        lexicon._parts[lowered] = _split(lowered, lexicon)
    return list(lexicon._parts[lowered])


def _split(lowered: str, lexicon: Lexicon) -> list[str]:
    for cut in range(len(lowered) - MIN_TAIL, MIN_HEAD - 1, -1):
        head, tail = lowered[:cut], lowered[cut:]
        # A word as the site writes it beats a form guessed from it: "konsekvens" is the word,
        # not "konsekven" + s, while "bostads" is "bostad" + a linking s.
        candidates = _without_linking_s(head)
        base = next((b for b in candidates if b in lexicon.words), None) \
            or next((b for b in candidates if lexicon.knows(b)), None)
        if base is None:
            continue
        tail_parts = compound_parts(tail, lexicon)
        tail_word = lexicon.part_word(tail)
        if tail_parts or tail_word:
            return [base, tail_word or tail, *(p for p in tail_parts if p != tail_word)]
    return []


def lexicon_of(texts: Iterable[str]) -> Lexicon:
    """Every word of the given page sources (Markdown or HTML), markup left out."""
    found: set[str] = set()
    for text in texts:
        found.update(words(_TAG.sub(" ", text)))
    return Lexicon(found)


def search_words(method: Method, lexicon: Lexicon) -> dict[str, list[str]]:
    """The words a method is known by, sorted: its keywords and title words with their forms
    (`WHOLE`), and the parts of those that are compounds with their forms (`PARTS`)."""
    source = [w for text in (method.title, method.short_title, *method.keywords) for w in words(text)]
    known = lexicon.with_words(source)
    whole: set[str] = set()
    parts: set[str] = set()
    for word in source:
        whole |= inflections(word)
        for part in compound_parts(word, known):
            parts |= inflections(part)
    return {WHOLE: sorted(whole), PARTS: sorted(parts - whole)}


def page_search_words(source: str, lexicon: Lexicon, method: Method | None = None) -> tuple[list[str], list[str]]:
    """What a page's hidden search words hold, from its source: the words its method is known by
    (method pages only), and the parts of the compounds in the page and in those words."""
    known_by = search_words(method, lexicon) if method else {WHOLE: [], PARTS: []}
    return known_by[WHOLE], sorted(set(text_parts(source, lexicon)) | set(known_by[PARTS]))


def text_parts(text: str, lexicon: Lexicon) -> list[str]:
    """The parts of the compounds a page's text uses, sorted: "bostadsförsörjningen" on the page
    lets "försörjning" find it. Only the parts: the whole words are on the page already."""
    parts: set[str] = set()
    for word in {w.lower() for w in words(_TAG.sub(" ", text)) if len(w) >= MIN_HEAD + MIN_TAIL}:
        parts.update(compound_parts(word, lexicon))
    return sorted(parts)


def hidden_search_words(known_by: list[str], parts: list[str]) -> str:
    """HTML for the end of a page: words for the search index that readers never see.

    Pagefind indexes hidden elements. The words sit under their own heading, so a
    result found only by them is a section the search page can leave out of its
    excerpts (it shows the page's summary instead).
    """
    blocks = [f'<p data-pagefind-weight="{weight}"{extra}>{html.escape(" ".join(found))}</p>'
              for found, weight, extra in ((known_by, KNOWN_BY_WEIGHT, f' data-pagefind-meta="{KNOWN_BY_META}"'),
                                           (parts, PARTS_WEIGHT, "")) if found]
    if not blocks:
        return ""
    return (f'<div class="vl-search-words" hidden>\n<h2 id="{HIDDEN_WORDS_ID}">Sökord</h2>\n'
            + "\n".join(blocks) + "\n</div>")


def site_search_words(sources: dict[str, str], methods: dict[str, Method],
                      remembered: dict | None = None) -> tuple[dict, list[str]]:
    """Each page's hidden words (known by, parts), by the page's path in `sources` (path → its
    source text; `methods` says which paths are method pages), and the query words for the site.

    `remembered` is the preview's memory between its builds: a page whose source has not changed
    keeps the words it got then, although another page may have added a word to the site since.
    A published build never passes it.
    """
    lexicon = lexicon_of(sources.values())
    by_page = {}
    for path, text in sources.items():
        method = methods.get(path)
        key = (path, text, repr((method.title, method.short_title, method.keywords)) if method else "")
        if remembered is None or key not in remembered:
            found = page_search_words(text, lexicon, method)
            if remembered is None:
                by_page[path] = found
                continue
            remembered[key] = found
        by_page[path] = remembered[key]
    # "försörjning" is a word of the site only inside compounds, and "MEX" may only be a keyword, yet
    # a query may be split into the one and must match the other exactly. The inflected forms would
    # only make the list longer: the search page takes endings off itself.
    parts = {part for _, page_parts in by_page.values() for part in page_parts}
    names = {w for m in methods.values() for text in (m.title, m.short_title, *m.keywords) for w in words(text)}
    return by_page, query_words(lexicon.with_words(parts | names))


def query_words(lexicon: Lexicon) -> list[str]:
    """The site's words for the search page, sorted: what it may split a typed compound into, and the
    abbreviations ("öp", "dp") it matches as themselves rather than as the start of longer words."""
    return sorted(w for w in lexicon.words if len(w) >= 2 and w.isalpha())
