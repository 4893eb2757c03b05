"""The one list of generated files, and the folder names it reserves."""

from __future__ import annotations

from verktygsladan.pages import render_pages
from verktygsladan.pages.method_page import method_page_path
from verktygsladan.site_layout import (
    EDITION_CSS_PATH,
    EDITION_LOGO_STEM,
    HANDBOOK_FILES,
    PRINT_EDITION_PATH,
    RESERVED_NAMES,
)


def test_every_file_the_handbook_generates_beside_the_methods_is_reserved(handbook):
    method_files = {method_page_path(m) for m in handbook.methods} | {m.slug for m in handbook.methods}
    generated = {path.split("/", 1)[0] for path in render_pages(handbook)} - method_files
    # The print edition is made only when downloads are on, the edition's stylesheet and logo
    # only in an edition.
    made_elsewhere = {PRINT_EDITION_PATH, EDITION_CSS_PATH, f"{EDITION_LOGO_STEM}.svg"}
    assert generated | made_elsewhere == set(HANDBOOK_FILES)
    assert {path.split(".", 1)[0] for path in generated} <= RESERVED_NAMES


def test_no_real_method_uses_a_reserved_name(handbook):
    assert not {m.slug for m in handbook.methods} & RESERVED_NAMES
