"""What a planner sees on a screen: nothing scrolls sideways, headings keep their words whole,
the start page leads everywhere, and a method page shows its steps near the top.

axe does not measure any of this (WCAG 1.4.10 Reflow is about layout), so each is measured
in Chromium at the widths readers use, from a 320 px phone to a 1440 px desktop.
"""

from __future__ import annotations

import pytest

from browser import browser, site_paths, site_url  # noqa: F401  (fixtures)
from site_helpers import page as built_page

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 768, 1024, 1280, 1440]

# Every word of an element as a Range; a word broken over two lines has rects on two lines.
BROKEN_WORDS = """selector => {
  const broken = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

# Anything in the article that reaches past the right edge of the window.
OUTSIDE = """() => [...document.querySelectorAll('article *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(el => !el.closest('.vl-scroll, .md-typeset__scrollwrap, .md-typeset__table'))
  .map(el => el.tagName + '.' + el.className).slice(0, 5)"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(browser, site_url, built_site, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 900})
    tab = context.new_page()
    wide = []
    for path in site_paths(built_site):
        tab.goto(site_url + path, wait_until="load")
        extra = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if extra > 0:
            wide.append(f"/{path}: {extra} px, {tab.evaluate(OUTSIDE)}")
    context.close()
    assert wide == [], f"Sidor som går att rulla i sidled vid {width} px:\n" + "\n".join(wide)


@pytest.mark.parametrize("width", [320, 390])
def test_headings_and_the_facts_box_fit_a_phone_with_every_word_whole(browser, site_url, built_site, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 800})
    tab = context.new_page()
    problems = []
    checked = 0
    for path in site_paths(built_site):
        tab.goto(site_url + path, wait_until="load")
        broken = tab.evaluate(BROKEN_WORDS, "article h1, article h2, article h3, article .vl-facts")
        if broken:
            problems.append(f"/{path}: {broken}")
        facts = tab.locator("article .vl-facts")
        if facts.count():
            box = facts.bounding_box()
            checked += 1
            if box["x"] < 0 or box["x"] + box["width"] > width:
                problems.append(f"/{path}: I korthet går utanför skärmen ({box})")
    context.close()
    assert checked >= 8, "Rutan I korthet hittades inte på metodsidorna."
    assert problems == []


@pytest.mark.parametrize("device", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}],
                         ids=["dator", "mobil"])
def test_start_page_has_a_visible_way_to_every_top_level_page(browser, site_url, built_site, device):
    # The top-level pages are the menu's own links on any page, so a page added to the menu is checked too.
    menu = built_page(built_site, "metoder/arbetsgangar/").select(
        "nav.md-nav--primary > ul.md-nav__list > li.md-nav__item")
    wanted = {item.select_one("a[href]")["href"].rstrip("/").rsplit("/", 1)[-1] or "." for item in menu}
    wanted = {"." if name == ".." else name for name in wanted}
    context = browser.new_context(locale="sv-SE", viewport=device)
    tab = context.new_page()
    tab.goto(site_url, wait_until="load")
    drawer = tab.locator("label.md-header__button[for='__drawer']")
    if drawer.is_visible():
        drawer.click()
        tab.wait_for_timeout(400)
    visible = tab.evaluate("""() => [...document.querySelectorAll('a[href]')]
        .filter(a => { const r = a.getBoundingClientRect(); const s = getComputedStyle(a);
                       return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                              && r.right > 0 && r.left < window.innerWidth; })
        .map(a => new URL(a.href).pathname)""")
    context.close()
    reached = {path.rstrip("/").rsplit("/", 1)[-1] or "." for path in visible}
    assert len(wanted) >= 8
    assert wanted - reached == set(), f"Startsidan saknar en synlig väg till {sorted(wanted - reached)}"


def test_every_method_shows_its_steps_within_two_screens(browser, site_url, handbook):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    late = []
    for method in handbook.methods:
        tab.goto(f"{site_url}metoder/{method.slug}/", wait_until="load")
        summary = tab.locator("#sa-gor-ni")
        top = summary.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
        items = tab.locator("#sa-gor-ni + ol > li")
        if top > 2 * 900 or items.count() != len(method.steps):
            late.append(f"{method.slug}: rubriken på {top:.0f} px, {items.count()} av {len(method.steps)} steg")
        for step, item in zip(method.steps, items.all()):
            target = item.locator("a").first.get_attribute("href")
            assert tab.locator(target).count() == 1, f"{method.slug}: {target} leder ingenstans"
            assert step.title in item.inner_text()
    context.close()
    assert late == []
