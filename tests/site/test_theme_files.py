"""The theme files the site never uses are not published (macros/theme_files.py)."""

from __future__ import annotations

import re

from site_helpers import page


def test_no_lunr_and_no_source_maps_are_published(built_site):
    assets = built_site / "assets"
    assert assets.is_dir()
    assert not (assets / "javascripts" / "lunr").exists()
    assert not list(built_site.rglob("*.map"))
    for script in [*assets.rglob("*.js"), *assets.rglob("*.css")]:
        assert b"sourceMappingURL" not in script.read_bytes(), script.name


def test_every_script_and_stylesheet_a_page_loads_is_published(built_site):
    checked = 0
    for html_file in sorted(built_site.rglob("*.html")):
        relative = html_file.relative_to(built_site).as_posix()
        soup = page(built_site, relative)
        for element in soup.select("script[src], link[rel=stylesheet][href]"):
            address = element.get("src") or element["href"]
            if re.match(r"^[a-z]+:", address):
                continue
            # The 404 page is served at any depth, so its addresses start at the site's root.
            base = built_site if address.startswith("/") else html_file.parent
            target = (base / address.split("?")[0].lstrip("/")).resolve()
            assert target.is_file(), f"{relative}: {address} saknas"
            checked += 1
    assert checked > 0
