"""Turning a validated handbook into Markdown pages for the site generator.

Pure functions from `content.Handbook` to text; `generate_pages` is the one
place that touches the file system.
"""

from __future__ import annotations

from pathlib import Path

from ..content import Handbook
from ..content.json_schema import render_json_schema
from ..site_layout import (
    DOWNLOADS_PATH,
    FIELD_REFERENCE_PATH,
    FINDER_PATH,
    GENERATED_DIR,
    METHOD_INDEX_PATH,
    OPEN_DATA_CSV_PATH,
    OPEN_DATA_JSON_PATH,
    OPEN_DATA_PATH,
    PROCESS_MAP_PATH,
    SCHEMA_PATH,
    WORKED_PATHS_PATH,
)
from .download_links import Downloads
from .downloads_page import render_downloads_page
from .edition_branding import edition_files
from .method_finder import finder_summary, render_method_finder
from .method_index import method_cards, render_method_index
from .method_page import method_page_path, render_method_page
from .navigation import with_method_pages
from .output import write_generated
from .open_data import catalogue_csv, catalogue_json, render_open_data_page
from .overviews import glossary_list, methods_by_origin
from .process_map import render_process_map
from .worked_paths_page import render_worked_paths_page
from .field_reference import render_field_reference


def render_pages(handbook: Handbook, downloads: Downloads | None = None) -> dict[str, str | bytes]:
    """Every generated file, by path relative to the generated folder."""
    files: dict[str, str | bytes] = {
        METHOD_INDEX_PATH: render_method_index(handbook),
        SCHEMA_PATH: render_json_schema(handbook.vocabulary),
        DOWNLOADS_PATH: render_downloads_page(handbook, downloads),
        FINDER_PATH: render_method_finder(handbook),
        PROCESS_MAP_PATH: render_process_map(handbook),
        WORKED_PATHS_PATH: render_worked_paths_page(handbook),
        OPEN_DATA_PATH: render_open_data_page(handbook),
        FIELD_REFERENCE_PATH: render_field_reference(handbook),
        OPEN_DATA_JSON_PATH: catalogue_json(handbook),
        OPEN_DATA_CSV_PATH: catalogue_csv(handbook),
    }
    for method in handbook.methods:
        files[method_page_path(method)] = render_method_page(method, handbook, downloads)
    if handbook.edition:
        files.update(edition_files(handbook.edition))
    if downloads:
        files.update(downloads.files)
    return files


def generate_pages(handbook: Handbook, docs_dir: Path, downloads: Downloads | None = None) -> list[str]:
    return write_generated(render_pages(handbook, downloads), docs_dir / GENERATED_DIR)


__all__ = ["GENERATED_DIR", "finder_summary", "generate_pages", "glossary_list", "method_cards", "methods_by_origin",
           "render_pages", "with_method_pages"]
