"""The light/dark toggle in the header (overrides/partials/javascripts/palette.html)."""

from __future__ import annotations

import pytest

from browser import browser, site_url  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.browser

TOGGLE = "form[data-vl-palette]"


def options(page) -> list[dict]:
    """The schemes the built page offers, in order, with the media query each answers to."""
    return page.evaluate(
        """form => [...document.querySelectorAll(form + " input[name='__palette']")].map(input => ({
               id: input.id,
               media: input.getAttribute('data-md-color-media'),
               scheme: input.getAttribute('data-md-color-scheme'),
           }))""", TOGGLE)


def shown_scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def visible_toggles(page) -> list[str]:
    """The for= of each toggle button a reader can see."""
    return page.evaluate(
        "form => [...document.querySelectorAll(form + ' label:not([hidden])')].map(l => l.htmlFor)", TOGGLE)


def assert_showing(page, index: int) -> None:
    """The page shows scheme number index, and its one visible button leads to the next scheme."""
    offered = options(page)
    assert shown_scheme(page) == offered[index]["scheme"]
    assert page.locator(f"#{offered[index]['id']}").is_checked()
    assert visible_toggles(page) == [offered[(index + 1) % len(offered)]["id"]]


@pytest.fixture(params=["light", "dark"])
def system_scheme(request) -> str:
    """The reader's system setting (prefers-color-scheme)."""
    return request.param


@pytest.fixture
def system_page(system_scheme, browser):
    context = browser.new_context(locale="sv-SE", color_scheme=system_scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"Skriptfel: {errors}"


def index_for(page, scheme: str) -> int:
    """The option whose media query answers to a system setting."""
    offered = options(page)
    matching = [i for i, option in enumerate(offered) if scheme in option["media"]]
    assert len(matching) == 1, f"Inget eller flera färgval för {scheme}: {offered}"
    return matching[0]


def test_a_first_visit_follows_the_system_setting(system_page, system_scheme, site_url):
    system_page.goto(site_url)
    assert len(options(system_page)) >= 2
    assert_showing(system_page, index_for(system_page, system_scheme))


def test_the_toggle_switches_the_scheme_and_the_choice_is_kept_on_the_next_page(system_page, system_scheme,
                                                                              site_url):
    system_page.goto(site_url)
    start = index_for(system_page, system_scheme)
    other = (start + 1) % len(options(system_page))

    system_page.locator(f"{TOGGLE} label:not([hidden])").click()
    assert_showing(system_page, other)
    # Transitions are off only while switching.
    system_page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")

    system_page.goto(site_url + "metoder/metodvaljare/")
    assert_showing(system_page, other)


@pytest.mark.parametrize("system_scheme", ["light"])
def test_enter_on_the_focused_toggle_switches_and_keeps_focus_on_it(system_page, system_scheme, site_url):
    system_page.goto(site_url)
    start = index_for(system_page, system_scheme)
    offered = options(system_page)
    other = (start + 1) % len(offered)

    system_page.locator(f"#{offered[start]['id']}").focus()
    system_page.keyboard.press("Enter")
    assert_showing(system_page, other)
    assert system_page.evaluate("document.activeElement.id") == offered[other]["id"]


def test_a_change_of_the_system_setting_is_followed_until_the_reader_chooses(system_page, system_scheme,
                                                                            site_url):
    system_page.goto(site_url)
    start = index_for(system_page, system_scheme)
    opposite = "dark" if system_scheme == "light" else "light"

    system_page.emulate_media(color_scheme=opposite)
    system_page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s",
                                  arg=options(system_page)[start]["scheme"])
    now = index_for(system_page, opposite)
    assert_showing(system_page, now)

    # Once the reader has chosen, the choice wins over the system setting,
    # which still says `opposite`.
    system_page.locator(f"{TOGGLE} label:not([hidden])").click()
    chosen = (now + 1) % len(options(system_page))
    system_page.reload()
    assert_showing(system_page, chosen)


@pytest.mark.parametrize("system_scheme", ["light"])
def test_the_browser_toolbar_colour_is_the_header_colour(system_page, site_url):
    system_page.goto(site_url)
    header_colour = """() => {
        const rgb = getComputedStyle(document.querySelector('.md-header')).backgroundColor.match(/\\d+/g);
        return '#' + rgb.slice(0, 3).map(n => Number(n).toString(16).padStart(2, '0')).join('');
    }"""
    meta = "document.querySelector('meta[name=theme-color]')"
    system_page.wait_for_function(f"() => {meta} && {meta}.content === ({header_colour})()")
    assert system_page.evaluate(f"{meta}.content").startswith("#")
    assert system_page.locator("meta[name=theme-color]").count() == 1

    system_page.locator(f"{TOGGLE} label:not([hidden])").click()
    system_page.wait_for_function(f"() => {meta}.content === ({header_colour})()")
