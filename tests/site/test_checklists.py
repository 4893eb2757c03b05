"""Checklists on method pages: real checkboxes, progress, remembered ticks, keyboard and axe."""

from __future__ import annotations


import pytest

from site_helpers import content, page as built_page, text
from browser import axe_violations, browser, page, site_url  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.browser

STORAGE_PREFIX = "verktygsladan.checklista."


@pytest.fixture(scope="module")
def method(handbook):
    method = next((m for m in handbook.methods if m.checklists), None)
    assert method is not None, "Ingen metod har en checklista."
    return method


@pytest.fixture(scope="module")
def checklist(method):
    return method.checklists[0]


def item_label(handbook, item) -> str:
    level = handbook.vocabulary.name("checklist_levels", item.level) if item.level else None
    return f"{level}: {item.text}" if level else item.text


def fieldset_of(page, checklist):
    return page.locator(f"fieldset[data-vl-checklist='{checklist.id}']")


def progress(page, checklist) -> str:
    return fieldset_of(page, checklist).locator(".vl-checklist__progress").inner_text()


def stored(page, checklist):
    return page.evaluate("key => localStorage.getItem(key)", STORAGE_PREFIX + checklist.id)


def open_method(page, site_url, method) -> None:
    page.goto(f"{site_url}metoder/{method.slug}/")
    page.locator(".vl-checklist__status").first.wait_for()


def tab_until(page, condition: str, *, backwards: bool = False, limit: int = 400) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches a JavaScript condition on `el`."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({condition}); }})()"):
            return
    pytest.fail(f"Tabbtangenten nådde aldrig ett element där {condition}.")


def test_every_checklist_is_labelled_checkboxes_in_a_fieldset(built_site, handbook):
    for method in handbook.methods:
        article = content(built_page(built_site, f"metoder/{method.slug}/"))
        ids = [element["id"] for element in article.select("[id]")]
        assert len(ids) == len(set(ids)), f"{method.slug}: samma id flera gånger"
        for checklist in method.checklists:
            heading = article.select_one(f"h3#checklista-{checklist.id}")
            assert heading is not None and text(heading) == f"Checklista: {checklist.title}"
            fieldset = article.select_one(f"fieldset.vl-checklist[data-vl-checklist='{checklist.id}']")
            assert text(fieldset.legend) == checklist.title
            boxes = fieldset.select("input[type='checkbox']")
            # Stable ids: from the checklist's id and the item's place, the same in every build.
            assert [box["id"] for box in boxes] == [f"vl-punkt-{checklist.id}-{n}"
                                                    for n in range(1, len(checklist.items) + 1)]
            for box, item in zip(boxes, checklist.items):
                label = fieldset.select_one(f"label[for='{box['id']}']")
                assert text(label) == item_label(handbook, item)
            # The progress and "Rensa" need JavaScript, so the page itself has neither.
            assert fieldset.select("button, [aria-live]") == []


def test_ticking_items_updates_the_progress_politely(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    total = len(checklist.items)
    status = fieldset.locator(".vl-checklist__progress")
    assert status.get_attribute("aria-live") == "polite"
    assert progress(page, checklist) == f"0 av {total} klara"
    fieldset.locator("label").nth(0).click()
    assert progress(page, checklist) == f"1 av {total} klara"
    fieldset.locator("input[type='checkbox']").nth(total - 1).check()
    assert progress(page, checklist) == f"2 av {total} klara"
    fieldset.locator("label").nth(0).click()
    assert progress(page, checklist) == f"1 av {total} klara"


def test_ticks_survive_a_reload_and_rensa_clears_them_and_the_storage(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    boxes = fieldset.locator("input[type='checkbox']")
    total = len(checklist.items)
    ticked = sorted({0, total // 2, total - 1})
    for index in ticked:
        boxes.nth(index).check()
    assert stored(page, checklist) is not None

    page.reload()
    page.locator(".vl-checklist__status").first.wait_for()
    assert [i for i in range(total) if boxes.nth(i).is_checked()] == ticked
    assert progress(page, checklist) == f"{len(ticked)} av {total} klara"

    fieldset.get_by_role("button", name="Rensa").click()
    assert not any(boxes.nth(i).is_checked() for i in range(total))
    assert progress(page, checklist) == f"0 av {total} klara"
    assert stored(page, checklist) is None

    page.reload()
    page.locator(".vl-checklist__status").first.wait_for()
    assert not any(boxes.nth(i).is_checked() for i in range(total))


def test_checklist_works_by_keyboard_alone(page, site_url, method, checklist):
    open_method(page, site_url, method)
    total = len(checklist.items)
    first, second = (f"vl-punkt-{checklist.id}-{n}" for n in (1, 2))
    boxes = fieldset_of(page, checklist).locator("input[type='checkbox']")
    is_reset = f"el.matches(\"fieldset[data-vl-checklist='{checklist.id}'] button.vl-checklist__reset\")"

    tab_until(page, f"el.id === '{first}'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "Fokus syns inte."
    page.keyboard.press("Space")
    assert boxes.nth(0).is_checked()
    assert progress(page, checklist) == f"1 av {total} klara"
    tab_until(page, f"el.id === '{second}'")
    page.keyboard.press("Space")
    assert progress(page, checklist) == f"2 av {total} klara"

    tab_until(page, is_reset)
    assert page.evaluate("document.activeElement.type") == "button"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "Fokus syns inte."
    page.keyboard.press("Enter")
    assert progress(page, checklist) == f"0 av {total} klara"
    assert stored(page, checklist) is None

    tab_until(page, "el.type === 'checkbox'", backwards=True)
    page.keyboard.press("Space")
    assert progress(page, checklist) == f"1 av {total} klara"
    tab_until(page, is_reset)
    page.keyboard.press("Space")
    assert progress(page, checklist) == f"0 av {total} klara"


def test_without_javascript_the_boxes_work_and_no_dead_controls_show(browser, site_url, method, checklist):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}metoder/{method.slug}/")
        fieldset = fieldset_of(page, checklist)
        assert fieldset.locator("input[type='checkbox']").count() == len(checklist.items)
        fieldset.locator("label").nth(0).click()
        assert fieldset.locator("input[type='checkbox']").nth(0).is_checked()
        assert fieldset.get_by_role("button").count() == 0
        assert fieldset.locator("[aria-live]").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("scheme, material_scheme", [("light", "default"), ("dark", "slate")])
def test_method_page_with_a_used_checklist_has_no_axe_violations(browser, site_url, method, checklist,
                                                                  scheme, material_scheme):
    context = browser.new_context(locale="sv-SE", color_scheme=scheme)
    page = context.new_page()
    try:
        open_method(page, site_url, method)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == material_scheme
        fieldset_of(page, checklist).locator("input[type='checkbox']").nth(0).check()
        # Focus on the button, so that its focus style is what axe sees.
        fieldset_of(page, checklist).get_by_role("button", name="Rensa").focus()
        violations = axe_violations(page)
        assert violations == [], "\n".join(violations)
    finally:
        context.close()
