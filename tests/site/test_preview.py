"""`make serve`: a content error shows in the browser, and goes away by itself when the file is fixed."""

from __future__ import annotations

import io
import re
import socket
import subprocess
import time
import urllib.parse
import urllib.request
import zipfile

import pytest
from playwright.sync_api import Error as PlaywrightError

from browser import browser  # noqa: F401  (shared fixture)
from conftest import ENV, ROOT

pytestmark = pytest.mark.browser

MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def preview(corpus_project):
    """`mkdocs serve` as `make serve` runs it (see the Makefile), on the corpus project."""
    port = free_port()
    env = {**ENV, "VERKTYGSLADAN_PRINT_EDITION": "off", "VERKTYGSLADAN_PREVIEW": "on"}
    server = subprocess.Popen([str(MKDOCS), "serve", "--dirty", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=corpus_project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/metoder/exempel/"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            time.sleep(1)
    else:
        server.kill()
        pytest.fail("Förhandsgranskningen startade inte")
    yield corpus_project, url
    server.terminate()
    server.wait(timeout=30)


def test_a_content_error_replaces_the_page_until_the_file_is_fixed(preview, browser):  # noqa: F811
    project, url = preview
    method = project / "methods" / "exempel" / "method.yml"
    original = method.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(url)
        assert page.locator("h1").first.inner_text() == "Exempelmetod för tester"
        method.write_text(original.replace("difficulty: medel", "difficulty: lagom"), encoding="utf-8")
        # The preview reloads the open page by itself once the rebuild is done.
        alert = page.get_by_role("alert")
        alert.wait_for(timeout=120_000)
        assert page.locator("h1").first.inner_text() == "Innehållet har fel"
        assert 'fält "difficulty": "lagom" finns inte i vokabulären' in alert.inner_text()
        method.write_text(original, encoding="utf-8")
        page.locator("h1", has_text="Exempelmetod för tester").wait_for(timeout=120_000)
        assert page.get_by_role("alert").count() == 0
    finally:
        page.close()


def test_make_build_still_stops_on_a_content_error(corpus_project):
    """The error page is for the preview only: a real build never publishes it."""
    method = corpus_project / "methods" / "exempel" / "method.yml"
    method.write_text(method.read_text(encoding="utf-8").replace("difficulty: medel", "difficulty: lagom"),
                      encoding="utf-8")
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=corpus_project, env=ENV, capture_output=True,
                            text=True)
    assert result.returncode != 0 and "lagom" in result.stderr
    assert not (corpus_project / "site" / "metoder" / "exempel" / "index.html").exists()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def wait_until(condition, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Förhandsgranskningen visade inte {what} inom {seconds:.0f} s")
        time.sleep(0.2)


def test_a_saved_change_reaches_every_page_that_shows_it(preview):
    """The preview renders only changed pages (mkdocs serve --dirty); pages that show a method
    without being its page must still follow: the start page's cards, and every page's menu."""
    project, url = preview
    root = url.split("/metoder/")[0]
    method = project / "methods" / "exempel" / "method.yml"
    original = method.read_text(encoding="utf-8")
    for page in ("/", "/om/"):
        assert "Exempelmetod" in fetch(root + page)

    method.write_text(original.replace("En påhittad metod som testerna bygger på.",
                                       "En ändrad sammanfattning som testerna letar efter."), encoding="utf-8")
    wait_until(lambda: "En ändrad sammanfattning" in fetch(url), "ändringen på metodsidan")
    assert "En ändrad sammanfattning" in fetch(root + "/")

    method.write_text(original.replace("short_title: Exempelmetod", "short_title: Omdöpt metod"), encoding="utf-8")
    wait_until(lambda: "Omdöpt metod" in fetch(root + "/om/"), "det nya namnet i menyn på en annan sida")
    assert "En ändrad sammanfattning" not in fetch(root + "/")


def test_downloads_follow_a_change_in_the_background(preview):
    """The page shows the change at once; the documents are made meanwhile and then linked."""
    project, url = preview
    # With an empty cache the first files are made in the background too; then there is a last version.
    wait_until(lambda: "Nedladdningarna skapas" not in fetch(url), "de första nedladdningarna", seconds=240)
    method = project / "methods" / "exempel" / "method.yml"
    method.write_text(method.read_text(encoding="utf-8").replace("Skolan är inbjuden.", "Fritidsgården är inbjuden."),
                      encoding="utf-8")
    wait_until(lambda: "Fritidsgården är inbjuden." in fetch(url), "ändringen på metodsidan")
    page = fetch(url)
    if "Nedladdningarna skapas" in page:
        # Meanwhile the last version's files are still there to download.
        assert fetch_bytes(url, docx_link(page)).startswith(b"PK")
    wait_until(lambda: "Nedladdningarna skapas" not in fetch(url), "de nya nedladdningarna", seconds=240)
    document = zipfile.ZipFile(io.BytesIO(fetch_bytes(url, docx_link(fetch(url)))))
    assert "Fritidsgården är inbjuden." in document.read("word/document.xml").decode("utf-8")


def docx_link(page: str) -> str:
    (link,) = set(re.findall(r'href="([^"]*exempel-checklista\.docx)"', page))
    return link


def fetch_bytes(page_url: str, link: str) -> bytes:
    with urllib.request.urlopen(urllib.parse.urljoin(page_url, link), timeout=30) as response:
        return response.read()


def test_search_works_in_the_preview_and_follows_a_change(preview, browser):  # noqa: F811
    """Pagefind indexes the preview after each build, in the background."""
    project, url = preview
    page = browser.new_page()

    def finds_the_method(query: str) -> bool:
        # The preview reloads the page by itself after each build; a search cut off by that is asked again.
        try:
            page.goto(url)
            found = page.evaluate("q => window.verktygsladanSearch.search(q).then(r => r.results.map(x => x.url))",
                                  query)
        except PlaywrightError:
            return False
        return any("/metoder/exempel/" in address for address in found)
    try:
        wait_until(lambda: fetch_status(url.split("/metoder/")[0] + "/pagefind/pagefind.js") == 200, "sökindexet")
        wait_until(lambda: finds_the_method("Exempelmetod"), "metoden i sökningen")
        assert not finds_the_method("blåbärsskogar")
        method = project / "methods" / "exempel" / "method.yml"
        method.write_text(method.read_text(encoding="utf-8").replace(
            "En påhittad metod som testerna bygger på.", "En påhittad metod om blåbärsskogar."), encoding="utf-8")
        wait_until(lambda: finds_the_method("blåbärsskogar"), "det nya ordet i sökningen")
    finally:
        page.close()


def fetch_status(address: str) -> int:
    try:
        with urllib.request.urlopen(address, timeout=10) as response:
            return response.status
    except OSError:
        return 0
