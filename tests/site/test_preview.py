"""`make serve`: a content error shows in the browser, and goes away by itself when the file is fixed."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

import pytest

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
    server = subprocess.Popen([str(MKDOCS), "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
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
