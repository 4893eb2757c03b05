"""Checklists on method pages: real checkboxes, progress, named plans, clearing after a question,
ticked rows that stand out, the Excel export with the ticks filled in, keyboard and axe."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import zipfile

import openpyxl
import pytest

from site_helpers import content, page as built_page, text
from browser import DESKTOP, MOBILE, axe_violations, browser, page, site_url  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.browser

STORAGE_PREFIX = "verktygsladan.checklista."
PLANS_SUFFIX = ".planer"
FIRST_PLAN = "Min lista"
EXPORT_BUTTON = "Ladda ned som Excel med bockarna ifyllda"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Words of the checklist's Excel file (verktygsladan/downloads/xlsx_writer.py).
STATUS, ITEM, NUMBER, DONE = "Status", "Punkt", "Nr", "Klar"


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


def box(page, checklist, number: int):
    """The box of the checklist's item number `number` (from 1), wherever a phase group put it."""
    return page.locator(f"#vl-punkt-{checklist.id}-{number}")


def progress(page, checklist) -> str:
    return fieldset_of(page, checklist).locator(".vl-checklist__progress").inner_text()


def stored(page, key: str):
    return page.evaluate("key => localStorage.getItem(key)", key)


def stored_plans(page, checklist) -> dict | None:
    value = stored(page, STORAGE_PREFIX + checklist.id + PLANS_SUFFIX)
    return json.loads(value) if value is not None else None


def ticked_numbers(page, checklist) -> list[int]:
    return [n for n in range(1, len(checklist.items) + 1) if box(page, checklist, n).is_checked()]


def chooser(page, checklist):
    return fieldset_of(page, checklist).get_by_label("Plan eller projekt", exact=True)


def plan_names(page, checklist) -> list[str]:
    return chooser(page, checklist).evaluate("select => [...select.options].map(option => option.text)")


def chosen_plan(page, checklist) -> str:
    return chooser(page, checklist).evaluate("select => select.selectedOptions[0].text")


def some_numbers(checklist) -> list[int]:
    """Item numbers spread over the list: the first, one in the middle and the last."""
    total = len(checklist.items)
    return sorted({1, total // 2 + 1, total})


def tick_some(page, checklist) -> list[int]:
    """Tick the items of some_numbers and return their numbers."""
    ticked = some_numbers(checklist)
    for number in ticked:
        box(page, checklist, number).check()
    return ticked


def open_method(page, site_url, method) -> None:
    page.goto(f"{site_url}metoder/{method.slug}/")
    page.locator(".vl-checklist__status").first.wait_for()


def reload(page) -> None:
    page.reload()
    page.locator(".vl-checklist__status").first.wait_for()


def name_plan(page, checklist, button: str, name: str) -> None:
    """Open "Ny plan" or "Byt namn", write the name and save it."""
    fieldset = fieldset_of(page, checklist)
    fieldset.get_by_role("button", name=button, exact=True).click()
    field = fieldset.get_by_role("textbox")
    field.fill(name)
    field.press("Enter")
    assert fieldset.get_by_role("textbox").count() == 0


def tab_until(page, condition: str, *, backwards: bool = False, limit: int = 400) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches a JavaScript condition on `el`."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({condition}); }})()"):
            return
    pytest.fail(f"Tabbtangenten nådde aldrig ett element där {condition}.")


def focused(page) -> dict:
    return page.evaluate("""() => { const el = document.activeElement;
        return {tag: el.tagName, text: el.textContent.trim(), id: el.id,
                outline: getComputedStyle(el).outlineStyle}; }""")


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
            # Plans, progress, "Rensa" and the export need JavaScript, so the page itself has none of them.
            assert fieldset.select("button, select, input:not([type='checkbox']), [aria-live], [role]") == []


def test_ticking_items_updates_the_progress_politely(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    total = len(checklist.items)
    status = fieldset.locator(".vl-checklist__progress")
    assert status.get_attribute("aria-live") == "polite"
    assert progress(page, checklist) == f"0 av {total} klara"
    fieldset.locator(f"label[for='vl-punkt-{checklist.id}-1']").click()
    assert progress(page, checklist) == f"1 av {total} klara"
    box(page, checklist, total).check()
    assert progress(page, checklist) == f"2 av {total} klara"
    fieldset.locator(f"label[for='vl-punkt-{checklist.id}-1']").click()
    assert progress(page, checklist) == f"1 av {total} klara"


def test_ticks_survive_a_reload_and_rensa_clears_them_and_the_storage(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    total = len(checklist.items)
    ticked = tick_some(page, checklist)
    saved = stored_plans(page, checklist)
    assert [plan["name"] for plan in saved["plans"]] == [FIRST_PLAN]
    assert sorted(saved["plans"][0]["checked"]) == sorted(f"vl-punkt-{checklist.id}-{n}" for n in ticked)

    reload(page)
    assert ticked_numbers(page, checklist) == ticked
    assert progress(page, checklist) == f"{len(ticked)} av {total} klara"

    fieldset.get_by_role("button", name="Rensa", exact=True).click()
    fieldset.get_by_role("button", name="Ja, rensa").click()
    assert ticked_numbers(page, checklist) == []
    assert progress(page, checklist) == f"0 av {total} klara"
    # An empty "Min lista" is the default: nothing is left behind in the browser.
    assert stored_plans(page, checklist) is None

    reload(page)
    assert ticked_numbers(page, checklist) == []


def test_two_named_plans_keep_separate_state_across_reloads(page, site_url, method, checklist):
    open_method(page, site_url, method)
    total = len(checklist.items)
    north, south = [1, total], [total // 2 + 1]
    assert plan_names(page, checklist) == [FIRST_PLAN]

    name_plan(page, checklist, "Byt namn", "Dp Norra centrum")
    for number in north:
        box(page, checklist, number).check()
    name_plan(page, checklist, "Ny plan", "Dp Södra hamnen")
    assert chosen_plan(page, checklist) == "Dp Södra hamnen"
    # A new plan starts empty; the other plan's ticks are not carried over.
    assert ticked_numbers(page, checklist) == []
    assert progress(page, checklist) == f"0 av {total} klara"
    for number in south:
        box(page, checklist, number).check()

    reload(page)
    assert plan_names(page, checklist) == ["Dp Norra centrum", "Dp Södra hamnen"]
    # The plan used last is the one shown after a reload.
    assert chosen_plan(page, checklist) == "Dp Södra hamnen"
    assert ticked_numbers(page, checklist) == south
    chooser(page, checklist).select_option(label="Dp Norra centrum")
    assert ticked_numbers(page, checklist) == north
    assert progress(page, checklist) == f"{len(north)} av {total} klara"

    reload(page)
    assert chosen_plan(page, checklist) == "Dp Norra centrum"
    assert ticked_numbers(page, checklist) == north
    chooser(page, checklist).select_option(label="Dp Södra hamnen")
    assert ticked_numbers(page, checklist) == south

    saved = {plan["name"]: sorted(plan["checked"]) for plan in stored_plans(page, checklist)["plans"]}
    assert saved == {"Dp Norra centrum": [f"vl-punkt-{checklist.id}-{n}" for n in sorted(north)],
                     "Dp Södra hamnen": [f"vl-punkt-{checklist.id}-{n}" for n in south]}
    # Only this browser's storage: no cookie holds any of it.
    assert page.context.cookies() == []


def test_a_plan_name_must_be_given_and_unique(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    name_plan(page, checklist, "Byt namn", "Dp Norra centrum")
    fieldset.get_by_role("button", name="Ny plan").click()
    field = fieldset.get_by_role("textbox", name="Namn på den nya planen eller projektet")
    for name, error in (("   ", "Skriv ett namn"), ("dp norra CENTRUM", "Det finns redan en plan")):
        field.fill(name)
        field.press("Enter")
        alert = fieldset.get_by_role("alert")
        assert error in alert.inner_text()
        assert field.get_attribute("aria-invalid") == "true"
        # The message is part of the field's description, so it is heard on the field too.
        assert alert.get_attribute("id") in field.get_attribute("aria-describedby").split()
        assert focused(page)["id"] == field.get_attribute("id")
    assert plan_names(page, checklist) == ["Dp Norra centrum"]
    fieldset.get_by_role("button", name="Avbryt").click()
    assert fieldset.get_by_role("textbox").count() == 0
    assert focused(page)["text"] == "Ny plan"


def test_clearing_asks_first_and_avbryt_keeps_the_ticks(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    total = len(checklist.items)
    ticked = tick_some(page, checklist)
    before = stored_plans(page, checklist)

    fieldset.get_by_role("button", name="Rensa", exact=True).click()
    question = fieldset.get_by_role("group", name=re.compile("Ta bort alla"))
    assert question.is_visible()
    assert f"{len(ticked)} bockar" in question.inner_text() and FIRST_PLAN in question.inner_text()
    # Focus moves to the question, so that a screen reader reads it out.
    assert focused(page)["text"] == question.locator("p").inner_text()
    # Nothing is cleared by asking.
    assert ticked_numbers(page, checklist) == ticked
    assert fieldset.get_by_role("button", name="Rensa", exact=True).count() == 0

    question.get_by_role("button", name="Avbryt").click()
    assert question.count() == 0
    assert ticked_numbers(page, checklist) == ticked
    assert progress(page, checklist) == f"{len(ticked)} av {total} klara"
    assert stored_plans(page, checklist) == before
    assert focused(page)["text"] == "Rensa"

    # Escape answers "Avbryt" too.
    fieldset.get_by_role("button", name="Rensa", exact=True).click()
    page.keyboard.press("Escape")
    assert fieldset.get_by_role("button", name="Ja, rensa").count() == 0
    assert ticked_numbers(page, checklist) == ticked

    fieldset.get_by_role("button", name="Rensa", exact=True).click()
    fieldset.get_by_role("button", name="Ja, rensa").click()
    assert ticked_numbers(page, checklist) == []
    assert progress(page, checklist) == f"0 av {total} klara"
    assert focused(page)["text"] == "Rensa"


def test_deleting_a_plan_asks_first_and_leaves_the_other_plans(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    total = len(checklist.items)
    name_plan(page, checklist, "Byt namn", "Dp Norra centrum")
    box(page, checklist, 1).check()
    name_plan(page, checklist, "Ny plan", "Dp Södra hamnen")
    box(page, checklist, total).check()

    fieldset.get_by_role("button", name="Ta bort plan").click()
    question = fieldset.get_by_role("group", name=re.compile("Ta bort planen"))
    assert "Dp Södra hamnen" in question.inner_text()
    assert focused(page)["text"] == question.locator("p").inner_text()
    question.get_by_role("button", name="Avbryt").click()
    assert plan_names(page, checklist) == ["Dp Norra centrum", "Dp Södra hamnen"]
    assert ticked_numbers(page, checklist) == [total]
    assert focused(page)["text"] == "Ta bort plan"

    fieldset.get_by_role("button", name="Ta bort plan").click()
    fieldset.get_by_role("button", name="Ja, ta bort").click()
    assert plan_names(page, checklist) == ["Dp Norra centrum"]
    assert ticked_numbers(page, checklist) == [1]
    assert "Dp Södra hamnen" not in json.dumps(stored_plans(page, checklist), ensure_ascii=False)
    reload(page)
    assert plan_names(page, checklist) == ["Dp Norra centrum"]
    assert ticked_numbers(page, checklist) == [1]

    # Deleting the last plan leaves an empty list to start again with.
    fieldset.get_by_role("button", name="Ta bort plan").click()
    fieldset.get_by_role("button", name="Ja, ta bort").click()
    assert plan_names(page, checklist) == [FIRST_PLAN]
    assert ticked_numbers(page, checklist) == []
    assert stored_plans(page, checklist) is None


def test_a_list_saved_before_plans_becomes_a_plan(page, site_url, method, checklist):
    old_key = STORAGE_PREFIX + checklist.id
    ticked = some_numbers(checklist)
    open_method(page, site_url, method)
    page.evaluate("([key, ids]) => localStorage.setItem(key, JSON.stringify(ids))",
                  [old_key, [f"vl-punkt-{checklist.id}-{n}" for n in ticked]])
    reload(page)
    assert plan_names(page, checklist) == [FIRST_PLAN]
    assert ticked_numbers(page, checklist) == ticked
    assert stored(page, old_key) is None
    assert stored_plans(page, checklist)["plans"][0]["checked"] == [f"vl-punkt-{checklist.id}-{n}" for n in ticked]

    # An old list found next to plans (an old page open in another tab) is kept as a plan of its own.
    name_plan(page, checklist, "Byt namn", "Dp Norra centrum")
    page.evaluate("([key, ids]) => localStorage.setItem(key, JSON.stringify(ids))",
                  [old_key, [f"vl-punkt-{checklist.id}-1"]])
    reload(page)
    assert plan_names(page, checklist) == ["Dp Norra centrum", FIRST_PLAN]
    assert ticked_numbers(page, checklist) == ticked
    chooser(page, checklist).select_option(label=FIRST_PLAN)
    assert ticked_numbers(page, checklist) == [1]
    assert stored(page, old_key) is None


def test_without_storage_the_checklist_works_without_errors(browser, site_url, method, checklist):
    context = browser.new_context(locale="sv-SE")
    # As in a browser where the reader has blocked storage for sites.
    context.add_init_script("Object.defineProperty(window, 'localStorage', "
                            "{get() { throw new DOMException('Åtkomst nekad', 'SecurityError'); }});")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        open_method(page, site_url, method)
        fieldset = fieldset_of(page, checklist)
        assert "sparar inte" in fieldset.locator(".vl-checklist__hint").first.inner_text()
        box(page, checklist, 1).check()
        assert progress(page, checklist) == f"1 av {len(checklist.items)} klara"
        name_plan(page, checklist, "Ny plan", "Dp Norra centrum")
        assert plan_names(page, checklist) == [FIRST_PLAN, "Dp Norra centrum"]
        assert ticked_numbers(page, checklist) == []
        chooser(page, checklist).select_option(label=FIRST_PLAN)
        assert ticked_numbers(page, checklist) == [1]
        assert errors == []
    finally:
        context.close()


def test_the_same_checklist_in_another_tab_follows_along(page, site_url, method, checklist):
    open_method(page, site_url, method)
    other = page.context.new_page()
    open_method(other, site_url, method)
    box(page, checklist, 1).check()
    other.wait_for_function(f"document.getElementById('vl-punkt-{checklist.id}-1').checked")
    name_plan(page, checklist, "Ny plan", "Dp Norra centrum")
    other.wait_for_function("names => [...document.querySelectorAll('select')].some(s => "
                            "[...s.options].some(o => o.text === names))", arg="Dp Norra centrum")
    # The other tab stays on its own plan, with its own ticks.
    assert chosen_plan(other, checklist) == FIRST_PLAN
    assert ticked_numbers(other, checklist) == [1]


def test_ticked_rows_differ_in_more_than_colour(browser, site_url, method, checklist):
    for scheme in ("light", "dark"):
        context = browser.new_context(locale="sv-SE", color_scheme=scheme)
        page = context.new_page()
        try:
            open_method(page, site_url, method)
            box(page, checklist, 1).check()
            rows = [box(page, checklist, n).locator("xpath=..") for n in (1, 2)]
            ticked, unticked = (row.evaluate("""li => {
                const label = li.querySelector('label');
                const style = getComputedStyle(li), after = getComputedStyle(li, '::after');
                return {marker: after.content, line: getComputedStyle(label).textDecorationLine,
                        border: style.borderLeftColor, background: style.backgroundColor,
                        text: getComputedStyle(label).color, badge: after.color,
                        page: getComputedStyle(document.body).backgroundColor};
            }""") for row in rows)
            # In words: a visible "Klar" beside the item, and a line through its text.
            assert "Klar" in ticked["marker"] and "Klar" not in unticked["marker"], scheme
            assert ticked["line"] == "line-through" and unticked["line"] == "none", scheme
            # And a bar at its side and a background, besides.
            assert ticked["border"] != unticked["border"] and ticked["background"] != unticked["background"], scheme
            # The text and the marker stay readable on the ticked row's background (WCAG 1.4.3, AA).
            for colour in (ticked["text"], ticked["badge"]):
                ratio = contrast(colour, ticked["background"], ticked["page"])
                assert ratio >= 4.5, f"{scheme}: kontrast {ratio:.2f} för {colour} på {ticked['background']}"
        finally:
            context.close()


def test_export_fills_in_klar_for_the_ticked_items_and_opens_in_libreoffice(page, site_url, method, checklist,
                                                                           tmp_path):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    name_plan(page, checklist, "Byt namn", "Dp Norra centrum/Etapp 2")
    ticked = tick_some(page, checklist)
    with page.expect_download() as download_info:
        fieldset.get_by_role("button", name=EXPORT_BUTTON).click()
    download = download_info.value
    # The checklist's id and a form of the plan's name that every file system keeps.
    assert download.suggested_filename == f"{checklist.id}-dp-norra-centrum-etapp-2.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    message = fieldset.locator(".vl-checklist__message").last
    message.filter(has_text="nedladdad").wait_for()
    assert f"{len(ticked)} punkter som Klar" in message.inner_text()

    expected = {item.text: number in ticked for number, item in enumerate(checklist.items, start=1)}
    workbook = openpyxl.load_workbook(path)
    rows = [[cell for cell in row] for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    assert status_by_item(rows) == expected
    assert any("Dp Norra centrum/Etapp 2" in str(value) for row in rows for value in row if value)

    # LibreOffice opens the file as Excel and reads the same statuses.
    converted = libreoffice_csv(path, tmp_path)
    assert status_by_item(converted) == expected
    assert any("Dp Norra centrum/Etapp 2" in value for row in converted for value in row)


def test_export_keeps_the_file_whole(page, site_url, method, checklist, tmp_path):
    """Every part of the file the site offers is in the export, unchanged except the sheet."""
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    box(page, checklist, 1).check()
    original = page.request.get(excel_link(page, fieldset)).body()
    with page.expect_download() as download_info:
        fieldset.get_by_role("button", name=EXPORT_BUTTON).click()
    exported = download_info.value.path().read_bytes()
    before, after = zipfile.ZipFile(io.BytesIO(original)), zipfile.ZipFile(io.BytesIO(exported))
    assert after.testzip() is None
    assert after.namelist() == before.namelist()
    changed = [name for name in before.namelist() if before.read(name) != after.read(name)]
    assert len(changed) == 1 and changed[0].startswith("xl/worksheets/"), changed


def test_export_finds_the_columns_by_their_headers_in_a_file_saved_by_libreoffice(page, site_url, method, checklist,
                                                                                  tmp_path):
    """A file with another column first and shared strings (as LibreOffice saves it) is filled in just as well."""
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    original_url = excel_link(page, fieldset)
    source = tmp_path / "original.xlsx"
    source.write_bytes(page.request.get(original_url).body())
    workbook = openpyxl.load_workbook(source)
    sheet = next(sheet for sheet in workbook.worksheets
                 if any(cell.value == STATUS for row in sheet.iter_rows() for cell in row))
    header = next(row[0].row for row in sheet.iter_rows() if any(cell.value == STATUS for cell in row))
    sheet.insert_cols(1)
    sheet.cell(header, 1).value = "Skede"
    for row in range(header + 1, header + 1 + len(checklist.items)):
        sheet.cell(row, 1).value = "Planuppdrag"
    workbook.save(tmp_path / "med-skede.xlsx")
    resaved = libreoffice_convert(tmp_path / "med-skede.xlsx", tmp_path, "xlsx:Calc MS Excel 2007 XML")
    with zipfile.ZipFile(resaved) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    page.route(original_url, lambda route: route.fulfill(body=resaved.read_bytes(), content_type=XLSX_TYPE))

    ticked = tick_some(page, checklist)
    with page.expect_download() as download_info:
        fieldset.get_by_role("button", name=EXPORT_BUTTON).click()
    download_info.value.save_as(tmp_path / "ifylld.xlsx")
    exported = openpyxl.load_workbook(tmp_path / "ifylld.xlsx")
    rows = [list(row) for sheet in exported.worksheets for row in sheet.iter_rows(values_only=True)]
    expected = {item.text: number in ticked for number, item in enumerate(checklist.items, start=1)}
    assert status_by_item(rows) == expected
    # The column added in front is still there, untouched.
    assert all(row[0] == "Planuppdrag" for row in rows if row[1] is not None and str(row[1]).isdigit())


def test_export_that_fails_says_so_and_saves_nothing(page, site_url, method, checklist):
    open_method(page, site_url, method)
    fieldset = fieldset_of(page, checklist)
    page.route(excel_link(page, fieldset), lambda route: route.fulfill(status=404, body="Finns inte"))
    errors, downloads = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("download", lambda download: downloads.append(download))
    box(page, checklist, 1).check()
    fieldset.get_by_role("button", name=EXPORT_BUTTON).click()
    message = fieldset.get_by_role("status").filter(has_text="Det gick inte")
    message.wait_for()
    assert "tomma Excel-filen" in message.inner_text()
    assert downloads == [] and errors == []
    assert fieldset.get_by_role("button", name=EXPORT_BUTTON).get_attribute("aria-disabled") is None


def excel_link(page, fieldset) -> str:
    """The address of the Excel download the page links to for this checklist."""
    url = page.evaluate("""path => [...document.querySelectorAll('a[href]')].map(a => a.href)
        .find(href => decodeURI(new URL(href).pathname).endsWith('/' + path))""",
                        fieldset.get_attribute("data-vl-excel"))
    assert url, "Sidan länkar inte till checklistans Excel-fil."
    return url


def status_by_item(rows: list[list]) -> dict[str, bool]:
    """Item text → whether its Status is "Klar", from the rows under the header that has "Status" and "Punkt"."""
    for index, row in enumerate(rows):
        headers = [str(value).strip() if value is not None else "" for value in row]
        if STATUS in headers and ITEM in headers:
            status, item = headers.index(STATUS), headers.index(ITEM)
            return {str(below[item]): below[status] == DONE for below in rows[index + 1:]
                    if len(below) > item and below[item] not in (None, "")}
    pytest.fail("Ingen rubrikrad med Status och Punkt i filen.")


def libreoffice_csv(path, tmp_path) -> list[list[str]]:
    """The checklist sheet as LibreOffice reads it, saved as UTF-8 CSV."""
    result = libreoffice_convert(path, tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76")
    return list(csv.reader(io.StringIO(result.read_text(encoding="utf-8"))))


def libreoffice_convert(path, tmp_path, target: str):
    """The file opened by LibreOffice as Excel and saved in the `target` format; returns the new file."""
    out = tmp_path / f"libreoffice-{target.split(':')[0]}"
    # A fresh profile: one left locked by another soffice would make this one wait or fail.
    completed = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profil", "--headless", "--norestore",
         "--infilter=Calc MS Excel 2007 XML", "--convert-to", target, "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=180)
    result = out / f"{path.stem}.{target.split(':')[0]}"
    # soffice exits with 0 even when it could not open the file, so the result must exist.
    assert result.is_file(), f"LibreOffice kunde inte öppna {path.name}:\n{completed.stderr}"
    return result


def contrast(foreground: str, background: str, page_background: str) -> float:
    """WCAG contrast ratio; translucent colours are laid over what is behind them."""
    def channels(css: str) -> list[float]:
        values = [float(v) for v in re.findall(r"[\d.]+", css)]
        return values + [1.0] * (4 - len(values))

    def over(top: list[float], bottom: list[float]) -> list[float]:
        alpha = top[3]
        return [top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3)] + [1.0]

    def luminance(rgb: list[float]) -> float:
        linear = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    behind = over(channels(background), channels(page_background))
    front = over(channels(foreground), behind)
    lighter, darker = sorted((luminance(front), luminance(behind)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_checklist_works_by_keyboard_alone(page, site_url, method, checklist):
    open_method(page, site_url, method)
    total = len(checklist.items)
    first, second = (f"vl-punkt-{checklist.id}-{n}" for n in (1, 2))
    in_checklist = f"el.closest(\"fieldset[data-vl-checklist='{checklist.id}']\")"
    is_reset = f"el.matches(\"fieldset[data-vl-checklist='{checklist.id}'] button.vl-checklist__reset\")"

    tab_until(page, f"el.id === '{first}'")
    assert focused(page)["outline"] != "none", "Fokus syns inte."
    page.keyboard.press("Space")
    assert box(page, checklist, 1).is_checked()
    assert progress(page, checklist) == f"1 av {total} klara"
    tab_until(page, f"el.id === '{second}'")
    page.keyboard.press("Space")
    assert progress(page, checklist) == f"2 av {total} klara"

    tab_until(page, is_reset)
    assert page.evaluate("document.activeElement.type") == "button"
    assert focused(page)["outline"] != "none", "Fokus syns inte."
    page.keyboard.press("Enter")
    # The question first: Tab from it reaches "Ja, rensa".
    assert focused(page)["text"].startswith("Ta bort alla 2 bockar")
    tab_until(page, f"{in_checklist} && el.textContent === 'Ja, rensa'")
    assert focused(page)["outline"] != "none", "Fokus syns inte."
    page.keyboard.press("Enter")
    assert progress(page, checklist) == f"0 av {total} klara"
    assert stored_plans(page, checklist) is None

    tab_until(page, "el.type === 'checkbox'", backwards=True)
    page.keyboard.press("Space")
    assert progress(page, checklist) == f"1 av {total} klara"
    tab_until(page, is_reset)
    page.keyboard.press("Space")
    tab_until(page, f"{in_checklist} && el.textContent === 'Ja, rensa'")
    page.keyboard.press("Space")
    assert progress(page, checklist) == f"0 av {total} klara"


def test_plans_work_by_keyboard_alone(page, site_url, method, checklist):
    open_method(page, site_url, method)
    total = len(checklist.items)
    in_checklist = f"el.closest(\"fieldset[data-vl-checklist='{checklist.id}']\")"
    is_chooser = f"{in_checklist} && el.tagName === 'SELECT'"

    # Name the first plan.
    tab_until(page, f"{in_checklist} && el.textContent === 'Byt namn'")
    assert focused(page)["outline"] != "none", "Fokus syns inte."
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "INPUT"
    page.keyboard.press("Control+A")
    page.keyboard.type("Dp Norra centrum")
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "SELECT"
    assert chosen_plan(page, checklist) == "Dp Norra centrum"
    tab_until(page, f"el.id === 'vl-punkt-{checklist.id}-1'")
    page.keyboard.press("Space")

    # A second plan, and a tick in it.
    tab_until(page, f"{in_checklist} && el.textContent === 'Ny plan'", backwards=True)
    page.keyboard.press("Enter")
    page.keyboard.type("Dp Södra hamnen")
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "SELECT"
    assert focused(page)["outline"] != "none", "Fokus syns inte."
    assert chosen_plan(page, checklist) == "Dp Södra hamnen"
    tab_until(page, f"el.id === 'vl-punkt-{checklist.id}-{total}'")
    page.keyboard.press("Space")
    assert ticked_numbers(page, checklist) == [total]

    # Arrow keys in the chooser switch plans, and the ticks with them.
    tab_until(page, is_chooser, backwards=True)
    page.keyboard.press("ArrowUp")
    assert chosen_plan(page, checklist) == "Dp Norra centrum"
    assert ticked_numbers(page, checklist) == [1]
    page.keyboard.press("ArrowDown")
    assert chosen_plan(page, checklist) == "Dp Södra hamnen"
    assert ticked_numbers(page, checklist) == [total]

    # Escape leaves the name form without a change.
    tab_until(page, f"{in_checklist} && el.textContent === 'Byt namn'")
    page.keyboard.press("Enter")
    page.keyboard.type("Inte detta namn")
    page.keyboard.press("Escape")
    assert focused(page)["text"] == "Byt namn"
    assert plan_names(page, checklist) == ["Dp Norra centrum", "Dp Södra hamnen"]

    # Delete the chosen plan: the question, then "Ja, ta bort".
    tab_until(page, f"{in_checklist} && el.textContent === 'Ta bort plan'")
    page.keyboard.press("Enter")
    assert "Dp Södra hamnen" in focused(page)["text"]
    tab_until(page, f"{in_checklist} && el.textContent === 'Ja, ta bort'")
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "SELECT"
    assert plan_names(page, checklist) == ["Dp Norra centrum"]
    assert ticked_numbers(page, checklist) == [1]


def test_without_javascript_the_boxes_work_and_no_dead_controls_show(browser, site_url, method, checklist):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}metoder/{method.slug}/")
        fieldset = fieldset_of(page, checklist)
        assert fieldset.locator("input[type='checkbox']").count() == len(checklist.items)
        fieldset.locator(f"label[for='vl-punkt-{checklist.id}-1']").click()
        assert box(page, checklist, 1).is_checked()
        assert fieldset.get_by_role("button").count() == 0
        assert fieldset.get_by_role("combobox").count() == 0
        assert fieldset.get_by_role("textbox").count() == 0
        assert fieldset.locator("[aria-live]").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_checklist_with_its_questions_open_fits_a_narrow_screen(browser, site_url, method, checklist, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 700})
    page = context.new_page()
    try:
        open_method(page, site_url, method)
        fieldset = fieldset_of(page, checklist)
        name_plan(page, checklist, "Byt namn", "Detaljplan för Norra centrum, etapp 2, kvarteret Långgatan")
        for number in some_numbers(checklist):
            box(page, checklist, number).check()
        assert_fits(page, fieldset, width)
        # The name form with its error message.
        fieldset.get_by_role("button", name="Ny plan").click()
        fieldset.get_by_role("textbox").press("Enter")
        assert fieldset.get_by_role("alert").inner_text()
        assert_fits(page, fieldset, width)
        # The question before clearing.
        fieldset.get_by_role("button", name="Rensa", exact=True).click()
        assert fieldset.get_by_role("button", name="Ja, rensa").is_visible()
        assert_fits(page, fieldset, width)
    finally:
        context.close()


def assert_fits(page, fieldset, width: int) -> None:
    widths = page.evaluate("""() => ({page: document.documentElement.scrollWidth,
                                      window: document.documentElement.clientWidth})""")
    assert widths["page"] <= widths["window"], f"Sidan rullar i sidled vid {width} px: {widths}"
    overflowing = fieldset.evaluate("""fs => [...fs.querySelectorAll('*')]
        .filter(el => el.getClientRects().length
                      && el.getBoundingClientRect().right > fs.getBoundingClientRect().right + 1)
        .map(el => el.outerHTML.slice(0, 80))""")
    assert overflowing == [], f"Går utanför checklistan vid {width} px"


@pytest.mark.parametrize("scheme, material_scheme, device",
                         [("light", "default", DESKTOP), ("dark", "slate", DESKTOP), ("light", "default", MOBILE),
                          ("dark", "slate", MOBILE)], ids=["ljust-dator", "morkt-dator", "ljust-mobil", "morkt-mobil"])
def test_method_page_with_a_used_checklist_has_no_axe_violations(browser, site_url, method, checklist,
                                                                  scheme, material_scheme, device):
    context = browser.new_context(locale="sv-SE", color_scheme=scheme, **device)
    page = context.new_page()
    try:
        open_method(page, site_url, method)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == material_scheme
        fieldset = fieldset_of(page, checklist)
        box(page, checklist, 1).check()
        # Focus on a button, so that its focus style is what axe sees.
        fieldset.get_by_role("button", name="Rensa", exact=True).focus()
        violations = axe_violations(page)
        assert violations == [], "\n".join(violations)
        # The name form with its error message, and the question before clearing.
        fieldset.get_by_role("button", name="Ny plan").click()
        fieldset.get_by_role("textbox").press("Enter")
        fieldset.get_by_role("alert").filter(has_text="Skriv").wait_for()
        violations = axe_violations(page)
        assert violations == [], "\n".join(violations)
        fieldset.get_by_role("button", name="Rensa", exact=True).click()
        violations = axe_violations(page)
        assert violations == [], "\n".join(violations)
    finally:
        context.close()
