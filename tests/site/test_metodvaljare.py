"""The method finder (Metodväljare) in a real Chromium: filtering, the URL, keyboard, no JavaScript, axe.

Every expectation is computed here from the handbook's content, not from the
finder's own code, so a wrong facet in the page shows up as a failure.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from verktygsladan.content.sequence import sequence
from verktygsladan.pages.method_finder import EFFORT_BANDS
from browser import axe_violations, browser, page, site_url  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.browser

FINDER = "metoder/metodvaljare/"


def _weeks_reach(method, band) -> bool:
    weeks = method.effort.weeks
    return weeks.min <= (band.max_weeks if band.max_weeks is not None else weeks.max) and weeks.max >= band.min_weeks


# The query-string name of each filter → (its legend, the method's values, and every possible value).
FACETS = {
    "skede": ("Planeringsskede", lambda m: m.phases, lambda h: h.vocabulary.terms("phases")),
    "fraga": ("Vad vill ni åstadkomma?", lambda m: m.questions, lambda h: h.vocabulary.terms("questions")),
    "malgrupp": ("Målgrupp", lambda m: m.target_groups, lambda h: h.vocabulary.terms("target_groups")),
    "tid": ("Tid från start till resultat",
            lambda m: [b.id for b in EFFORT_BANDS if _weeks_reach(m, b)],
            lambda h: {b.id: b for b in EFFORT_BANDS}),
    "roll": ("Vilka behöver vara med?", lambda m: m.people.lead + m.people.participants,
             lambda h: h.vocabulary.terms("roles")),
}


def values(handbook, param: str) -> list[tuple[str, str]]:
    """(id, name) of every value of a filter that at least one method has, in vocabulary order."""
    _, values_of, terms = FACETS[param]
    return [(term_id, term.name) for term_id, term in terms(handbook).items()
            if any(term_id in values_of(m) for m in handbook.methods)]


def expected_order(handbook, choice: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(label, title) of the methods that match, in the order of use that content.sequence gives
    them among themselves. Within a filter any chosen value is enough; every filter with a choice
    must match."""
    matching = [m for m in handbook.methods
                if all(set(chosen) & set(FACETS[param][1](m)) for param, chosen in choice.items() if chosen)]
    return [(label, m.title) for label, group in sequence(matching, handbook.vocabulary) for m in group]


def expected_titles(handbook, choice: dict[str, list[str]]) -> list[str]:
    return [title for _, title in expected_order(handbook, choice)]


def checkbox(page, handbook, param: str, value_id: str):
    """A checkbox found the way a reader finds it: by its group's legend and its label."""
    legend = FACETS[param][0]
    name = dict(values(handbook, param))[value_id]
    return page.get_by_role("group", name=legend).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(name)} \d+ metod(er)?$"))


def shown_titles(page) -> list[str]:
    return page.locator("[data-vl-card]:visible h3").all_inner_texts()


def count_text(handbook, shown: int) -> str:
    return f"{shown} av {len(handbook.methods)} metoder"


def status(page):
    return page.locator("[data-vl-finder-status]")


def test_each_filter_value_shows_exactly_the_methods_that_have_it(page, site_url, handbook):
    page.goto(site_url + FINDER)
    all_titles = expected_titles(handbook, {})
    assert shown_titles(page) == all_titles
    for param in FACETS:
        offered = values(handbook, param)
        assert offered, f"Filtret {param} har inga värden."
        assert page.locator(f"input[name='{param}']").count() == len(offered)
        for value_id, _name in offered:
            box = checkbox(page, handbook, param, value_id)
            box.check()
            expected = expected_titles(handbook, {param: [value_id]})
            expect(status(page)).to_have_text(count_text(handbook, len(expected)))
            # The bar that stays in view at the bottom of the filters says the same.
            expect(page.locator("[data-vl-finder-shown]")).to_have_text(count_text(handbook, len(expected)))
            assert shown_titles(page) == expected, f"{param}={value_id}"
            box.uncheck()
            expect(status(page)).to_have_text(count_text(handbook, len(all_titles)))
            assert shown_titles(page) == all_titles


def test_the_methods_shown_are_in_order_of_use_with_the_same_groups_as_the_process_map(page, site_url, handbook):
    page.goto(site_url + FINDER)
    tried = 0
    for param in ("skede", "fraga"):
        for value_id, _name in values(handbook, param):
            box = checkbox(page, handbook, param, value_id)
            box.check()
            expected = expected_order(handbook, {param: [value_id]})
            shown = [(card.locator("[data-vl-order]").inner_text(), card.locator("h3").inner_text())
                     for card in page.locator("[data-vl-card]:visible").all()]
            assert shown == expected, f"{param}={value_id}"
            tried += len({label for label, _ in expected}) > 1
            box.uncheck()
    assert tried >= 3, "För få filterval gav mer än en grupp för att pröva ordningen."


def test_values_combine_with_or_within_a_filter_and_and_across_filters(page, site_url, handbook):
    page.goto(site_url + FINDER)
    phases = [value_id for value_id, _ in values(handbook, "skede")]
    questions = [value_id for value_id, _ in values(handbook, "fraga")]

    def telling(pair, question) -> bool:
        # OR must show more than either phase alone, and AND with the question must drop some but not all.
        union = expected_titles(handbook, {"skede": list(pair)})
        both = expected_titles(handbook, {"skede": list(pair), "fraga": [question]})
        return (all(len(union) > len(expected_titles(handbook, {"skede": [p]})) for p in pair)
                and 0 < len(both) < len(union))

    candidates = [(pair, q) for pair in itertools.combinations(phases, 2) for q in questions if telling(pair, q)]
    if not candidates:
        pytest.skip("Innehållet har inga två skeden och en fråga som visar skillnaden mellan OCH och ELLER.")
    pair, question = candidates[0]
    choice = {"skede": list(pair), "fraga": [question]}
    for param, chosen in choice.items():
        for value_id in chosen:
            checkbox(page, handbook, param, value_id).check()
    expected = expected_titles(handbook, choice)
    expect(status(page)).to_have_text(count_text(handbook, len(expected)))
    assert shown_titles(page) == expected


def test_the_url_holds_the_filters_and_restores_them_after_reload(page, site_url, handbook):
    page.goto(site_url + FINDER)
    history_length = page.evaluate("history.length")
    choice = {"skede": [values(handbook, "skede")[0][0]], "tid": [values(handbook, "tid")[-1][0]]}
    for param, chosen in choice.items():
        for value_id in chosen:
            checkbox(page, handbook, param, value_id).check()
    assert parse_qs(urlparse(page.url).query) == choice
    # replaceState, not a new history entry per click and not a reload.
    assert page.evaluate("history.length") == history_length
    expected = expected_titles(handbook, choice)

    page.reload()
    for param, chosen in choice.items():
        for value_id in chosen:
            expect(checkbox(page, handbook, param, value_id)).to_be_checked()
    assert page.locator("input[type=checkbox]:checked").count() == 2
    expect(status(page)).to_have_text(count_text(handbook, len(expected)))
    assert shown_titles(page) == expected


def test_start_page_links_open_the_finder_with_the_filter_chosen(page, site_url, handbook):
    for param in ("skede", "fraga"):
        value_id, name = values(handbook, param)[-1]
        page.goto(site_url)
        summary = page.locator(".vl-finder-summary")
        with page.expect_navigation():
            summary.get_by_role("link", name=name, exact=True).click()
        assert urlparse(page.url).path.endswith("/" + FINDER)
        assert parse_qs(urlparse(page.url).query) == {param: [value_id]}
        expect(checkbox(page, handbook, param, value_id)).to_be_checked()
        expected = expected_titles(handbook, {param: [value_id]})
        expect(status(page)).to_have_text(count_text(handbook, len(expected)))
        assert shown_titles(page) == expected


def test_filters_work_with_the_keyboard_alone(page, site_url, handbook):
    page.goto(site_url + FINDER)
    first_box = page.locator("form[data-vl-finder] input[type=checkbox]").first
    for _ in range(100):
        page.keyboard.press("Tab")
        if first_box.evaluate("box => box === document.activeElement"):
            break
    else:
        pytest.fail("Den första kryssrutan gick inte att nå med tabbtangenten.")
    # A visible focus indicator (WCAG 2.4.7).
    assert first_box.evaluate("box => getComputedStyle(box).outlineStyle") != "none"

    offered = values(handbook, "skede")
    chosen = []
    for value_id, _ in offered[:2]:
        page.keyboard.press("Space")
        chosen.append(value_id)
        expected = expected_titles(handbook, {"skede": chosen})
        expect(status(page)).to_have_text(count_text(handbook, len(expected)))
        assert shown_titles(page) == expected
        page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    expected = expected_titles(handbook, {"skede": chosen[:1]})
    expect(status(page)).to_have_text(count_text(handbook, len(expected)))
    assert shown_titles(page) == expected


def _empty_choice(handbook) -> dict[str, list[str]] | None:
    """Two values from different filters that no method has together, if the content has any."""
    for first, second in itertools.combinations(FACETS, 2):
        for (a, _), (b, _) in itertools.product(values(handbook, first), values(handbook, second)):
            if not expected_titles(handbook, {first: [a], second: [b]}):
                return {first: [a], second: [b]}
    return None


def test_no_match_says_so_and_offers_to_clear_the_filters(page, site_url, handbook):
    choice = _empty_choice(handbook)
    if choice is None:
        pytest.skip("Varje kombination av två filter ger minst en metod.")
    page.goto(site_url + FINDER)
    for param, chosen in choice.items():
        checkbox(page, handbook, param, chosen[0]).check()
    expect(status(page)).to_have_text(re.compile(rf"^{count_text(handbook, 0)}\. Ingen metod passar"))
    assert shown_titles(page) == []
    expect(page.locator("[data-vl-finder-shown]")).to_have_text(count_text(handbook, 0))
    empty = page.locator("[data-vl-finder-empty]")
    expect(empty).to_be_visible()

    empty.get_by_role("button", name="Rensa alla filter").click()
    expect(status(page)).to_have_text(count_text(handbook, len(handbook.methods)))
    assert shown_titles(page) == expected_titles(handbook, {})
    assert page.locator("input[type=checkbox]:checked").count() == 0
    assert urlparse(page.url).query == ""
    expect(empty).to_be_hidden()
    # The button that had focus is gone; focus lands on the results' heading, not on the page's start.
    expect(page.get_by_role("heading", name="Metoder", exact=True)).to_be_focused()


def test_without_javascript_every_method_is_listed_with_its_facts(browser, site_url, handbook):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + FINDER + "?skede=" + values(handbook, "skede")[0][0])
        assert shown_titles(page) == expected_titles(handbook, {})
        expect(page.locator("form[data-vl-finder]")).to_be_hidden()
        # Playwright's text search skips <noscript>, so the note is found by its class.
        note = page.locator(".vl-finder__nojs")
        expect(note).to_be_visible()
        expect(note).to_contain_text(f"alla {len(handbook.methods)} metoder")
        for method in handbook.methods:
            card = page.locator("[data-vl-card]").filter(
                has=page.get_by_role("heading", name=method.title, exact=True))
            facts = card.locator("dt").all_inner_texts()
            assert facts == ["Status", "Skeden", "Tid", "Deltagare", "Leds av"]
            expect(card.get_by_role("link", name=method.title, exact=True)).to_have_attribute(
                "href", f"../{method.slug}/")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_filters_chosen(browser, site_url, handbook, scheme):
    # The finder as it first loads, and the start page, are in the all-pages axe test
    # (test_accessibility.py); here are the states only filtering reaches.
    context = browser.new_context(locale="sv-SE", color_scheme=scheme)
    page = context.new_page()
    try:
        first_phase = values(handbook, "skede")[0][0]
        states = [f"{FINDER}?skede={first_phase}"]
        choice = _empty_choice(handbook)
        if choice:
            states.append(FINDER + "?" + "&".join(f"{p}={v[0]}" for p, v in choice.items()))
        for state in states:
            page.goto(site_url + state)
            expected_scheme = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
            expect(page.locator("form[data-vl-finder]")).to_be_visible()
            violations = axe_violations(page)
            assert violations == [], f"{state} ({scheme}):\n" + "\n".join(violations)
    finally:
        context.close()


def test_search_leads_to_method_pages_not_to_their_cards_in_the_finder(built_site, handbook):
    """The search index reads only what is marked for it: on the finder page, neither the cards
    (each would lead here instead of to its method) nor the filters."""
    finder = BeautifulSoup((built_site / FINDER / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = finder.select_one("[data-pagefind-body]")
    assert body is not None
    cards = finder.select("[data-vl-card]")
    assert cards and all(card.find_parent(attrs={"data-pagefind-ignore": True}) for card in cards)
    assert finder.select_one("form[data-vl-finder]").has_attr("data-pagefind-ignore")
    for method in handbook.methods:
        page = BeautifulSoup((built_site / "metoder" / method.slug / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert page.select_one("[data-pagefind-body]") is not None
