"""All files of a method, or of the toolbox, as one ZIP file that the reader's browser packs.

The site stores every download once; the ZIP buttons fetch the files the page
links to and pack them. These tests press the buttons in Chromium, open the
ZIP that arrives and compare each entry with the file on the site.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from browser import browser, site_url  # noqa: F401  (shared fixtures)
from site_helpers import page as soup_of
from verktygsladan.downloads.build import method_zip_name
from verktygsladan.site_layout import GENERATED_DIR, TOOLBOX_ZIP_NAME


@pytest.fixture
def reader(browser):
    context = browser.new_context(locale="sv-SE", accept_downloads=True)
    yield context.new_page()
    context.close()


def press(reader, button) -> tuple[str, zipfile.ZipFile]:
    with reader.expect_download() as arrived:
        button.click()
    download = arrived.value
    return download.suggested_filename, zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))


def assert_holds_the_files(archive: zipfile.ZipFile, site: Path, expected: dict[str, str]) -> None:
    """expected: entry name → the file's path on the site."""
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == sorted(expected) and len(set(archive.namelist())) == len(expected)
    for entry, path in expected.items():
        assert archive.read(entry) == (site / path).read_bytes(), entry


def test_a_method_page_packs_every_file_it_lists(reader, site_url, built_site, handbook):
    method = next(m for m in handbook.methods if len(m.documents()) > 1)
    reader.goto(f"{site_url}{GENERATED_DIR}/{method.slug}/")
    button = reader.get_by_role("button", name="som en ZIP-fil")
    assert button.is_visible()
    listed = [href for href in reader.eval_on_selector_all(
        "article a[href]", "links => links.map(a => new URL(a.href).pathname)")
        if href.startswith(f"/{GENERATED_DIR}/{method.slug}/") and href.rsplit(".", 1)[-1] in {"docx", "odt", "pdf",
                                                                                               "xlsx"}]
    name, archive = press(reader, button)
    assert name == method_zip_name(method)
    assert_holds_the_files(archive, built_site, {path.rsplit("/", 1)[1]: path.lstrip("/")
                                                 for path in dict.fromkeys(listed)})
    assert {info.date_time[:3] for info in archive.infolist()} == {tuple(int(p) for p in
                                                                          button.get_attribute("data-vl-zip-date").split("-"))}
    assert "Klart" in reader.locator(".vl-zip__status").first.inner_text()


def test_the_toolbox_zip_holds_every_method_in_its_own_folder(reader, site_url, built_site, handbook):
    reader.goto(f"{site_url}{GENERATED_DIR}/nedladdningar/")
    toolbox = reader.locator("button[data-vl-zip-all]")
    name, archive = press(reader, toolbox)
    assert name == TOOLBOX_ZIP_NAME
    expected = {}
    for method in handbook.methods:
        for path in reader.locator(f'button[data-vl-zip-folder="{method.slug}"]').get_attribute(
                "data-vl-zip-files").split():
            expected[f"{method.slug}/{path.rsplit('/', 1)[1]}"] = f"{GENERATED_DIR}/{path}"
    assert len(expected) == len({p for p in built_site.joinpath(GENERATED_DIR).rglob("*")
                                 if p.suffix in (".docx", ".odt", ".pdf", ".xlsx") and p.parent.name != GENERATED_DIR})
    assert_holds_the_files(archive, built_site, expected)


def test_the_site_stores_no_zip_and_without_javascript_there_is_no_button(browser, site_url, built_site):
    assert not list(built_site.rglob("*.zip"))
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}{GENERATED_DIR}/nedladdningar/")
        assert page.locator("button[data-vl-zip]").count() > 1
        assert not any(button.is_visible() for button in page.locator("button[data-vl-zip]").all())
        # The files themselves are listed one by one, so nothing is lost without the button.
        assert page.locator("article a[href$='.pdf']").count() > 1
    finally:
        context.close()


def test_a_file_that_cannot_be_fetched_gives_a_swedish_message_and_no_zip(reader, site_url, handbook):
    method = handbook.methods[0]
    reader.route("**/*.odt", lambda route: route.fulfill(status=404, body="saknas"))
    reader.goto(f"{site_url}{GENERATED_DIR}/{method.slug}/")
    downloads = []
    reader.on("download", lambda download: downloads.append(download))
    reader.get_by_role("button", name="som en ZIP-fil").click()
    status = reader.locator(".vl-zip__status").first
    status.filter(has_text="Det gick inte").wait_for()
    assert "ladda ned dem en och en" in status.inner_text()
    assert downloads == []


def test_the_buttons_name_what_they_pack_and_how_much(built_site, handbook):
    for method in handbook.methods:
        button = soup_of(built_site, f"{GENERATED_DIR}/{method.slug}/").select_one("button[data-vl-zip]")
        assert button is not None, method.slug
        count = len(button["data-vl-zip-files"].split())
        assert f"({count} filer," in button.get_text() and method.short_title in button.get_text()
        status = button.find_next_sibling(class_="vl-zip__status")
        assert status is not None and status["role"] == "status"
