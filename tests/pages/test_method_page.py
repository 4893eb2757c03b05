"""The generated Markdown page for a method."""

from __future__ import annotations

import yaml

from verktygsladan.content import load_handbook
from verktygsladan.pages import render_pages
from verktygsladan.pages.download_links import Downloads
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


def test_checklist_items_are_escaped_labelled_checkboxes(corpus_project, text_rules_off):
    import markdown
    from bs4 import BeautifulSoup

    nasty = '<script>alert(1)</script> *inte* [länk](x) & {#id} 1. punkt'
    method_file = corpus_project / "methods" / "exempel" / "method.yml"
    source = method_file.read_text(encoding="utf-8")
    method_file.write_text(source.replace("- text: Underlaget är insamlat.", f"- text: '{nasty}'"), encoding="utf-8")
    handbook = load_handbook(corpus_project)
    method = handbook.method("exempel")
    checklist = method.checklists[0]
    assert checklist.items[0].text == nasty

    body = render_method_page(method, handbook).split("---", 2)[2]
    html = markdown.markdown(body, extensions=["abbr", "toc", "attr_list", "def_list", "md_in_html", "tables"])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("script") == []
    assert soup.select_one(f"h3#checklista-{checklist.id}") is not None
    fieldset = soup.select_one(f"fieldset[data-vl-checklist='{checklist.id}']")
    assert fieldset.legend.get_text() == checklist.title
    boxes = fieldset.select("input[type='checkbox']")
    assert [box["id"] for box in boxes] == [f"vl-punkt-{checklist.id}-{n}" for n in range(1, len(checklist.items) + 1)]
    for box, item in zip(boxes, checklist.items):
        level = handbook.vocabulary.name("checklist_levels", item.level) if item.level else None
        label = fieldset.select_one(f"label[for='{box['id']}']").get_text()
        assert label == (f"{level}: {item.text}" if level else item.text)


def test_the_steps_at_a_glance_come_first_and_lead_to_every_step(handbook):
    import re

    from verktygsladan.pages.method_page import render_method_body

    for method in handbook.methods:
        body = render_method_body(method, handbook)
        glance = body.index("## Så gör ni")
        assert glance < body.index("## ", glance + 5) < body.index("## Steg för steg")
        listed = body[glance:body.index("## ", glance + 5)]
        for step in method.steps:
            assert f"(<#steg-{step.id}>)" in listed
            assert f"{{ #steg-{step.id} }}" in body
            if step.phase:
                assert handbook.vocabulary.name("phases", step.phase) in listed.split(f"#steg-{step.id}")[1]
        # The background follows the work.
        if method.text.background:
            assert body.index("## Bakgrund") > body.index("## Steg för steg")
        assert not re.search(r"[?!]\.(\s|$)", body), f"{method.slug}: dubbla skiljetecken"


def test_a_template_outline_is_not_numbered_twice(handbook):
    import re

    from verktygsladan.pages.method_page import render_method_body

    numbered = [s.heading for m in handbook.methods for t in m.templates for s in t.sections
                if re.match(r"\d+\.", s.heading)]
    assert numbered, "Ingen mall numrerar sina egna avsnitt; testet prövar då ingenting."
    for method in handbook.methods:
        body = render_method_body(method, handbook)
        assert not re.search(r"^\s*\d+\. \*\*\d+\.", body, re.MULTILINE), method.slug


def test_a_fact_marked_as_needing_a_check_says_so_on_the_page(corpus_project):
    from corpus_cases import mark_facts_to_check

    mark_facts_to_check(corpus_project)
    handbook = load_handbook(corpus_project)
    page = render_method_page(handbook.methods[0], handbook)
    for text in ("Årtalet saknas i källan.", "Veckorna är inte prövade.", "Enkäten är inte gjord."):
        assert page.count(f"Uppgift att kontrollera:** {text}") + page.count(f"Uppgift att kontrollera\n:   {text}") == 1


def test_in_the_preview_the_page_says_its_downloads_are_being_made_or_why_they_failed(corpus_project):
    handbook = load_handbook(corpus_project)
    method = handbook.method("exempel")
    making = render_method_page(method, handbook, Downloads(pending={"exempel": ""}))
    assert '!!! info "Nedladdningarna skapas"' in making
    failed = render_method_page(method, handbook, Downloads(pending={"exempel": "Trasig <script>x</script>\nrad två"}))
    assert '!!! failure "Nedladdningarna kunde inte skapas"' in failed
    assert "<script>" not in failed and "&lt;script&gt;" in failed and "Trasig &lt;script&gt;x&lt;/script&gt; rad två" in failed
    assert "Nedladdningarna" not in render_method_page(method, handbook, Downloads())
