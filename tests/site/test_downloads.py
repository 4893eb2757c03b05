"""The downloads on the built site: links resolve, and every file opens as a reader's program opens it.

Office files are opened by LibreOffice and converted to PDF; PDFs are read
with poppler. The text a reader sees must hold the title and every
checklist item, with å, ä and ö intact.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from conftest import OFFICE_IMPORT_FILTERS
from site_helpers import content, page, text
from verktygsladan.downloads.formats import FORMATS
from verktygsladan.pages.download_links import human_size
from verktygsladan.downloads.model import documents_for

DOWNLOAD = re.compile(r"\.(docx|odt|pdf|xlsx)$")


def squash(value: str) -> str:
    return " ".join(value.split())


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return squash(result.stdout)


def all_documents(handbook):
    return {f"{m.slug}/{d.id}": d for m in handbook.methods for d in documents_for(m, handbook)}


def assert_reader_sees_document(seen: str, document, where: str) -> None:
    # A line may wrap after a dash ("(1–" / "3)"), which leaves a space in the printed text.
    unspaced = "".join(seen.split())
    assert "".join(document.title.split()) in unspaced, f"{where}: titeln saknas"
    for item in document.items:
        assert "".join(item.text.split()) in unspaced, f"{where}: punkten \"{item.text}\" saknas"


def site_pages(site: Path):
    for html_file in sorted(site.rglob("*.html")):
        relative = html_file.relative_to(site).as_posix()
        yield relative, "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def test_every_download_link_on_every_page_points_to_a_file(built_site):
    checked = 0
    for relative, url in site_pages(built_site):
        soup = page(built_site, relative)
        for link in soup.select("a[href]"):
            href = link["href"]
            if urlparse(href).scheme or not DOWNLOAD.search(href):
                continue
            target = urlparse(urljoin("http://sajt" + url, href)).path
            assert (built_site / target.lstrip("/")).is_file(), f"{relative}: {href} finns inte"
            checked += 1
    assert checked > 0


def test_method_page_lists_every_download_with_format_and_size(built_site, handbook):
    for method in handbook.methods:
        article = content(page(built_site, f"metoder/{method.slug}/"))
        for document in documents_for(method, handbook):
            for format_ in (f for f in FORMATS if f.applies_to(document)):
                file_name = format_.file_name(document.id)
                link = next((a for a in article.select("a[href]") if a["href"].split("/")[-1] == file_name), None)
                assert link is not None, f"{method.slug}: ingen länk till {file_name}"
                # The link's accessible name says which document and which format, whether the
                # page lists one link per line or one row of formats per document.
                name = text(link)
                assert document.title in name, f"{method.slug}: {name}"
                assert format_.description in name or name.endswith(format_.name), f"{method.slug}: {name}"
                file = built_site / "metoder" / method.slug / file_name
                assert human_size(file.stat().st_size) in text(link.parent)


def test_overview_page_links_to_every_download(built_site):
    base = "http://sajt/metoder/nedladdningar/"
    linked = {urlparse(urljoin(base, a["href"])).path
              for a in content(page(built_site, "metoder/nedladdningar/")).select("a[href]")}
    on_disk = {"/" + p.relative_to(built_site).as_posix() for p in (built_site / "metoder").rglob("*")
               if DOWNLOAD.search(p.name)}
    assert on_disk
    assert on_disk <= linked


@pytest.fixture(scope="module")
def converted(built_site, site_printouts):
    """Every Word, OpenDocument and Excel file on the site, opened by LibreOffice and saved as PDF."""
    for extension in OFFICE_IMPORT_FILTERS:
        sources = sorted((built_site / "metoder").glob(f"*/*.{extension}"))
        assert sources, f"Inga .{extension}-filer byggdes."
        for source in sources:
            assert f"{source.parent.name}/{source.name}" in site_printouts, \
                f"LibreOffice kunde inte öppna {source.name}"
    return site_printouts


@pytest.mark.parametrize("extension", sorted(OFFICE_IMPORT_FILTERS))
def test_office_files_open_in_libreoffice_with_all_their_text(converted, handbook, extension):
    documents = all_documents(handbook)
    files = {path: pdf for path, pdf in converted.items() if path.endswith(f".{extension}")}
    assert files
    for path, pdf in files.items():
        assert_reader_sees_document(pdf_text(pdf), documents[path.rsplit(".", 1)[0]], path)


def test_every_pdf_is_tagged_and_complete_on_a4_or_a3_to_print_large(built_site, handbook):
    documents = all_documents(handbook)
    pdf_formats = [f for f in FORMATS if f.extension == "pdf"]
    expected = {f"{key.split('/')[0]}/{f.file_name(document.id)}": (document, f)
                for key, document in documents.items() for f in pdf_formats if f.applies_to(document)}
    pdfs = {f"{p.parent.name}/{p.name}": p for p in (built_site / "metoder").glob("*/*.pdf")}
    assert set(pdfs) == set(expected)
    assert any(f.only_for_print_large for _, f in expected.values()), "ingen mall skrivs ut i A3"
    for name, pdf in sorted(pdfs.items()):
        document, format_ = expected[name]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), name
        assert ("(A3)" if format_.only_for_print_large else "(A4)") in info, name
        assert_reader_sees_document(pdf_text(pdf), document, name)


def test_print_edition_has_cover_contents_and_every_method(built_site, handbook):
    edition = built_site / "metoder" / "verktygsladan-handbok.pdf"
    info = subprocess.run(["pdfinfo", str(edition)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE).group(1))
    assert pages > len(handbook.methods)
    seen = pdf_text(edition)
    assert "Innehåll" in seen and f"Sida 2 av {pages}" in seen
    for method in handbook.methods:
        assert squash(method.title) in seen
        for step in method.steps:
            assert squash(step.title) in seen
    # An unchecked legal fact is boxed on paper too, never printed as raw Markdown.
    unchecked = [b for m in handbook.methods for b in m.legal_basis if b.needs_check]
    assert unchecked and seen.count("Rättsläge att kontrollera") >= len(unchecked)
    assert "!!!" not in seen
