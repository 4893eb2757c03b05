"""No page talks to anyone but the site itself, and no page sets a cookie.

Many municipalities forbid third-party requests (GDPR), so every request of
every page is logged and must go to the local server.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import DESKTOP, browser, site_paths, site_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_every_page_requests_only_its_own_site_and_sets_no_cookies(browser, site_url, built_site):
    context = browser.new_context(locale="sv-SE", **DESKTOP)
    page = context.new_page()
    foreign = []
    page.on("request", lambda request: foreign.append((page.url, request.url))
            if urlparse(request.url).netloc != urlparse(site_url).netloc and not request.url.startswith("data:")
            else None)
    for path in site_paths(built_site):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        if path == "":
            # The search index loads in a worker when search opens; fetch it too.
            page.keyboard.press("/")
            page.wait_for_load_state("networkidle")
    cookies = context.cookies()
    context.close()
    assert foreign == [], "\n".join(f"{where} → {url}" for where, url in foreign)
    assert cookies == []


def test_fonts_are_system_fonts(built_site):
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, html_file
    for css in built_site.rglob("*.css"):
        assert "@import url(http" not in css.read_text(encoding="utf-8"), css
