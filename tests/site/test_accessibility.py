"""WCAG 2.1 AA on every page, measured with axe-core in Chromium; keyboard use and the skip link.

Swedish public-sector sites must meet WCAG 2.1 AA (lag 2018:1937, EN 301 549).
Every page is checked in light and dark scheme and in a desktop and a mobile
viewport, and must have zero violations of the A and AA rules.
"""

from __future__ import annotations

import pytest

from browser import DESKTOP, MOBILE, axe_violations, browser, site_paths, site_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

SETTINGS = [("ljust", "light", DESKTOP), ("mörkt", "dark", DESKTOP), ("ljust", "light", MOBILE),
            ("mörkt", "dark", MOBILE)]


@pytest.mark.parametrize("scheme_name, scheme, device", SETTINGS,
                         ids=["ljust-dator", "morkt-dator", "ljust-mobil", "morkt-mobil"])
def test_every_page_has_zero_axe_violations(browser, site_url, built_site, scheme_name, scheme, device):
    context = browser.new_context(color_scheme=scheme, locale="sv-SE", **device)
    page = context.new_page()
    failures = []
    for path in site_paths(built_site):
        # The load event comes after Material's and the handbook's scripts have
        # built the page. Waiting for the network to go quiet as well would only
        # wait for the search index, which changes nothing axe checks.
        page.goto(site_url + path, wait_until="load")
        failures += [f"/{path}: {violation}" for violation in axe_violations(page)]
    context.close()
    assert failures == [], f"axe, {scheme_name} läge:\n" + "\n".join(failures)


# Numbers every element that is in the tab order and can really take focus (elements in a
# collapsed menu section cannot), so each one is recognised when the Tab key reaches it.
MARK_FOCUSABLE = """() => {
  const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden' && !el.closest('[hidden]'))
    // Tab reaches only the checked radio button of a group; arrow keys move within it.
    .filter(el => el.type !== 'radio' || el.checked)
    .filter(el => { el.focus({preventScroll: true}); return document.activeElement === el; });
  document.activeElement.blur();
  window.scrollTo(0, 0);
  all.forEach((el, index) => el.dataset.kbIndex = index);
  return all.map(el => el.outerHTML.slice(0, 120));
}"""

# Focus is visible when the element, or for a visually hidden input its label, gets an
# outline or a ring. Focus on <body> means the browser's own controls have it.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  const shown = style => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                         || (style.boxShadow && style.boxShadow !== 'none');
  // Material's colour-scheme switch shows the label placed right after its hidden radio button.
  const labels = [...(el.labels || []), el.nextElementSibling].filter(t => t && t.tagName === 'LABEL');
  const hiddenInput = labels.length && el.getBoundingClientRect().width <= 1;
  const targets = hiddenInput ? labels : [el];
  return {index: el.dataset.kbIndex ?? null, html: el.outerHTML.slice(0, 120), body: el === document.body,
          visible: targets.some(target => shown(getComputedStyle(target)))};
}"""


def tab_through(page, limit: int = 800) -> list[dict]:
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if reached and state["html"] == reached[0]["html"]:
            break
        reached.append(state)
    return reached


@pytest.mark.parametrize("path_of", [lambda h: f"metoder/{h.methods[0].slug}/", lambda h: "metoder/metodvaljare/"],
                         ids=["metodsida", "metodvaljare"])
def test_keyboard_reaches_every_interactive_element_with_visible_focus(browser, site_url, handbook, path_of):
    context = browser.new_context(locale="sv-SE", **DESKTOP)
    page = context.new_page()
    page.goto(site_url + path_of(handbook))
    page.wait_for_load_state("networkidle")
    focusable = page.evaluate(MARK_FOCUSABLE)
    reached = tab_through(page)
    context.close()
    reached_indexes = {int(state["index"]) for state in reached if state["index"] is not None}
    missing = [html for index, html in enumerate(focusable) if index not in reached_indexes]
    assert missing == [], "Nås inte med tabbtangenten:\n" + "\n".join(missing)
    invisible = [state["html"] for state in reached if not state["visible"] and not state["body"]]
    assert invisible == [], "Fokus syns inte på:\n" + "\n".join(invisible)


def test_skip_link_moves_to_the_content(browser, site_url, handbook):
    context = browser.new_context(locale="sv-SE", **DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}metoder/{handbook.methods[0].slug}/")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => ({text: document.activeElement.textContent.trim(), "
                         "href: document.activeElement.getAttribute('href')})")
    assert skip["text"] == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == skip["href"]
    target = page.locator(skip["href"])
    assert target.is_visible()
    assert target.evaluate("el => el.closest('article') !== null")
    context.close()
