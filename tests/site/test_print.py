"""Printing a method page: only the text, with link addresses and checklists that keep their ticks."""

from __future__ import annotations

import subprocess

import pytest

from browser import browser, site_url  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.browser

# What only works on screen: the header (with search and the colour toggle), the
# navigation and table of contents, the footer, the search dialog and the edit link.
SCREEN_ONLY = ["header.md-header", "nav.md-nav--primary", ".md-sidebar--secondary", "footer.md-footer",
               ".vl-search-open", ".vl-edit-link"]


@pytest.fixture(params=["light", "dark"])
def page(request, browser):
    """A page in the reader's colour scheme: printing must look the same from either."""
    context = browser.new_context(locale="sv-SE", color_scheme=request.param)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def method(handbook):
    method = next((m for m in handbook.methods if m.checklists and m.sources), None)
    assert method is not None, "Ingen metod har både checklista och källor."
    return method


def open_for_print(page, site_url, method) -> None:
    page.goto(f"{site_url}metoder/{method.slug}/")
    page.locator(".vl-checklist__status").first.wait_for()


def after_content(page, selector: str) -> str:
    return page.eval_on_selector(selector, "a => getComputedStyle(a, '::after').content")


def test_print_leaves_out_navigation_header_footer_search_and_edit_link(page, site_url, method):
    open_for_print(page, site_url, method)
    for selector in SCREEN_ONLY:
        assert page.locator(selector).first.is_visible(), f"{selector} syns inte ens på skärmen."
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        assert page.locator(selector).first.is_hidden(), f"{selector} skrivs ut."
    assert page.get_by_role("heading", level=1).inner_text() == method.title
    # Paper is white and the text dark, also when the reader uses the dark scheme.
    colours = page.evaluate("[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]")
    assert colours[1] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert luminance(colours[0]) < 0.2


def test_print_shows_where_external_links_go_but_not_internal_or_download_links(page, site_url, method):
    open_for_print(page, site_url, method)
    source = method.sources[0].url
    external = f"article a[href='{source}']"
    assert after_content(page, external) in ("none", "normal"), "Adressen visas på skärmen."
    page.emulate_media(media="print")
    assert source in after_content(page, external)
    relative = page.eval_on_selector_all(
        "article a[href]:not([href^='http'])",
        "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])")
    assert relative, "Sidan har inga interna länkar att pröva."
    assert [href for href, after in relative if after not in ("none", "normal")] == []


def test_printed_checklist_shows_the_boxes_and_their_ticks(page, site_url, method):
    checklist = method.checklists[0]
    open_for_print(page, site_url, method)
    fieldset = page.locator(f"fieldset[data-vl-checklist='{checklist.id}']")
    boxes = fieldset.locator("input[type='checkbox']")
    ticked = {0, len(checklist.items) - 1}
    for index in ticked:
        boxes.nth(index).check()
    page.emulate_media(media="print")
    assert boxes.count() == len(checklist.items)
    for index in range(boxes.count()):
        box = boxes.nth(index)
        assert box.is_visible()
        style = box.evaluate("b => { const s = getComputedStyle(b); return [s.appearance, s.opacity, s.visibility]; }")
        assert style == ["auto", "1", "visible"], style
        size = box.bounding_box()
        assert size["width"] >= 10 and size["height"] >= 10
        assert box.is_checked() == (index in ticked)
    # A button means nothing on paper; the progress does.
    assert fieldset.get_by_role("button", name="Rensa").is_hidden()
    assert fieldset.locator(".vl-checklist__progress").is_visible()


def test_headings_are_kept_with_the_text_after_them(page, site_url, method):
    open_for_print(page, site_url, method)
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all("article h2, article h3",
                                       "hs => hs.map(h => getComputedStyle(h).breakAfter)")
    assert breaks and set(breaks) == {"avoid"}


def test_printed_pdf_has_the_text_the_link_addresses_and_no_navigation(page, site_url, method, tmp_path):
    open_for_print(page, site_url, method)
    page.emulate_media(media="print")
    pdf = tmp_path / "metod.pdf"
    page.pdf(path=str(pdf), format="A4")
    printed = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())
    # pdftotext joins a long address broken over lines with a space, or drops
    # its hyphen as if the word had been hyphenated, so compare without both.
    squashed = squash(printed)
    assert squash(method.title) in squashed
    assert squash(method.sources[0].url) in squashed
    for item in method.checklists[0].items:
        assert squash(item.text) in squashed
    assert "Redigera sidan" not in printed


def squash(value: str) -> str:
    return "".join(value.split()).replace("-", "")


def luminance(css_colour: str) -> float:
    channels = [float(c) for c in css_colour[css_colour.index("(") + 1:-1].split(",")[:3]]
    return sum(weight * channel / 255 for weight, channel in zip((0.2126, 0.7152, 0.0722), channels))
