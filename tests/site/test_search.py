"""Swedish search in a real Chromium: what planners type into Material's search box finds the method.

The queries are in search_queries.yml. Each is typed key by key into the
search box of the built site, and the expected method must be among the first
three method pages in the results. At least 90 % must pass; the ones that do
not are printed and reported as a warning, so they stay visible.
"""

from __future__ import annotations

import json
import warnings
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from site_helpers import content, text
from site_helpers import page as built_page  # `page` is the browser page here
from verktygsladan.pages.search import FIELD, PARTS_FIELD, SEARCH_INDEX, inflections, method_location, words
from browser import browser, site_url  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
KINDS = {"böjning", "sammansättning", "förkortning", "synonym", "fråga"}
TOP = 3
REQUIRED_SHARE = 0.9


# Counts the queries Material sends to its search worker and the results it shows.
# Material reads the box on keyup and skips a value equal to the last one it sent
# (distinctUntilChanged), and writes the result count into the meta line once per
# result. When as many results are shown as queries were sent, the list on screen
# belongs to the last query: no timing guesses.
WATCH_SEARCH = """() => {
  const input = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const state = window.__vlSearch = {sent: 0, shown: 0, last: input.value};
  input.addEventListener("keyup", () => {
    if (input.value !== state.last) { state.last = input.value; state.sent += 1; }
  });
  new MutationObserver(records => { state.shown += records.length; }).observe(meta, {childList: true});
}"""
RESULTS_SHOWN = "() => window.__vlSearch.sent > 0 && window.__vlSearch.shown >= window.__vlSearch.sent"
RESULT_LINKS = """() => [...document.querySelectorAll(".md-search-result__list > li")]
  .map(li => li.querySelector("a.md-search-result__link").href)"""


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))["queries"]


class SearchBox:
    """Material's search box on the start page, used the way a reader uses it."""

    def __init__(self, page, methods_by_path: dict[str, str]) -> None:
        self.page = page
        self.input = page.locator("input.md-search__input")
        self.methods_by_path = methods_by_path

    def search(self, query: str, *, typed: bool = True) -> list[str]:
        """Method slugs in the order their pages are listed in the results."""
        self.page.evaluate("() => { window.__vlSearch.sent = 0; window.__vlSearch.shown = 0; }")
        # Empty the box and let Material see it, so that the same query twice is searched twice.
        self.input.fill("")
        self.input.press("End")
        if typed:
            self.input.press_sequentially(query)
        else:  # pasted
            self.input.fill(query)
        # Letters outside the US layout (å, ä, ö) are typed without a keyup, so end with a key that has one.
        self.input.press("End")
        self.page.wait_for_function(RESULTS_SHOWN, timeout=10_000)
        found: list[str] = []
        for href in self.page.evaluate(RESULT_LINKS):
            slug = self.methods_by_path.get(urlparse(href).path)
            if slug and slug not in found:
                found.append(slug)
        return found

    def result_for(self, slug: str):
        path = next(p for p, s in self.methods_by_path.items() if s == slug)
        return self.page.locator(".md-search-result__list > li").filter(
            has=self.page.locator(f"a.md-search-result__link[href*='{path}']")).first


@pytest.fixture
def search_box(browser, site_url, built_site, handbook):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url)
    # The meta line says "initialising" in the built HTML and changes once the index is loaded.
    initialising = " ".join(built_page(built_site, "").select_one(".md-search-result__meta").get_text().split())
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent.trim() !== text",
                           arg=initialising)
    page.evaluate(WATCH_SEARCH)
    page.locator("input.md-search__input").click()
    methods_by_path = {"/" + method_location(m): m.slug for m in handbook.methods}
    yield SearchBox(page, methods_by_path)
    context.close()


def test_the_query_set_is_realistic_and_names_real_methods(handbook):
    queries = load_queries()
    slugs = {m.slug for m in handbook.methods}
    assert len(queries) >= 30
    assert len({q["query"].lower() for q in queries}) == len(queries), "En sökning står två gånger."
    assert {q["kind"] for q in queries} == KINDS
    unknown = [q for q in queries if q["method"] not in slugs]
    assert not unknown, f"Metoder som inte finns: {unknown}"


def test_planners_find_the_method_they_mean(search_box, handbook):
    titles = {m.slug: m.short_title for m in handbook.methods}
    failures = []
    queries = load_queries()
    for query in queries:
        found = search_box.search(query["query"])
        if query["method"] not in found[:TOP]:
            failures.append(f"  {query['query']!r} ({query['kind']}): väntade {titles[query['method']]}, "
                            f"fick {[titles[s] for s in found[:TOP]] or 'inga metoder'}")
    passed = len(queries) - len(failures)
    report = f"{passed} av {len(queries)} sökningar hittade rätt metod bland de {TOP} första."
    if failures:
        report += " Missade:\n" + "\n".join(failures)
        warnings.warn(report, stacklevel=1)
    print(report)
    assert passed >= REQUIRED_SHARE * len(queries), report


def test_every_keyword_finds_its_method(search_box, handbook):
    """Each of the method's `keywords` works as a search: that is what editors add them for."""
    methods_by_keyword: dict[str, set[str]] = defaultdict(set)
    for method in handbook.methods:
        for keyword in method.keywords:
            methods_by_keyword[keyword.lower()].add(method.slug)
    assert methods_by_keyword, "Ingen metod har sökord."
    failures = []
    for keyword, slugs in sorted(methods_by_keyword.items()):
        # A keyword several methods share must find all of them first.
        top = max(TOP, len(slugs))
        found = search_box.search(keyword, typed=False)[:top]
        if not slugs <= set(found):
            failures.append(f"  {keyword!r}: {sorted(slugs - set(found))} finns inte bland de {top} första ({found})")
    assert not failures, ("Sökord som inte hittar sin metod. Välj ett mer särskiljande sökord:\n"
                          + "\n".join(failures))


def test_abbreviations_find_their_method_whatever_the_case(search_box, handbook):
    abbreviations = {(k, m.slug) for m in handbook.methods for k in m.keywords if k.isupper()}
    assert abbreviations, "Ingen metod har en förkortning bland sökorden."
    for abbreviation, slug in sorted(abbreviations):
        # "ÖP" is on several methods; each must be among the first of them.
        top = max(TOP, sum(abbreviation in m.keywords for m in handbook.methods))
        for query in (abbreviation, abbreviation.lower()):
            assert slug in search_box.search(query)[:top], query


def test_a_result_found_by_a_keyword_shows_the_method_as_usual(search_box, built_site, handbook):
    """The added words are never shown: the result is the method's title and summary."""
    checked = 0
    for method in handbook.methods:
        page_text = text(content(built_page(built_site, method_location(method)))).lower()
        # A keyword the page never uses, so only the added words can have found it.
        keyword = next((k for k in method.keywords if len(words(k)) == 1 and k.lower() not in page_text), None)
        if keyword is None:
            continue
        found = search_box.search(keyword)
        assert method.slug in found, keyword
        result = search_box.result_for(method.slug)
        assert " ".join(result.locator("article h1").inner_text().split()) == method.title
        assert " ".join(result.inner_text().split()) == " ".join(f"{method.title} {method.summary}".split())
        checked += 1
    assert checked, "Ingen metod har ett sökord som inte står i titeln eller sammanfattningen."


def test_the_built_index_has_the_search_words_of_every_method(built_site, handbook):
    index = json.loads((built_site / SEARCH_INDEX).read_text(encoding="utf-8"))
    assert index["config"]["fields"][FIELD]["boost"] == index["config"]["fields"]["title"]["boost"]
    assert PARTS_FIELD in index["config"]["fields"]
    entries = {doc["location"]: doc for doc in index["docs"]}
    for method in handbook.methods:
        entry = entries[method_location(method)]
        assert entry["title"] == method.title
        for word in (w for k in method.keywords for w in words(k)):
            assert inflections(word) <= set(entry[FIELD]), f"{method.slug}: {word}"
