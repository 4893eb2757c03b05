"""The frame around the content: who publishes it, how to reach them and how current a page is."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from conftest import ROOT
from site_helpers import page, text
from verktygsladan.content import next_review


def test_every_method_page_footer_shows_when_it_was_reviewed(built_site, handbook):
    for method in handbook.methods:
        footer = page(built_site, f"metoder/{method.slug}/").select_one(".md-copyright")
        shown = text(footer)
        assert f"granskades senast {method.trust.last_reviewed.isoformat()}" in shown
        assert f"Nästa granskning senast {next_review(method).isoformat()}" in shown


def test_every_footer_names_the_source_and_links_to_a_contact_route_that_exists(built_site):
    for html_file in sorted(built_site.rglob("index.html")):
        folder = html_file.parent.relative_to(built_site).as_posix()
        path = "" if folder == "." else folder + "/"
        footer = page(built_site, path).select_one(".md-copyright")
        assert "Göteborgsregionens verktygslåda från 2019" in text(footer), path
        for link in footer.select("a[href]"):
            target = urlparse(urljoin(f"http://sajt/{path}", link["href"]))
            assert (built_site / target.path.lstrip("/") / "index.html").is_file(), (path, link["href"])
            if target.fragment:
                assert page(built_site, target.path.lstrip("/")).find(id=target.fragment), link["href"]


def test_the_regional_footer_names_no_publisher_unless_one_is_configured(built_site):
    configured = "VERKTYGSLADAN_PUBLISHER" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert configured, "mkdocs.yml läser inte längre utgivaren från miljön."
    assert "Utgivare:" not in text(page(built_site, "").select_one(".md-copyright"))
