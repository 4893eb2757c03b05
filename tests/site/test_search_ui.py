"""The search dialog in the header (search-ui.js), used the way a reader uses it, in a real Chromium.

What the search finds is search.js's business (test_search.py); here it is what
the reader sees and can do: open the dialog by mouse, finger or key, read the
results, move through them with the arrow keys, leave again, and all of it in
Swedish, accessible in light and dark mode, on a desktop and a phone, without
a byte fetched from anyone but the site itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from browser import DESKTOP, MOBILE, axe_violations, browser, site_paths, site_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

QUERY = "mötesplatser"
NO_HITS = "xqzvw"
OPENER = "[data-vl-search-open]"
DIALOG = "dialog[data-vl-search]"
STATUS = "[data-vl-search-status]"
RESULTS = "[data-vl-search-results] > li"
TOO_SHORT = "Skriv minst två bokstäver"
NARROWEST = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}

# What the search core itself answers for a query, to hold the dialog to it.
CORE_ANSWER = "query => window.verktygsladanSearch.search(query)"
DIALOG_OPEN = f"() => document.querySelector('{DIALOG}').open"
ACTIVE = "() => document.activeElement"
SEARCH_REQUEST = re.compile(r"/(pagefind/|sokord\.json)")


def expected_status(answer: dict) -> str:
    if answer["total"] == 0:
        return f"Inga träffar för ”{answer['query']}”"
    count = "1 träff" if answer["total"] == 1 else f"{answer['total']} träffar"
    shown = len(answer["results"])
    return count if shown == answer["total"] else f"{count}, de {shown} bästa visas"


def status(page) -> str:
    return page.locator(STATUS).inner_text().strip()


def open_context(browser, device=DESKTOP, **options):
    context = browser.new_context(locale="sv-SE", **device, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


# Longer than the dialog's wait after the last key (DEBOUNCE_MS in search-ui.js).
DEBOUNCE_WAIT_MS = 200


@pytest.fixture
def page(browser, site_url):
    """The start page on a desktop; no script error may happen while the test uses it."""
    context, page, errors = open_context(browser)
    page.goto(site_url)
    yield page
    context.close()
    assert errors == [], f"Skriptfel: {errors}"


def search(page, query: str) -> dict:
    """Types the query into the open dialog and waits until it shows the core's answer to it."""
    field = page.get_by_role("searchbox", name="Sök")
    field.fill("")
    field.press_sequentially(query)
    answer = page.evaluate(CORE_ANSWER, query)
    page.wait_for_function(f"text => document.querySelector('{STATUS}').textContent.trim() === text",
                           arg=expected_status(answer))
    return answer


def open_by_button(page) -> None:
    page.locator(OPENER).click()
    page.wait_for_function(DIALOG_OPEN)


def test_typing_a_query_shows_titles_sections_and_marked_hits(page, site_url):
    open_by_button(page)
    answer = search(page, QUERY)
    assert answer["total"] > 0, f"Kärnan hittar inget för {QUERY!r}."
    assert status(page) == expected_status(answer)
    assert re.fullmatch(r"\d+ träffar.*|1 träff", status(page)), status(page)

    items = page.locator(RESULTS)
    assert items.count() == len(answer["results"]), "Listan visar inte lika många träffar som kärnan gav."
    for index, result in enumerate(answer["results"]):
        item = items.nth(index)
        link = item.get_by_role("link")
        assert link.inner_text().strip() == result["title"]
        assert link.get_attribute("href") == result["url"]
        if result["heading"]:
            assert result["heading"] in item.inner_text()
        marked = [piece["text"] for piece in result["excerpt"] if piece["mark"]]
        assert item.locator("mark").all_inner_texts() == marked, f"Fel markering i träff {index + 1}."
    marks = page.locator(f"{RESULTS} mark").all_inner_texts()
    assert any(QUERY[:8] in mark.lower() for mark in marks), f"Sökordet är inte markerat: {marks}"


def test_a_query_without_hits_says_so(page):
    open_by_button(page)
    search(page, NO_HITS)
    assert status(page) == f"Inga träffar för ”{NO_HITS}”"
    assert page.locator(RESULTS).count() == 0


def test_the_dialog_asks_for_two_letters_before_it_searches(page):
    open_by_button(page)
    assert status(page) == TOO_SHORT
    page.get_by_role("searchbox", name="Sök").press_sequentially("m")
    assert status(page) == TOO_SHORT
    assert page.locator(RESULTS).count() == 0


def test_the_clear_button_is_named_rensa_and_empties_the_field(page):
    open_by_button(page)
    search(page, QUERY)
    clear = page.get_by_role("button", name="Rensa", exact=True)
    assert clear.inner_text().strip() == "Rensa"
    clear.click()
    field = page.get_by_role("searchbox", name="Sök")
    assert field.input_value() == ""
    assert field.evaluate("el => el === document.activeElement"), "Fokus ska tillbaka till sökfältet."
    assert page.locator(RESULTS).count() == 0
    assert status(page) == TOO_SHORT


def test_the_dialog_has_a_visible_accessible_name_and_is_modal(page):
    open_by_button(page)
    dialog = page.get_by_role("dialog", name="Sök i handboken")
    assert dialog.is_visible()
    assert dialog.evaluate("el => el.matches(':modal')"), "Dialogen är inte modal."
    assert page.get_by_role("heading", name="Sök i handboken").is_visible()
    assert page.get_by_role("status").count() == 1


@pytest.mark.parametrize("key", ["/", "s"])
def test_a_key_opens_the_dialog_with_focus_in_the_field(page, key):
    page.locator("body").press(key)
    page.wait_for_function(DIALOG_OPEN)
    field = page.get_by_role("searchbox", name="Sök")
    assert field.evaluate("el => el === document.activeElement"), "Fokus är inte i sökfältet."
    assert field.input_value() == "", f"Tangenten {key!r} skrevs in i sökfältet."


def test_the_keys_do_not_open_search_while_typing_elsewhere_or_with_a_modifier(browser, site_url, handbook):
    context, page, errors = open_context(browser)
    page.goto(f"{site_url}metoder/{handbook.methods[0].slug}/")
    checkbox = page.locator(".vl-checklist input[type=checkbox]").first
    checkbox.focus()
    for key in ("/", "s", "Control+s", "Alt+s"):
        page.keyboard.press(key)
    assert not page.evaluate(DIALOG_OPEN), "Sökningen öppnades fast fokus var i ett formulärfält."
    checkbox.evaluate("el => el.blur()")
    page.keyboard.press("Alt+s")
    assert not page.evaluate(DIALOG_OPEN), "Sökningen öppnades med en modifierartangent nedtryckt."
    context.close()
    assert errors == []


def test_arrow_keys_move_through_the_results_and_enter_follows_one(page, site_url):
    page.locator("body").press("/")
    answer = search(page, QUERY)
    assert len(answer["results"]) >= 2, "Behöver minst två träffar för att pröva piltangenterna."
    links = page.locator(f"{RESULTS} a")

    def focused_link() -> int | None:
        return page.evaluate(f"() => [...document.querySelectorAll('{RESULTS} a')].indexOf(document.activeElement)")

    page.keyboard.press("ArrowDown")
    assert focused_link() == 0
    page.keyboard.press("ArrowDown")
    assert focused_link() == 1
    page.keyboard.press("ArrowUp")
    assert focused_link() == 0
    # Focus is seen: the ring is drawn around the whole result.
    ring = links.first.evaluate("el => getComputedStyle(el, '::after').outlineStyle")
    assert ring != "none", "Fokus syns inte på träffen."
    page.keyboard.press("ArrowUp")
    assert page.get_by_role("searchbox", name="Sök").evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    href = links.first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url.rstrip("/") + href)
    assert urlparse(page.url).path == urlparse(href).path


@pytest.mark.parametrize("device", [DESKTOP, MOBILE], ids=["dator", "mobil"])
def test_escape_closes_the_dialog_and_focus_returns_to_the_opener(browser, site_url, device):
    context, page, errors = open_context(browser, device)
    page.goto(site_url)
    opener = page.get_by_role("button", name="Sök", exact=True)
    assert opener.is_visible()
    box = opener.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, f"Sökknappen är för liten att träffa: {box}"
    opener.click()
    page.wait_for_function(DIALOG_OPEN)
    assert page.get_by_role("searchbox", name="Sök").evaluate("el => el === document.activeElement")
    page.keyboard.type("möte")
    page.keyboard.press("Escape")
    assert not page.evaluate(DIALOG_OPEN), "Esc stängde inte dialogen."
    assert opener.evaluate("el => el === document.activeElement"), "Fokus kom inte tillbaka till sökknappen."
    context.close()
    assert errors == []


def test_the_close_button_closes_the_dialog(page):
    open_by_button(page)
    page.get_by_role("button", name="Stäng").click()
    assert not page.evaluate(DIALOG_OPEN)
    assert page.locator(OPENER).evaluate("el => el === document.activeElement")


def test_focus_stays_inside_the_dialog(page):
    page.locator("body").press("/")
    search(page, QUERY)
    count = page.evaluate(f"() => document.querySelectorAll('{DIALOG} a, {DIALOG} button, {DIALOG} input').length")
    for key in ["Tab"] * (count + 2) + ["Shift+Tab"] * (count + 2):
        page.keyboard.press(key)
        inside = page.evaluate(f"() => document.querySelector('{DIALOG}').contains(document.activeElement)")
        assert inside, f"Fokus lämnade dialogen efter {key}."


def test_tab_goes_from_the_field_to_rensa_and_on_to_the_results(page):
    page.locator("body").press("/")
    search(page, QUERY)
    order = []
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.activeElement.textContent.trim()"))
    first_title = page.locator(f"{RESULTS} a").first.inner_text().strip()
    second_title = page.locator(f"{RESULTS} a").nth(1).inner_text().strip()
    assert order == ["Rensa", first_title, second_title]


def test_only_the_latest_query_is_shown_and_typing_is_debounced(browser, site_url):
    context, page, errors = open_context(browser)
    # The page's clock stands still while the letters are typed, however slowly a busy machine
    # types them, and moves only when the test says so.
    page.clock.install()
    page.goto(site_url)
    open_by_button(page)
    # install() alone lets the fake clock follow the real one; from here it moves only by run_for.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    # The core answers "mötesplatser" slowly; a later query answered quickly must win.
    page.evaluate("""() => {
      const core = window.verktygsladanSearch, search = core.search;
      window.__vlCalls = [];
      core.search = query => {
        window.__vlCalls.push(query);
        return search(query).then(found => query === 'mötesplatser'
          ? new Promise(done => setTimeout(() => done(found), 1500)) : found);
      };
    }""")
    field = page.get_by_role("searchbox", name="Sök")
    field.press_sequentially(QUERY)
    assert page.evaluate("window.__vlCalls") == [], "Det söktes medan frågan skrevs."
    page.clock.run_for(DEBOUNCE_WAIT_MS)
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent.trim() === 'Söker …'")
    assert page.evaluate("window.__vlCalls") == [QUERY], "Varje bokstav gav en egen sökning."
    field.fill(NO_HITS)
    page.clock.run_for(DEBOUNCE_WAIT_MS)
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent.includes('Inga träffar')")
    # The slow answer to the older query arrives now.
    page.clock.run_for(1800)
    page.wait_for_timeout(100)
    assert status(page) == f"Inga träffar för ”{NO_HITS}”", "Ett sent svar på en äldre sökning visades."
    assert page.locator(RESULTS).count() == 0
    context.close()
    assert errors == [], f"Skriptfel: {errors}"


SETTINGS = [("light", DESKTOP), ("dark", DESKTOP), ("light", MOBILE), ("dark", MOBILE)]


@pytest.mark.parametrize("with_results", [False, True], ids=["tom", "traffar"])
@pytest.mark.parametrize("scheme, device", SETTINGS, ids=["ljust-dator", "morkt-dator", "ljust-mobil", "morkt-mobil"])
def test_the_open_dialog_has_zero_axe_violations(browser, site_url, scheme, device, with_results):
    context, page, errors = open_context(browser, device, color_scheme=scheme)
    page.goto(site_url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
        "slate" if scheme == "dark" else "default")
    open_by_button(page)
    if with_results:
        search(page, QUERY)
        assert page.locator(f"{RESULTS} mark").count() > 0
    violations = axe_violations(page)
    context.close()
    assert violations == [], "axe, sökdialogen:\n" + "\n".join(violations)
    assert errors == []


def test_the_dialog_controls_are_large_enough_to_tap(browser, site_url):
    context, page, _ = open_context(browser, MOBILE)
    page.goto(site_url)
    open_by_button(page)
    search(page, QUERY)
    small = page.evaluate(f"""() => [...document.querySelectorAll('{DIALOG} button, {DIALOG} input, {RESULTS}')]
        .map(el => [el.textContent.trim().slice(0, 40) || el.outerHTML.slice(0, 60), el.getBoundingClientRect()])
        .filter(([, box]) => box.width < 24 || box.height < 24)
        .map(([name, box]) => `${{name}}: ${{Math.round(box.width)}}×${{Math.round(box.height)}}`)""")
    context.close()
    assert small == [], "För små att träffa med fingret:\n" + "\n".join(small)


def test_no_page_scrolls_sideways_at_320_px_with_the_dialog_open(browser, site_url, built_site):
    context, page, errors = open_context(browser, NARROWEST)
    wide = []
    for path in site_paths(built_site):
        page.goto(site_url + path)
        open_by_button(page)
        search(page, QUERY)
        sizes = page.evaluate(f"""() => {{
            const dialog = document.querySelector('{DIALOG}'), root = document.documentElement;
            return {{page: root.scrollWidth, view: root.clientWidth, dialog: dialog.scrollWidth,
                     dialogView: dialog.clientWidth}};
        }}""")
        if sizes["page"] > sizes["view"] or sizes["dialog"] > sizes["dialogView"]:
            wide.append(f"/{path}: {sizes}")
    context.close()
    assert wide == [], "Sidan rullar i sidled vid 320 px:\n" + "\n".join(wide)
    assert errors == []


def test_nothing_is_fetched_for_search_until_a_reader_searches_and_only_from_the_site(browser, site_url):
    context, page, errors = open_context(browser)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    open_by_button(page)
    page.wait_for_load_state("networkidle")
    early = [url for url in requests if SEARCH_REQUEST.search(urlparse(url).path)]
    assert early == [], f"Sökindexet hämtades innan någon sökte: {early}"

    search(page, QUERY)
    page.wait_for_load_state("networkidle")
    assert any(urlparse(url).path.startswith("/pagefind/") for url in requests), "Ingen sökning gick till Pagefind."
    own = urlparse(site_url).netloc
    foreign = [url for url in requests if urlparse(url).netloc != own and not url.startswith("data:")]
    cookies = context.cookies()
    context.close()
    assert foreign == [], "Anrop till andra än webbplatsen:\n" + "\n".join(foreign)
    assert cookies == [], f"Kakor sattes: {cookies}"
    assert errors == []


@pytest.mark.parametrize("device", [DESKTOP, MOBILE], ids=["dator", "mobil"])
def test_without_javascript_no_search_control_is_shown(browser, site_url, device):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False, **device)
    page = context.new_page()
    page.goto(site_url)
    controls = page.locator(f"{OPENER}, {DIALOG}, input[type=search]")
    assert controls.count() > 0, "Sökkontrollerna saknas i sidhuvudet."
    shown = [controls.nth(i).evaluate("el => el.outerHTML.slice(0, 80)") for i in range(controls.count())
             if controls.nth(i).is_visible()]
    named = page.get_by_role("button", name="Sök").count() + page.get_by_role("searchbox").count()
    context.close()
    assert shown == [], "Utan JavaScript syns en sökkontroll som inte gör något:\n" + "\n".join(shown)
    assert named == 0, "Utan JavaScript finns en sökkontroll för skärmläsare som inte gör något."
