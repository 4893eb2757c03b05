"""Hostile text in every field is written as text, everywhere it reaches.

Every plain-text and Markdown field of a method, of the vocabulary and of the
glossary is filled with `</title>`, `<script>`, `"><img onerror>`, Jinja and
(in Markdown) a script link and an image from another host. The content
check would refuse all of it; here it is switched off
(build_without_text_rules.py), so what is tested is the escaping where text
is written: the built site and every download must contain the hostile text
as visible text and no live markup, script link, third-party image or
evaluated template anywhere.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import CHROMIUM, CHROMIUM_ARGS, served
from conftest import CORPUS, ENV, ROOT, copy_project
from site_helpers import live_markup
from verktygsladan.content.fields import ListOf, Markdown, Nested, Record, Text
from verktygsladan.content.glossary import GlossaryFile
from verktygsladan.content.schema import Method, MethodText
from verktygsladan.content.vocabulary import VocabularyFile

# Sets window.vlX if any of it ever runs. Each field gets the longest payload that
# fits; every field of a method has room for the second, which holds all three.
SCRIPT = "<script>vlX=1</script>"
PAYLOADS = [
    f'</title>{SCRIPT}"><img src=x onerror=vlX=1>{{{{ 7*7 }}}}',
    f'</title>{SCRIPT}"><img onerror>',
    f'{SCRIPT}"><img onerror>',
    '"><img onerror>',
]
MARKDOWN_EXTRA = ("\n\n[klicka](javascript:vlX=1) [också](&#106;avascript:vlX=1) "
                  "![spårbild](https://tredje-part.example/spar.png) [Boverket](https://www.boverket.se/)")
THIRD_PARTY = "tredje-part.example"


def _hostile(number: int, max_length: int | None) -> str:
    prefix = f"{number} "  # keeps values unique where a list must not repeat itself
    return next(prefix + p for p in PAYLOADS if max_length is None or len(prefix + p) <= max_length)


def _fill(record: type[Record], data: dict, numbers) -> dict:
    """data with every text field of record replaced by hostile text; ids, dates and choices kept."""
    for name, value in data.items():
        data[name] = _fill_value(record.fields[name], value, numbers)
    return data


def _fill_value(field, value, numbers):
    # Identifiers, dates, addresses, choices and patterned text stay valid: only free text is hostile.
    if isinstance(field, ListOf):
        return [_fill_value(field.item, item, numbers) for item in value]
    if isinstance(field, Nested):
        return _fill(field.record, value, numbers)
    if isinstance(field, Text) and field.pattern is None:
        return _hostile(next(numbers), field.max_length)
    if isinstance(field, Markdown):
        return _hostile(next(numbers), None) + MARKDOWN_EXTRA
    return value


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("fientlig") / "projekt", methods_from=CORPUS / "valid")
    methods = project / "methods"
    numbers = itertools.count(1)
    for path, record in ((methods / "exempel" / "method.yml", Method), (methods / "vocabulary.yml", VocabularyFile),
                         (methods / "glossary.yml", GlossaryFile)):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_fill(record, data, numbers), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    sections = [f"## {field.label}\n\n{_hostile(next(numbers), None)}{MARKDOWN_EXTRA}\n"
                for field in MethodText.fields.values()]
    (methods / "exempel" / "text.md").write_text("\n".join(sections), encoding="utf-8")

    result = subprocess.run([sys.executable, str(Path(__file__).parent / "build_without_text_rules.py")],
                            cwd=project, capture_output=True, text=True,
                            env={**ENV, "PYTHONPATH": str(ROOT) + os.pathsep + ENV.get("PYTHONPATH", "")})
    assert result.returncode == 0, f"Bygget misslyckades:\n{result.stdout}\n{result.stderr}"
    return project


@pytest.fixture(scope="module")
def hostile_site(hostile_project: Path) -> Path:
    return hostile_project / "site"


@pytest.fixture(scope="module")
def hostile_method(hostile_project: Path) -> dict:
    return yaml.safe_load((hostile_project / "methods" / "exempel" / "method.yml").read_text(encoding="utf-8"))


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_hostile_text_is_never_live_markup_on_any_page(hostile_site: Path):
    problems = {}
    for page in _pages(hostile_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found = live_markup(soup)
        if len(soup.find_all("title")) != 1:
            found.append(f"{len(soup.find_all('title'))} title-element")
        if found:
            problems[page.relative_to(hostile_site).as_posix()] = found
    assert not problems, problems


def test_hostile_text_is_shown_as_written(hostile_site: Path, hostile_method: dict):
    """Escaped, not dropped: the reader sees exactly what the editor wrote."""
    soup = BeautifulSoup((hostile_site / "metoder" / "exempel" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert soup.find("title").get_text() == f"{hostile_method['short_title']} - Verktygslådan"
    assert soup.find("meta", attrs={"name": "description"})["content"] == hostile_method["summary"]
    menu = [a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert hostile_method["short_title"] in menu
    article = soup.select_one("article").get_text(" ")
    assert hostile_method["title"] in article
    assert "klicka" in article and "spårbild" in article  # link and image text kept, as text


def test_templates_in_content_are_never_evaluated(hostile_site: Path):
    texts = [page.read_text(encoding="utf-8") for page in _pages(hostile_site)]
    assert any("{{ 7*7 }}" in text for text in texts)
    assert not any("vlX=1>49" in text for text in texts)


def test_search_results_show_the_hostile_text_as_text(hostile_site: Path, hostile_method: dict):
    """Pagefind keeps the pages' text; the search dialog must write titles and excerpts as text."""
    from playwright.sync_api import sync_playwright

    with served(hostile_site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            page.locator("[data-vl-search-open]").click()
            page.locator("[data-vl-search-input]").fill("vlX")
            page.locator("[data-vl-search-results] li").first.wait_for()
            shown = page.locator("[data-vl-search-results]")
            assert shown.locator("script, img, title, iframe").count() == 0
            assert "<script>vlX=1</script>" in shown.inner_text()
            assert hostile_method["title"] in [" ".join(t.split()) for t in shown.locator("a").all_inner_texts()]
            assert page.evaluate("() => window.vlX") is None
        finally:
            browser.close()


def test_downloads_hold_the_hostile_text_as_text(hostile_site: Path):
    folder = hostile_site / "metoder" / "exempel"
    checked = 0
    for path in sorted(folder.glob("*.docx")) + sorted(folder.glob("*.odt")) + sorted(folder.glob("*.xlsx")):
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            xml = "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                          if name.endswith((".xml", ".rels")))
        assert "&lt;script&gt;vlX=1&lt;/script&gt;" in xml, path.name
        assert "<script" not in xml, path.name
        # Links and images are attributes (Word and Excel: Target, OpenDocument: xlink:href);
        # the same words as text are only text.
        targets = re.findall(r'(?:Target|xlink:href)="([^"]*)"', xml)
        assert not [t for t in targets if "javascript" in t.lower() or THIRD_PARTY in t], (path.name, targets)
        assert "<f>" not in xml and "<f " not in xml, f"{path.name}: en formel"
        checked += 1
    assert checked >= 3


def test_pdf_downloads_show_the_hostile_text_and_fetch_nothing(hostile_site: Path):
    pdfs = sorted((hostile_site / "metoder").rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "<script>vlX=1</script>" in text, pdf.name
        assert THIRD_PARTY.encode() not in pdf.read_bytes() and b"/JavaScript" not in pdf.read_bytes(), pdf.name


@pytest.mark.browser
def test_no_script_runs_in_chromium(hostile_site: Path):
    from playwright.sync_api import sync_playwright

    requested = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        for path in ("metoder/exempel/index.html", "index.html", "metoder/metodvaljare/index.html",
                     "metoder/vilken-metod-nar/index.html", "ordlista/index.html"):
            page.goto((hostile_site / path).as_uri())
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.vlX") == "undefined", path
        browser.close()
    assert not [url for url in requested if THIRD_PARTY in url]


def test_every_text_field_of_the_method_got_all_three_payloads(hostile_method: dict):
    """The requirement this file proves: <script>, "><img onerror> and </title> in every field."""
    def texts(record, data):
        for name, value in data.items():
            field = record.fields[name]
            inner = field.item if isinstance(field, ListOf) else field
            values = value if isinstance(field, ListOf) else [value]
            for item in values:
                if isinstance(inner, Nested):
                    yield from texts(inner.record, item)
                elif isinstance(inner, (Text, Markdown)) and getattr(inner, "pattern", None) is None:
                    yield name, item

    found = list(texts(Method, hostile_method))
    assert len(found) > 40
    for name, value in found:
        assert "<script>" in value and '"><img onerror' in value.replace(" src=x", "") and "</title>" in value, name
