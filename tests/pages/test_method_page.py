"""The generated Markdown page for a method."""

from __future__ import annotations

import yaml

from verktygsladan.content import load_handbook
from verktygsladan.pages import render_pages
from verktygsladan.pages.method_page import render_method_page


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---")[1])


def test_page_is_never_rendered_by_macros_and_names_its_source(corpus_project):
    handbook = load_handbook(corpus_project)
    page = render_method_page(handbook.method("exempel"), handbook)
    meta = front_matter(page)
    assert meta["render_macros"] is False
    assert meta["source_file"] == "methods/exempel/method.yml"
    assert meta["title"] == "Exempelmetod"


def test_every_step_is_numbered_in_order(corpus_project):
    handbook = load_handbook(corpus_project)
    method = handbook.method("exempel")
    page = render_method_page(method, handbook)
    positions = [page.index(f"### {n}. {step.title}") for n, step in enumerate(method.steps, start=1)]
    assert positions == sorted(positions)


def test_render_pages_covers_index_schema_and_every_method(corpus_project):
    handbook = load_handbook(corpus_project)
    files = render_pages(handbook)
    pages = {name for name in files if name.endswith(".md")}
    assert {f"{m.slug}.md" for m in handbook.methods} <= pages
    assert {"index.md", "nedladdningar.md", "metodvaljare.md", "vilken-metod-nar.md", "oppna-data.md"} <= pages
    assert {"method.schema.json", "metoder.json", "metoder.csv"} <= set(files)


def test_rendering_is_deterministic(corpus_project):
    handbook = load_handbook(corpus_project)
    assert render_pages(handbook) == render_pages(load_handbook(corpus_project))
