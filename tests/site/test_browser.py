"""The handbook in a real Chromium: what a reader does. What the browser sends is in test_privacy.py."""

from __future__ import annotations

import pytest

from browser import browser, page, site_url  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.browser


def test_reader_finds_a_method_from_the_start_page(page, site_url, handbook):
    method = handbook.methods[0]
    page.goto(site_url)
    with page.expect_navigation():
        page.locator(".vl-card").get_by_role("link", name=method.title, exact=True).click()
    assert page.url.rstrip("/").endswith(f"/metoder/{method.slug}")
    assert page.get_by_role("heading", level=1).inner_text() == method.title
    assert page.get_by_role("heading", name="I korthet").is_visible()
    assert page.get_by_role("link", name="Redigera sidan").is_visible()


def test_every_method_is_reachable_from_the_navigation(page, site_url, handbook):
    for method in handbook.methods:
        page.goto(site_url + "metoder/")
        with page.expect_navigation():
            page.locator("nav.md-nav--primary").get_by_role("link", name=method.short_title, exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == method.title


def test_step_links_jump_to_the_template_or_checklist(page, site_url, handbook):
    method = next((m for m in handbook.methods if any(s.uses for s in m.steps)), None)
    assert method is not None, "Ingen metod länkar från ett steg till en mall eller checklista."
    step = next(s for s in method.steps if s.uses)
    document = method.document(step.uses[0])
    page.goto(f"{site_url}metoder/{method.slug}/")
    page.locator("article").get_by_role("link", name=document.title, exact=True).first.click()
    target = page.locator(":target")
    assert document.title in target.inner_text()
    assert target.is_visible()


def test_abbreviation_tooltip_opens_on_keyboard_focus(page, site_url, handbook):
    method = handbook.methods[0]
    page.goto(f"{site_url}metoder/{method.slug}/")
    page.wait_for_load_state("networkidle")
    focusable = page.locator("article abbr[tabindex='0']")
    assert focusable.count() > 0
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail("Ingen förkortning gick att nå med tabbtangenten.")
    # Material attaches its tooltip to the focused element and names it in aria-describedby.
    page.wait_for_function("document.activeElement.getAttribute('aria-describedby')")
    tooltip = page.locator("#" + page.evaluate("document.activeElement.getAttribute('aria-describedby')"))
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() in {e.term for e in handbook.glossary}
