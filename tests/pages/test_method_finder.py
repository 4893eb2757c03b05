"""The method finder page and its start-page summary, as generated Markdown."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from verktygsladan.content import load_handbook
from verktygsladan.content.sequence import sequence
from verktygsladan.pages.method_finder import (
    EFFORT_BANDS,
    FACETS,
    FINDER_PATH,
    bands_for_weeks,
    facet,
    facet_values,
    finder_summary,
    render_method_finder,
)

# What each filter is about, read straight from the content model; the effort
# band is checked separately below, against the weeks themselves.
FIELDS = {
    "skede": ("phases", lambda m: m.phases),
    "fraga": ("questions", lambda m: m.questions),
    "malgrupp": ("target_groups", lambda m: m.target_groups),
    "roll": ("roles", lambda m: m.people.lead + m.people.participants),
}


def html(page: str) -> BeautifulSoup:
    """Generated Markdown as the site's Markdown extensions turn it into HTML."""
    body = page.split("---", 2)[2] if page.startswith("---") else page
    return BeautifulSoup(markdown.markdown(body, extensions=["md_in_html", "attr_list", "def_list"]),
                         "html.parser")


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---")[1])


def test_every_facet_has_a_query_parameter_and_the_effort_band_is_one_of_them():
    assert set(FIELDS) | {"tid"} == {f.param for f in FACETS}


@pytest.mark.parametrize("param", sorted(FIELDS))
def test_facet_values_are_the_vocabulary_terms_some_method_has(handbook, param):
    vocabulary, values_of = FIELDS[param]
    expected = [(term_id, term.name, sum(term_id in values_of(m) for m in handbook.methods))
                for term_id, term in handbook.vocabulary.terms(vocabulary).items()]
    expected = [value for value in expected if value[2] > 0]
    assert [(v.id, v.name, v.count) for v in facet_values(handbook, facet(param))] == expected


def test_values_no_method_has_are_left_out(corpus_handbook):
    # The corpus has one method, so most vocabulary terms are unused there.
    page = html(render_method_finder(corpus_handbook))
    method = corpus_handbook.methods[0]
    for param, (vocabulary, values_of) in FIELDS.items():
        offered = {box["value"] for box in page.select(f"input[name={param}]")}
        assert offered == set(values_of(method))
        assert offered < set(corpus_handbook.vocabulary.terms(vocabulary))


def test_effort_bands_cover_every_number_of_weeks_exactly_once():
    for weeks in range(0, 200):
        assert len(bands_for_weeks(weeks, weeks)) == 1, weeks
    assert EFFORT_BANDS[0].min_weeks == 0
    assert EFFORT_BANDS[-1].max_weeks is None


def test_a_span_of_weeks_falls_in_every_band_it_touches():
    first, middle, last = EFFORT_BANDS
    assert bands_for_weeks(first.max_weeks, first.max_weeks) == [first.id]
    assert bands_for_weeks(first.max_weeks, middle.min_weeks) == [first.id, middle.id]
    assert bands_for_weeks(middle.min_weeks, middle.max_weeks) == [middle.id]
    assert bands_for_weeks(middle.max_weeks, last.min_weeks) == [middle.id, last.id]
    assert bands_for_weeks(first.min_weeks, last.min_weeks + 100) == [first.id, middle.id, last.id]


def test_each_method_gets_exactly_the_bands_its_weeks_reach(handbook):
    def band_of(weeks: int) -> str:
        return next(b.id for b in EFFORT_BANDS
                    if b.min_weeks <= weeks and (b.max_weeks is None or weeks <= b.max_weeks))

    for method in handbook.methods:
        weeks = method.effort.weeks
        expected = {band_of(w) for w in range(weeks.min, weeks.max + 1)}
        assert set(facet("tid").values_of(method)) == expected, method.slug
    offered = [v.id for v in facet_values(handbook, facet("tid"))]
    assert offered == [b.id for b in EFFORT_BANDS if any(b.id in facet("tid").values_of(m) for m in handbook.methods)]


def test_page_is_not_rendered_as_jinja_and_lists_every_method(handbook):
    page = render_method_finder(handbook)
    assert front_matter(page)["render_macros"] is False
    soup = html(page)
    cards = soup.select("[data-vl-card]")
    # In the order of use, with the group each card falls in (the order itself: test_sequence.py).
    ordered = [(label, m) for label, group in sequence(handbook.methods, handbook.vocabulary) for m in group]
    assert [card.h3.a["href"] for card in cards] == [f"{m.slug}.md" for _, m in ordered]
    assert [card.h3.get_text() for card in cards] == [m.title for _, m in ordered]
    assert [card.select_one("[data-vl-order]").get_text() for card in cards] == [label for label, _ in ordered]


def test_each_card_carries_its_values_and_key_facts(handbook):
    soup = html(render_method_finder(handbook))
    vocabulary = handbook.vocabulary
    by_slug = {m.slug: m for m in handbook.methods}
    cards = soup.select("[data-vl-card]")
    assert len(cards) == len(handbook.methods)
    for card in cards:
        method = by_slug[card["data-vl-slug"]]
        for current in FACETS:
            assert card[f"data-{current.param}"].split() == list(dict.fromkeys(current.values_of(method)))
        facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in card.select("dt")}
        assert facts["Status"] == vocabulary.name("statuses", method.trust.status)
        assert facts["Skeden"] == ", ".join(vocabulary.names("phases", method.phases))
        assert facts["Leds av"] == ", ".join(vocabulary.names("roles", method.people.lead))
        assert str(method.effort.weeks.max) in facts["Tid"]
        assert str(method.effort.participants.max) in facts["Deltagare"]


def test_form_has_a_labelled_checkbox_per_value_in_fieldsets(handbook):
    soup = html(render_method_finder(handbook))
    form = soup.select_one("form[data-vl-finder]")
    # Visible from the start so the page does not shift; without JavaScript a <noscript>
    # style hides it (tested in the browser, tests/site/test_metodvaljare.py).
    assert not form.has_attr("hidden")
    fieldsets = form.select("fieldset")
    assert [fs.legend.get_text() for fs in fieldsets] == [f.legend for f in FACETS]
    for fieldset, current in zip(fieldsets, FACETS):
        values = facet_values(handbook, current)
        boxes = fieldset.select("input[type=checkbox]")
        assert [(b["name"], b["value"]) for b in boxes] == [(current.param, v.id) for v in values]
        for box, value in zip(boxes, values):
            label = soup.select_one(f"label[for='{box['id']}']")
            assert " ".join(label.get_text().split()) == f"{value.name} {value.count} " \
                                                         f"{'metod' if value.count == 1 else 'metoder'}"
    status = soup.select_one("[data-vl-finder-status]")
    assert status["aria-live"] == "polite"
    assert status["data-text-some"] == f"{{shown}} av {len(handbook.methods)} metoder"


def test_vocabulary_and_method_text_are_escaped(corpus_project, text_rules_off):
    vocabulary_file = corpus_project / "methods" / "vocabulary.yml"
    source = vocabulary_file.read_text(encoding="utf-8")
    hostile = '<script>alert(1)</script> & "citat"'
    source = source.replace("name: Översiktsplanering", f"name: '{hostile}'", 1)
    vocabulary_file.write_text(source, encoding="utf-8")
    method_file = corpus_project / "methods" / "exempel" / "method.yml"
    method_file.write_text(method_file.read_text(encoding="utf-8").replace(
        "title: Exempelmetod för tester", "title: Exempel <img src=x onerror=alert(1)> {{ 1 + 1 }}"),
        encoding="utf-8")
    handbook = load_handbook(corpus_project)
    page = render_method_finder(handbook)
    assert "<script>" not in page and "<img" not in page
    soup = html(page)
    assert soup.select_one("label[for='vl-finder-skede-oversiktsplanering']").get_text().startswith(hostile)
    assert soup.select_one("[data-vl-card] h3").get_text() == "Exempel <img src=x onerror=alert(1)> {{ 1 + 1 }}"
    assert not soup.select("script, img")


def test_summary_links_each_phase_and_question_into_the_finder(handbook):
    prefix = "metoder/"
    soup = html(finder_summary(handbook, link_prefix=prefix))
    links = {a.get_text(): a["href"] for a in soup.select("a")}
    for param in ("skede", "fraga"):
        for value in facet_values(handbook, facet(param)):
            assert links[value.name] == f"{prefix}{FINDER_PATH}?{param}={value.id}"
            item = next(li for li in soup.select("li") if li.a.get_text() == value.name)
            assert re.search(rf"\({value.count} metod(er)?\)", item.get_text())
    assert f"{prefix}{FINDER_PATH}" in links.values()
