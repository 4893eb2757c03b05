""""Vilken metod när?" in a real Chromium: every method in every phase box its data names,
a table that agrees, readable on paper and on a phone. axe checks the page with every
other page, in light and dark mode and on desktop and mobile (test_accessibility.py)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import browser, site_url  # noqa: F401  (shared fixtures)
from verktygsladan.content.sequence import sequence

pytestmark = pytest.mark.browser

MAP_PATH = "metoder/vilken-metod-nar/"


def open_map(browser, site_url, *, width: int = 1280, scheme: str = "light", media: str = "screen"):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="sv-SE")
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(site_url + MAP_PATH)
    page.wait_for_load_state("networkidle")
    return page


@pytest.fixture
def map_page(browser, site_url):
    page = open_map(browser, site_url)
    yield page
    page.context.close()


def link_targets(locator) -> list[tuple[str, str]]:
    """(accessible text, URL path) of every link inside, in reading order."""
    return [(text, urlparse(href).path) for text, href in locator.locator("a[href]").evaluate_all(
        "links => links.map(a => [a.innerText.trim(), a.href])")]


def method_path(site_url: str, method) -> str:
    return urlparse(f"{site_url}metoder/{method.slug}/").path


def test_each_method_is_linked_inside_every_phase_box_its_data_names(map_page, site_url, handbook):
    terms = handbook.vocabulary.terms("phases")
    for phase_id, term in terms.items():
        box = map_page.locator(f'.vl-process__box[data-phase="{phase_id}"]')
        assert box.count() == 1, phase_id
        assert box.is_visible()
        assert box.get_by_role("heading").inner_text() == term.name
        # In the order of use among the phase's methods (the order itself: tests/content/test_sequence.py).
        members = [m for m in handbook.methods if phase_id in m.phases]
        expected = [(m.short_title, method_path(site_url, m))
                    for _, group in sequence(members, handbook.vocabulary) for m in group]
        assert link_targets(box) == expected, phase_id
        if term.group:
            frame = box.locator("xpath=ancestor::*[contains(@class, 'vl-process__group')][1]")
            assert frame.locator(".vl-process__group-title").inner_text() == term.group
        lane = box.locator("xpath=ancestor::section[contains(@class, 'vl-process__lane')][1]")
        title = lane.locator(".vl-process__lane-title").inner_text()
        assert (title == term.track) if term.track else "vl-process__lane--main" in lane.get_attribute("class")
    for method in handbook.methods:
        placed = map_page.locator(".vl-process__box").filter(
            has=map_page.get_by_role("link", name=method.short_title, exact=True))
        assert sorted(placed.evaluate_all("boxes => boxes.map(b => b.dataset.phase)")) == sorted(method.phases)


def test_a_method_link_in_the_map_opens_the_method(map_page, handbook):
    method = next(m for m in handbook.methods if m.phases)
    box = map_page.locator(f'.vl-process__box[data-phase="{method.phases[0]}"]')
    with map_page.expect_navigation():
        box.get_by_role("link", name=method.short_title, exact=True).click()
    assert map_page.get_by_role("heading", level=1).inner_text() == method.title


def test_the_table_says_what_the_map_says(map_page, handbook):
    table = map_page.get_by_role("table")
    assert table.locator("caption").inner_text().strip()
    rows = table.locator("tbody tr")
    terms = handbook.vocabulary.terms("phases")
    assert rows.count() == len(terms)
    for index, (phase_id, term) in enumerate(terms.items()):
        row = rows.nth(index)
        assert row.locator("th[scope=row]").inner_text().splitlines()[0] == term.name
        box = map_page.locator(f'.vl-process__box[data-phase="{phase_id}"]')
        assert link_targets(row) == link_targets(box), phase_id


def test_arrows_are_drawn_without_text_and_only_between_steps_of_a_sequence(map_page):
    pseudo = map_page.locator(".vl-process__step").evaluate_all("""steps => steps.map(step => ({
        sequence: step.parentElement.tagName === 'OL',
        first: step === step.parentElement.firstElementChild,
        content: getComputedStyle(step, '::after').content,
        line: getComputedStyle(step, '::before').borderLeftStyle,
    }))""")
    assert pseudo
    for step in pseudo:
        if step["sequence"] and not step["first"]:
            assert step["content"] == '""' and step["line"] == "solid", step
        else:
            assert step["content"] == "none", step


def test_side_tracks_stand_beside_the_flow_when_wide_and_below_it_when_narrow(browser, site_url, handbook):
    if not any(term.track for term in handbook.vocabulary.terms("phases").values()):
        pytest.skip("Vokabulären har inga skeden vid sidan av huvudflödet.")
    for width, beside in [(1280, True), (390, False)]:
        page = open_map(browser, site_url, width=width)
        main = page.locator(".vl-process__lane--main").bounding_box()
        side = page.locator(".vl-process__side").bounding_box()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        boxes = page.locator(".vl-process__box").evaluate_all(
            "boxes => boxes.map(b => b.getBoundingClientRect()).map(r => [r.left, r.right])")
        page.context.close()
        assert overflow <= 0, width
        if beside:
            assert side["x"] >= main["x"] + main["width"] and side["y"] < main["y"] + main["height"]
        else:
            assert side["y"] >= main["y"] + main["height"]
            assert all(left >= 0 and right <= width for left, right in boxes), width


@pytest.mark.parametrize("scheme", ["light", "dark"], ids=["ljust", "morkt"])
def test_print_keeps_boxes_framed_and_nothing_hidden(browser, site_url, handbook, scheme):
    page = open_map(browser, site_url, scheme=scheme, media="print")
    framed = page.locator(".vl-process__box, .vl-process__group, .vl-process__lane--track").evaluate_all(
        """els => els.map(el => {
            const s = getComputedStyle(el);
            return {phase: el.dataset.phase || el.className, style: s.borderTopStyle,
                    width: parseFloat(s.borderTopWidth), color: s.borderTopColor};
        })""")
    hidden = page.locator(".vl-process *, .vl-process-table *").evaluate_all(
        """els => els.filter(el => {
            const s = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return s.display === 'none' || s.visibility !== 'visible' || r.width === 0 || r.height === 0;
        }).map(el => el.outerHTML.slice(0, 80))""")
    text_colour = page.locator(".vl-process__phase").first.evaluate("el => getComputedStyle(el).color")
    links = page.locator(".vl-process a[href]").count()
    pdf = page.pdf(format="A4")
    page.context.close()
    assert len(framed) >= len(handbook.vocabulary.terms("phases"))
    for box in framed:
        assert box["style"] in {"solid", "dashed", "dotted"} and box["width"] >= 1, box
        assert box["color"] in {"rgb(0, 0, 0)", "rgba(0, 0, 0, 1)"}, box
    assert hidden == []
    # On paper the text is dark whichever scheme the reader had on screen.
    red, green, blue = (int(part) for part in text_colour[text_colour.index("(") + 1:].split(",")[:3])
    assert max(red, green, blue) < 100, text_colour
    assert links == sum(len(m.phases) for m in handbook.methods)
    assert pdf.startswith(b"%PDF")
