"""A local server for the built site and a Chromium to read it with, shared by the browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# WCAG 2.0 and 2.1, levels A and AA: what lag 2018:1937 requires. Only violations
# are reported back; collecting every passing node as well made axe a third
# slower on the long method pages.
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
MOBILE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def served(site: Path):
    """A built site on a local web server; yields its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def site_url(built_site: Path):
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh Swedish-language browser page for one test."""
    context = browser.new_context(locale="sv-SE")
    yield context.new_page()
    context.close()


def site_paths(site: Path) -> list[str]:
    """URL path of every page of the built site."""
    paths = []
    for html_file in sorted(site.rglob("*.html")):
        relative = html_file.relative_to(site).as_posix()
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths


def axe_violations(page) -> list[str]:
    """axe's WCAG A and AA violations on the page once it has settled, one line each."""
    # A control caught halfway through a fade (Material's "back to top" button
    # appears when the page scrolls) has a contrast no reader ever sees for long;
    # axe must judge the page a reader looks at, so running transitions finish first.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} – " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in violations]
