"""The built handbook, checked as a reader sees it.

Expectations come from the method files themselves, so the tests hold for
whatever methods the handbook has.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ENV, ROOT, assert_built, copy_example_method, mkdocs_build
from site_helpers import card_heading, content, nav_links, page, text, tree_digest
from verktygsladan.content import next_review

EDIT_BASE = "https://github.com/goteborgsregionen/verktygsladan/edit/main/"


def test_every_method_has_a_page_a_nav_entry_and_cards(built_site, handbook):
    start, index = page(built_site, ""), page(built_site, "metoder/")
    for method in handbook.methods:
        soup = page(built_site, f"metoder/{method.slug}/")
        assert text(soup.h1) == method.title
        assert nav_links(start)[method.short_title].rstrip("/").endswith(f"metoder/{method.slug}")
        for cards in (start, index):
            card = next(c for c in cards.select(".vl-card") if text(card_heading(c)) == method.title)
            assert method.summary in text(card)
            assert card_heading(card).a["href"].rstrip("/").endswith(f"{method.slug}")


def test_fact_box_shows_the_key_facts_in_words(built_site, handbook):
    vocabulary = handbook.vocabulary
    for method in handbook.methods:
        box = page(built_site, f"metoder/{method.slug}/").select_one(".vl-facts")
        facts = {text(dt): text(dt.find_next_sibling("dd")) for dt in box.select("dt")}
        assert facts["Status"] == vocabulary.name("statuses", method.trust.status)
        assert facts["Planeringsskeden"] == ", ".join(vocabulary.names("phases", method.phases))
        weeks = method.effort.weeks
        assert facts["Tid"].startswith(f"{weeks.min}–{weeks.max}" if weeks.min != weeks.max else f"{weeks.min} ")
        assert facts["Leds av"] == ", ".join(vocabulary.names("roles", method.people.lead))
        assert facts["Ansvarig"] == method.trust.owner
        assert facts["Senast granskad"] == method.trust.last_reviewed.isoformat()


def test_method_page_carries_all_its_content(built_site, handbook):
    for method in handbook.methods:
        soup = page(built_site, f"metoder/{method.slug}/")
        body = text(content(soup))
        headings = [text(h) for h in content(soup).select("h3")]
        for number, step in enumerate(method.steps, start=1):
            assert f"{number}. {step.title}" in headings
        for checklist in method.checklists:
            for item in checklist.items:
                assert item.text in body
        for indicator in method.indicators:
            assert indicator.name in headings
            assert soup.select_one(f'a[href="#indikator-{indicator.id}"]')
            if indicator.kolada_id and not indicator.kolada_id_checked:
                assert f"{indicator.kolada_id} (behöver kontrolleras mot Kolada)" in body
        for source in method.sources:
            assert soup.select_one(f'a[href="{source.url}"]'), source.url
        for change in method.trust.changelog:
            assert change.change in body and change.reason in body
        assert f"Nästa granskning: senast {next_review(method).isoformat()}" in body
        h2 = [text(h) for h in content(soup).select("h2")]
        assert h2[:3] == ["I korthet", "Så gör ni", "Syfte"]
        assert h2[-2:] == ["Källor", "Status och ändringslogg"]


def test_edit_link_opens_the_yaml_source(built_site, handbook):
    for method in handbook.methods:
        link = page(built_site, f"metoder/{method.slug}/").select_one("a.vl-edit-link")
        assert text(link) == "Redigera sidan"
        assert link["href"] == f"{EDIT_BASE}methods/{method.slug}/method.yml"
    assert page(built_site, "").select_one("a.vl-edit-link")["href"] == f"{EDIT_BASE}docs/index.md"


def test_no_repository_widget_that_would_call_the_github_api(built_site):
    assert not page(built_site, "").select(".md-source")


def test_published_schema_matches_the_committed_one(built_site):
    published = (built_site / "metoder" / "method.schema.json").read_text(encoding="utf-8")
    assert published == (ROOT / "methods" / "method.schema.json").read_text(encoding="utf-8")


def test_edit_base_url_is_configurable(corpus_project):
    assert_built(mkdocs_build(corpus_project, env={"VERKTYGSLADAN_EDIT_URL": "https://git.example.org/h/-/edit/main/"}))
    link = page(corpus_project / "site", "metoder/exempel/").select_one("a.vl-edit-link")
    assert link["href"] == "https://git.example.org/h/-/edit/main/methods/exempel/method.yml"


def test_method_text_is_never_evaluated_as_jinja(corpus_project):
    method_dir = corpus_project / "methods" / "exempel"
    yml = method_dir / "method.yml"
    yml.write_text(yml.read_text(encoding="utf-8")
                   .replace("summary: En påhittad metod som testerna bygger på.",
                            "summary: >-\n  {{ 7*191 }} En påhittad metod som testerna bygger på.")
                   .replace("Gå igenom resultatet med gruppen", "Gå igenom {% if true %}resultatet{% endif %} med gruppen")
                   .replace("text: Underlaget är insamlat.", "text: 'Underlaget {{ config.site_name }} är insamlat.'"),
                   encoding="utf-8")
    prose = method_dir / "text.md"
    prose.write_text(prose.read_text(encoding="utf-8").replace("Mer text under syftet.", "Räkna {{ 7*191 }} själv."),
                     encoding="utf-8")
    assert_built(mkdocs_build(corpus_project))
    site = corpus_project / "site"
    body = text(content(page(site, "metoder/exempel/")))
    assert "{{ 7*191 }} En påhittad metod" in body
    assert "Räkna {{ 7*191 }} själv." in body
    assert "Gå igenom {% if true %}resultatet{% endif %} med gruppen" in body
    assert "Underlaget {{ config.site_name }} är insamlat." in body
    assert "1337" not in body
    for listing in ("", "metoder/"):
        assert "{{ 7*191 }} En påhittad metod" in text(content(page(site, listing)))


def strip_optional(yml: Path) -> None:
    """Remove every section from the corpus method that even a published method may leave out
    (the rest is the publishing floor, see publishing_floor.py)."""
    lines = yml.read_text(encoding="utf-8").splitlines(keepends=True)
    drop = ("keywords", "legal_basis", "examples", "indicators", "feeds")
    kept, skipping = [], False
    for line in lines:
        top_key = line.split(":")[0] if line[:1].isalpha() else None
        if top_key:
            skipping = top_key in drop
        if not skipping:
            kept.append(line)
    yml.write_text("".join(kept), encoding="utf-8")


def test_missing_optional_sections_are_left_out_not_shown_empty(corpus_project):
    strip_optional(corpus_project / "methods" / "exempel" / "method.yml")
    assert_built(mkdocs_build(corpus_project))
    article = content(page(corpus_project / "site", "metoder/exempel/"))
    h2 = [text(h) for h in article.select("h2")]
    assert h2 == ["I korthet", "Så gör ni", "Syfte", "När passar metoden?", "Vem gör vad?", "Steg för steg",
                  "Resultat", "Mallar och checklistor", "Tips och fallgropar", "Bakgrund", "Källor",
                  "Status och ändringslogg"]
    for heading in article.select("h2, h3"):
        following = heading.find_next_sibling()
        assert following is not None and following.name not in ("h2",), f"Tom rubrik: {text(heading)}"


def test_copying_a_method_folder_adds_page_nav_and_card(corpus_project):
    copy_example_method(corpus_project, "kopia", title="Kopierad metod", short_title="Kopian")
    assert_built(mkdocs_build(corpus_project))
    site = corpus_project / "site"
    assert text(page(site, "metoder/kopia/").h1) == "Kopierad metod"
    assert "Kopian" in nav_links(page(site, ""))
    assert "Kopierad metod" in [text(card_heading(c)) for c in page(site, "metoder/").select(".vl-card")]


def test_removing_a_method_folder_removes_page_nav_and_card(corpus_project):
    copy_example_method(corpus_project, "kopia", title="Kopierad metod", short_title="Kopian")
    assert_built(mkdocs_build(corpus_project))
    shutil.rmtree(corpus_project / "methods" / "kopia")
    assert_built(mkdocs_build(corpus_project))
    site = corpus_project / "site"
    assert not (site / "metoder" / "kopia").exists()
    assert not (corpus_project / "docs" / "metoder" / "kopia.md").exists()
    assert "Kopian" not in nav_links(page(site, ""))
    assert "Kopierad metod" not in [text(card_heading(c)) for c in page(site, "metoder/").select(".vl-card")]
    assert (site / "metoder" / "exempel" / "index.html").exists()


def test_macro_errors_in_hand_written_pages_fail_the_build(corpus_project):
    (corpus_project / "docs" / "trasig.md").write_text("---\nrender_macros: true\n---\n\n# Trasig\n\n{{ finns_inte }}\n",
                                                        encoding="utf-8")
    assert mkdocs_build(corpus_project).returncode != 0


@pytest.fixture
def make_project(corpus_project):
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(ROOT / name, corpus_project / name)
    shutil.copytree(ROOT / "scripts", corpus_project / "scripts")
    return corpus_project


def run_make(project: Path, target: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", target, f"VENV={ROOT / '.venv'}"], cwd=project, env=ENV,
                          capture_output=True, text=True)


def test_make_build_replaces_site_only_when_the_build_succeeds(make_project):
    assert run_make(make_project, "build").returncode == 0
    before = tree_digest(make_project / "site")
    prose = make_project / "methods" / "exempel" / "text.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = run_make(make_project, "build")
    assert result.returncode != 0
    assert "HTML är inte tillåtet" in result.stderr
    assert tree_digest(make_project / "site") == before


def test_indicator_catalogue_is_a_table_with_details(corpus_project):
    assert_built(mkdocs_build(corpus_project))
    article = content(page(corpus_project / "site", "metoder/exempel/"))
    table = article.select_one("h2#indikatorer").find_next_sibling("table")
    assert [text(th) for th in table.select("th")] == ["Indikator", "Del av GR:s definition", "Datakälla", "Nivå"]
    assert text(article.select_one("#indikator-befolkning")) == "Invånare totalt"
    assert "N01951 (behöver kontrolleras mot Kolada)" in text(article)
    assert "D = ½ · Σ |aᵢ/A − bᵢ/B|" in text(article)


def test_every_method_page_has_the_required_sections(built_site, handbook):
    required = ["I korthet", "Syfte", "När passar metoden?", "Vem gör vad?", "Steg för steg", "Resultat",
                "Mallar och checklistor", "Relaterade metoder", "Källor", "Status och ändringslogg"]
    for method in handbook.methods:
        h2 = [text(h) for h in content(page(built_site, f"metoder/{method.slug}/")).select("h2")]
        missing = [heading for heading in required if heading not in h2]
        assert not missing, f"{method.slug} saknar {missing}"


def test_glossary_page_lists_every_entry_in_swedish_order(built_site, handbook):
    terms = [text(dt) for dt in content(page(built_site, "ordlista/")).select("dt")]
    expected = [e.term + (f" ({e.abbreviation})" if e.abbreviation else "") for e in handbook.glossary]
    assert terms == expected
    assert terms.index(next(t for t in terms if t.startswith("Översiktsplan"))) == len(terms) - 1


def test_abbreviations_are_explained_once_on_every_page_where_they_appear(built_site, handbook):
    meanings = {e.abbreviation: e.term for e in handbook.glossary if e.abbreviation}
    checked = 0
    for method in handbook.methods:
        article = content(page(built_site, f"metoder/{method.slug}/"))
        abbrs = article.select("abbr")
        assert len({text(a) for a in abbrs}) == len(abbrs), f"{method.slug}: en förkortning förklaras flera gånger"
        for abbr in abbrs:
            assert abbr["title"] == meanings[text(abbr)]
            assert abbr["tabindex"] == "0", "Förklaringen ska gå att nå med tangentbordet."
            # A use inside a link is never the explained one: the link takes the focus.
            assert abbr.find_parent(["a", "button"]) is None
            earlier = "".join(str(s) for s in abbr.find_all_previous(string=True)
                              if s.find_parent("article") and not s.find_parent(["a", "button"]))
            assert not re.search(rf"\b{re.escape(text(abbr))}\b", earlier), f"{method.slug}: {text(abbr)} förklaras inte första gången"
            checked += 1
    assert checked > 0


def test_the_about_page_counts_the_methods_and_names_those_from_the_2019_toolbox(built_site, handbook):
    from verktygsladan.pages.overviews import from_the_2019_toolbox

    about = content(page(built_site, "om/"))
    text = " ".join(about.get_text(" ").split())
    assert f"webbhandbok med {len(handbook.methods)} metoder" in text
    toolbox = [m for m in handbook.methods if from_the_2019_toolbox(m)]
    listing = next(p for p in about.select("p") if "kommer från Göteborgsregionens verktygslåda" in p.get_text())
    assert [a.get_text() for a in listing.select("a")] == [m.title for m in toolbox]
    assert listing.get_text().startswith(f"{len(toolbox)} metoder")
