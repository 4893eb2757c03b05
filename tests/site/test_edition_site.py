"""The example edition, built from a folder outside the repository, as readers and planners meet it.

A copy of editions/_exempel/ (the invented Exempelkommun) is placed in a
temporary folder and built with UTGAVA pointing at it. Its local content must
appear, always marked, on the method page, in the finder, in search, in the
open data, in every download and in the print edition; everything else must
be the regional handbook as it is.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from browser import DESKTOP, MOBILE, axe_violations, browser, served  # noqa: F401  (fixture)
from conftest import ROOT, assert_built, copy_project, mkdocs_build
from site_helpers import content, page, text, tree_digest

EXAMPLE = ROOT / "editions" / "_exempel"
NAME = "Exempelkommun"
LOCAL_ITEM = "Kommunens pensionärsråd har fått bjudas in till kvällsworkshopen."
JINJA = "{{ 7*7 }}"


@pytest.fixture(scope="module")
def edition_build(tmp_path_factory):
    place = tmp_path_factory.mktemp("utgava")
    project = copy_project(place / "projekt")
    edition = place / "kommunens-forrad" / "_exempelutgava"
    shutil.copytree(EXAMPLE, edition)
    additions = edition / "metoder" / "seniorperspektiv.yml"
    # Template syntax in local text is text, as in regional text.
    additions.write_text(additions.read_text(encoding="utf-8").replace(
        "via hemtjänsten.", f"via hemtjänsten. Svara senast vecka {JINJA}."), encoding="utf-8")
    result = mkdocs_build(project, env={"VERKTYGSLADAN_UTGAVA": str(edition)})
    assert_built(result)
    return project, edition


@pytest.fixture(scope="module")
def edition_site(edition_build) -> Path:
    return edition_build[0] / "site"


def test_local_content_is_shown_in_marked_boxes_on_the_method_page(edition_site):
    soup = page(edition_site, "metoder/seniorperspektiv/")
    section = soup.select_one("section.vl-local")
    assert text(section.find("h2")) == f"I {NAME}"
    assert f"Det här har {NAME} lagt till." in text(section)
    assert "oversiktsplanering@exempelkommun.example" in text(section)
    assert "Exempelkommuns riktlinjer för bostadsförsörjning (2025-06-12)" in text(section)
    notes = soup.select("div.vl-local[role=note]")
    assert all(note["aria-label"] == f"I {NAME}" and text(note).startswith(f"I {NAME}") for note in notes)
    assert any("på papper via hemtjänsten" in text(note) for note in notes)
    assert any(f"Svara senast vecka {JINJA}." in text(note) for note in notes)
    assert any(text(h) == f"{NAME}, 2025 – lokalt exempel" for h in soup.select("h3"))
    labels = [text(label) for label in soup.select(".vl-checklist label")]
    assert labels[-1] == f"I {NAME}: Bör: {LOCAL_ITEM}"


def test_a_note_stays_with_its_step(edition_site):
    soup = page(edition_site, "metoder/seniorperspektiv/")
    heading = next(h for h in soup.select("h3") if "webbenkät" in text(h).casefold())
    following = heading.find_next(["h3", "div"], class_=lambda c: c is None or "vl-local" in c)
    assert following.name == "div" and "på papper" in text(following)


def test_the_local_method_is_called_lokal_metod_wherever_it_is_listed(edition_site):
    method_page = page(edition_site, "metoder/lokal-exempelmetod/")
    assert f"Lokal metod i {NAME}." in text(content(method_page))
    menu = [text(a) for a in method_page.select("nav.md-nav--primary a.md-nav__link")]
    assert "Lokal exempelmetod (lokal metod)" in menu
    for path in ("metoder/", "metoder/metodvaljare/"):
        assert f"Lokal metod i {NAME}." in text(content(page(edition_site, path))), path
    assert "Lokal exempelmetod (lokal metod)" in text(content(page(edition_site, "metoder/vilken-metod-nar/")))


def test_the_finder_says_what_the_edition_has_added(edition_site):
    card = next(c for c in page(edition_site, "metoder/metodvaljare/").select("[data-vl-card]")
                if "Seniorperspektiv" in text(c.find("h3")))
    assert f"{NAME} har lagt till en inledning, 2 kontakter, 1 dokument" in text(card)


@pytest.mark.browser
def test_search_finds_the_local_text_and_the_local_method(browser, edition_url):  # noqa: F811
    context = browser.new_context(locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(edition_url)
        search = "query => window.verktygsladanSearch.search(query)"
        hits = [r for r in page.evaluate(search, "hemtjänsten")["results"]
                if r["url"].startswith("/metoder/seniorperspektiv/")]
        assert hits, "den lokala anteckningen hittas inte"
        assert any("hemtjänst" in piece["text"].lower() for hit in hits for piece in hit["excerpt"] if piece["mark"])
        local_method = page.evaluate(search, "Lokal exempelmetod")["results"][:3]
        assert "/metoder/lokal-exempelmetod/" in [r["url"].split("#")[0] for r in local_method]
    finally:
        context.close()


def test_the_open_data_names_the_edition_and_keeps_local_apart(edition_site):
    catalogue = json.loads((edition_site / "metoder" / "metoder.json").read_text(encoding="utf-8"))
    assert catalogue["edition"]["name"] == NAME and catalogue["edition"]["organisation_type"] == "kommun"
    methods = {m["slug"]: m for m in catalogue["methods"]}
    assert methods["lokal-exempelmetod"]["is_local"] is True
    senior = methods["seniorperspektiv"]
    assert [n["step"] for n in senior["local"]["step_notes"]] == ["webbenkat", "forbered-workshopen"]
    regional = yaml.safe_load((ROOT / "methods" / "seniorperspektiv" / "method.yml").read_text(encoding="utf-8"))
    assert senior["summary"] == regional["summary"]  # the regional text is never changed


def _office_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def test_every_download_format_carries_the_local_item_and_the_organisation(edition_site):
    folder = edition_site / "metoder" / "seniorperspektiv"
    files = sorted(folder.glob("checklista-seniorperspektiv.*"))
    assert {f.suffix for f in files} == {".docx", ".odt", ".pdf", ".xlsx"}
    for file in files:
        if file.suffix == ".pdf":
            shown = subprocess.run(["pdftotext", str(file), "-"], capture_output=True, text=True, check=True).stdout
        else:
            shown = _office_text(file.read_bytes())
        flat = " ".join(shown.split())
        assert f"I {NAME}: {LOCAL_ITEM}" in flat, file.name
        assert f"{NAME} ·" in flat, f"{file.name}: utgåvans namn saknas i sidfoten"


def test_a_template_field_that_asks_for_the_kommun_is_filled_in(edition_site):
    folder = edition_site / "metoder" / "indikatorer-social-hallbarhet"
    filled = [f for f in folder.glob("*.docx") if f"Kommun{NAME}" in _office_text(f.read_bytes())]
    assert filled, "ingen mall med fältet Kommun fick utgåvans namn"


def test_the_print_edition_has_the_edition_on_its_cover_and_the_local_boxes(edition_site):
    pdf = edition_site / "metoder" / "verktygsladan-handbok.pdf"
    first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert NAME in first and "Exempelkommuns utgåva" in " ".join(first.split())
    everything = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                         check=True).stdout.split())
    assert f"I {NAME} Det här har {NAME} lagt till." in everything
    assert "Lokal exempelmetod i Exempelkommun" in everything


def test_the_site_carries_the_editions_name_logo_footer_and_edit_links(edition_site):
    soup = page(edition_site, "metoder/lokal-exempelmetod/")
    assert soup.find("title").get_text().endswith(f"Verktygslådan – {NAME}")
    logo = soup.select_one(".md-header img")
    assert logo["alt"] == NAME and not logo["src"].startswith(("http", "//"))
    footer = text(soup.select_one(".md-copyright"))
    assert f"Utgivare: {NAME}, samhällsbyggnadsförvaltningen." in footer and "planering@exempelkommun.example" in footer
    edit = soup.select_one("a.vl-edit-link")["href"]
    assert edit == "https://git.exempelkommun.example/verktygsladan/edit/main/metoder/lokal-exempelmetod/method.yml"
    assert page(edition_site, "metoder/seniorperspektiv/").select_one("a.vl-edit-link")["href"].endswith(
        "/edit/main/metoder/seniorperspektiv.yml")
    assert page(edition_site, "metoder/social-konsekvensanalys/").select_one("a.vl-edit-link") is None
    statement = text(content(page(edition_site, "tillganglighet/")))
    assert f"Webbplatsen publiceras av {NAME}, samhällsbyggnadsförvaltningen" in statement
    assert "E-post planering@exempelkommun.example" in statement and "Webbformulär" in statement


def _comparable(article) -> str:
    for link in article.select("a.vl-edit-link"):
        link.decompose()
    # The organisation's name in every download's footer changes its size a little.
    return " ".join(re.sub(r"\d+(,\d+)? [kM]B", "N kB", str(article)).split())


def test_a_method_without_local_additions_reads_exactly_as_in_the_regional_handbook(edition_site, built_site):
    for slug in ("social-konsekvensanalys", "ungas-inflytande"):
        edition = content(page(edition_site, f"metoder/{slug}/"))
        regional = content(page(built_site, f"metoder/{slug}/"))
        assert _comparable(edition) == _comparable(regional), slug


def test_a_regional_update_that_removes_an_annotated_step_stops_the_build(edition_build, tmp_path):
    built_project, edition = edition_build
    project = tmp_path / "projekt"
    shutil.copytree(built_project, project, symlinks=True)
    before = tree_digest(project / "site")
    method = project / "methods" / "seniorperspektiv" / "method.yml"
    method.write_text(method.read_text(encoding="utf-8").replace("  - id: webbenkat\n", "  - id: enkat\n"),
                      encoding="utf-8")
    result = mkdocs_build(project, env={"VERKTYGSLADAN_UTGAVA": str(edition)})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("metoder/seniorperspektiv.yml, rad 31, fält \"step_notes → punkt 1 → step\": Anteckningen hör till "
            "steget \"webbenkat\", men metoden i methods/seniorperspektiv/method.yml har inget steg med det id:t."
            ) in result.stderr
    assert tree_digest(project / "site") == before


# In a real Chromium: accessibility, privacy and reflow on the pages an edition changes.

EDITION_PAGES = ["", "metoder/seniorperspektiv/", "metoder/lokal-exempelmetod/", "metoder/metodvaljare/",
                 "tillganglighet/"]


@pytest.fixture(scope="module")
def edition_url(edition_site):
    with served(edition_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme, device", [("light", DESKTOP), ("dark", DESKTOP), ("light", MOBILE),
                                            ("dark", MOBILE)],
                         ids=["ljust-dator", "morkt-dator", "ljust-mobil", "morkt-mobil"])
def test_the_editions_pages_have_zero_axe_violations(browser, edition_url, scheme, device):
    context = browser.new_context(color_scheme=scheme, locale="sv-SE", **device)
    tab = context.new_page()
    failures = []
    for path in EDITION_PAGES:
        tab.goto(edition_url + path, wait_until="load")
        failures += [f"/{path}: {violation}" for violation in axe_violations(tab)]
    context.close()
    assert failures == []


@pytest.mark.browser
def test_the_edition_requests_nothing_from_other_hosts_and_serves_its_logo_itself(browser, edition_url):
    context = browser.new_context(locale="sv-SE", **DESKTOP)
    tab = context.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    for path in EDITION_PAGES:
        tab.goto(edition_url + path, wait_until="networkidle")
    assert context.cookies() == []
    context.close()
    assert [url for url in requested if not url.startswith(edition_url)] == []
    assert any(url.endswith("/utgava-logo.png") for url in requested)


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_no_edition_page_scrolls_sideways(browser, edition_url, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 800})
    tab = context.new_page()
    wide = []
    for path in EDITION_PAGES:
        tab.goto(edition_url + path, wait_until="load")
        if tab.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
            wide.append(path)
    context.close()
    assert wide == []


def test_every_download_format_shows_the_logo_with_its_alternative_text(edition_site):
    folder = edition_site / "metoder" / "seniorperspektiv"
    for file in sorted(folder.glob("checklista-seniorperspektiv.*")):
        if file.suffix == ".pdf":
            images = subprocess.run(["pdfimages", "-list", str(file)], capture_output=True, text=True,
                                    check=True).stdout.splitlines()[2:]
            assert images, f"{file.name}: ingen bild"
            continue
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            xml = "".join(archive.read(n).decode("utf-8") for n in names if n.endswith(".xml"))
        assert any(n.endswith(".png") for n in names), f"{file.name}: logotypen saknas"
        alternative = {".docx": f'descr="{NAME}"', ".xlsx": f'descr="{NAME}"', ".odt": f"<svg:title>{NAME}</svg:title>"}
        assert alternative[file.suffix] in xml, f"{file.name}: logotypen saknar alternativtext"
