"""The PDF download, read back with poppler as a reader's PDF viewer would.

pdfinfo gives metadata, page sizes and the tag tree, pdftotext the text a
reader can search and copy, pdffonts the embedded fonts. The form fields are
read from the PDF's own objects.
"""

from __future__ import annotations

import dataclasses
import gc
import io
import re
import statistics
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from poppler import (PDF_STRING, embedded_font_programs, fonts, pdf_object, pdf_objects, pdf_string, run,
                     structure_tags)
from verktygsladan.downloads import pdf_writer
from verktygsladan.downloads.fonts import FORM_CHARACTERS, FORM_FAMILY, FontMissing, form_font, form_font_face, \
    system_font_file
from verktygsladan.downloads.formats import FORMATS
from verktygsladan.downloads.model import LANGUAGE, LICENCE, Item, Section, Table, documents_for

# What someone filling in a form in Sweden or elsewhere in Europe may type (issue 18).
TYPED = "åäöÅÄÖéüßæøÆØ“”‘’„–—…€"
# Issue 18: a template or checklist PDF is at most 80 kB, a kB as the site counts it beside each link.
MAX_SIZE = 80 * 1024




def _save(data: bytes, tmp_path: Path, name: str = "dokument.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _info(path: Path) -> dict[str, str]:
    lines = run("pdfinfo", "-isodates", path).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def _page_sizes(path: Path) -> list[str]:
    pages = int(_info(path)["Pages"])
    output = run("pdfinfo", "-f", "1", "-l", str(pages), path)
    return re.findall(r"^Page\s+\d+ size:\s+(.*)$", output, re.MULTILINE)


def _text(path: Path, *pages: int) -> str:
    """The PDF's text with line breaks and runs of spaces made single spaces."""
    page_range = ("-f", str(pages[0]), "-l", str(pages[-1])) if pages else ()
    return " ".join(run("pdftotext", *page_range, path, "-").split())


def _fields(data: bytes) -> list[tuple[str, str]]:
    """(field type, accessible name) of every form field."""
    fields = []
    for annotation in re.findall(r"<</Type /Annot/Subtype /Widget.*?>>(?=\n|$)", pdf_objects(data), re.MULTILINE):
        kind = re.search(r"/FT /(\w+)", annotation)
        name = re.search(r"/TU " + PDF_STRING, annotation)
        if kind and name:
            fields.append((kind.group(1), pdf_string(name.group(1))))
    return sorted(set(fields))


def _field_fonts(data: bytes) -> set[str]:
    """The font resource names the text fields' default appearance (/DA) sets their text in."""
    annotations = re.findall(r"<</Type /Annot/Subtype /Widget.*?>>(?=\n|$)", pdf_objects(data), re.MULTILINE)
    return {re.findall(r"/(\S+) [\d.]+ Tf", pdf_string(da.group(1)))[-1] for annotation in annotations
            if "/FT /Tx" in annotation and (da := re.search(r"/DA " + PDF_STRING, annotation))}


def _form_font(data: bytes) -> tuple[str, TTFont]:
    """The embedded font the text fields use: its name and the font itself."""
    resources = _field_fonts(data)
    # WeasyPrint names a font's resource as its subset tag: "ABCDEF" for "ABCDEF+DejaVu-Sans".
    names = [name for name in embedded_font_programs(data) if name.split("+")[0] in resources]
    assert len(resources) == 1 and len(names) == 1, f"Fälten ska ha ett eget typsnitt, de har {resources}"
    return names[0], TTFont(io.BytesIO(embedded_font_programs(data)[names[0]]))


def _drawn_glyphs(program: bytes) -> int:
    """How many glyphs of an embedded TrueType font have an outline: a cut-down font keeps only those it shows."""
    font = TTFont(io.BytesIO(program))
    return sum(1 for name in font.getGlyphOrder() if font["glyf"][name].numberOfContours != 0)


@pytest.fixture(scope="module")
def template_pdf(corpus_template, tmp_path_factory) -> tuple[bytes, Path]:
    data = pdf_writer.write(corpus_template)
    return data, _save(data, tmp_path_factory.mktemp("mall"))


@pytest.fixture(scope="module")
def checklist_pdf(corpus_checklist, tmp_path_factory) -> tuple[bytes, Path]:
    data = pdf_writer.write(corpus_checklist)
    return data, _save(data, tmp_path_factory.mktemp("checklista"))


# Metadata and file properties


@pytest.mark.parametrize("which", ["template", "checklist"])
def test_metadata_is_the_documents(which, request):
    document = request.getfixturevalue(f"corpus_{which}")
    data, path = request.getfixturevalue(f"{which}_pdf")
    info = _info(path)
    assert info["Title"] == document.title
    assert info["Author"] == document.author
    assert info["Subject"] == document.description
    assert info["CreationDate"].startswith(document.date.isoformat())
    assert info["ModDate"].startswith(document.date.isoformat())
    assert f"/Lang ({LANGUAGE})" in pdf_objects(data)


@pytest.mark.parametrize("which", ["template", "checklist"])
def test_tagged_fillable_a4_with_embedded_fonts(which, request):
    _, path = request.getfixturevalue(f"{which}_pdf")
    info = _info(path)
    assert info["Tagged"] == "yes"
    assert info["Form"] == "AcroForm"
    assert all(size.endswith("(A4)") for size in _page_sizes(path))
    fonts = run("pdffonts", path).splitlines()[2:]
    assert fonts and all("DejaVu-Sans" in font for font in fonts)
    assert all(font.split()[-5] == "yes" for font in fonts), "\n".join(fonts)


def test_same_document_gives_same_bytes(corpus_template, corpus_checklist, template_pdf, checklist_pdf):
    assert pdf_writer.write(corpus_template) == template_pdf[0]
    assert pdf_writer.write(corpus_checklist) == checklist_pdf[0]


@pytest.mark.parametrize("which", ["template", "checklist"])
def test_footer_on_every_page(which, request):
    document = request.getfixturevalue(f"corpus_{which}")
    _, path = request.getfixturevalue(f"{which}_pdf")
    pages = int(_info(path)["Pages"])
    for page in range(1, pages + 1):
        text = _text(path, page)
        assert document.method_title in text
        assert f"Licens {LICENCE}" in text
        # The URL may wrap at a slash in the narrow footer.
        assert document.page_url in text.replace(" ", "")
        assert f"Sida {page} av {pages}" in text


# Template


def test_template_has_title_method_intro_and_headings(corpus_template, template_pdf):
    _, path = template_pdf
    text = _text(path)
    tags = structure_tags(path)
    assert ("H1", corpus_template.title) in tags
    assert f"Metod: {corpus_template.method_title}" in text
    assert corpus_template.description in text
    for section in corpus_template.sections:
        assert ("H2", section.heading) in tags


def test_template_guidance_reads_as_guidance(corpus_template, template_pdf):
    _, path = template_pdf
    text = _text(path)
    guided = [section for section in corpus_template.sections if section.guidance]
    assert guided
    for section in guided:
        assert f"Vägledning {' '.join(block.text for block in section.guidance)}" in text
    # Guidance is set in italic (the corpus template has no other italic text).
    assert "DejaVu-Sans-Oblique" in run("pdffonts", path)


def test_template_fill_in_labels_have_a_text_field_each(corpus_template, template_pdf):
    data, path = template_pdf
    labels = [label for section in corpus_template.sections for label in section.fill_in]
    assert labels
    text = _text(path)
    fields = _fields(data)
    for label in labels:
        assert label in text
        assert ("Tx", label) in fields


def test_template_table_has_headers_row_headings_and_fields_per_cell(corpus_template, template_pdf):
    data, path = template_pdf
    tables = [section.table for section in corpus_template.sections if section.table]
    assert tables
    tags = structure_tags(path)
    fields = _fields(data)
    for table in tables:
        for column in table.columns:
            assert ("TH", column) in tags
        for heading in table.row_headings:
            assert ("TH", heading) in tags
            assert ("Tx", f"{heading}, {table.columns[1]}") in fields
        # Empty rows: every cell, the first one too, can be written in.
        assert ("Tx", f"Rad {len(table.rows)}, {table.columns[0]}") in fields


def test_long_table_repeats_its_header_and_wide_table_turns_landscape(corpus_template, tmp_path):
    narrow = Table(("Fråga", "Svar"), (), 40)
    wide = Table(tuple(f"Kolumn {n}" for n in range(1, 9)), ("Rad ett",), 2)
    document = dataclasses.replace(corpus_template, sections=(
        Section("Lång tabell", (), (), narrow),
        Section("Bred tabell", (), (), wide),
        Section("Efteråt", (), ("Namn",), None),
    ))
    path = _save(pdf_writer.write(document), tmp_path)
    sizes = _page_sizes(path)
    assert len(sizes) >= 4
    assert _text(path, 2).startswith("Fråga Svar")
    wide_page = next(page for page in range(1, len(sizes) + 1) if "Bred tabell" in _text(path, page))
    assert sizes[wide_page - 1].startswith("841.89 x 595.276")
    # The section after the wide table is back on a portrait page.
    after = next(page for page in range(1, len(sizes) + 1) if "Efteråt" in _text(path, page))
    assert after > wide_page and sizes[after - 1].startswith("595.276 x 841.89")


# Checklist


def test_checklist_items_with_level_and_checkbox(corpus_checklist, checklist_pdf):
    data, path = checklist_pdf
    text = _text(path)
    assert ("H1", corpus_checklist.title) in structure_tags(path)
    assert any(item.level for item in corpus_checklist.items)
    checkboxes = [name for kind, name in _fields(data) if kind == "Btn"]
    assert len(checkboxes) == len(corpus_checklist.items)
    for item in corpus_checklist.items:
        # The level is written out right before the item, not shown by colour.
        assert (f"{item.level} {item.text}" if item.level else item.text) in text
        assert (f"{item.level}: {item.text}" if item.level else item.text) in checkboxes


def test_checklist_has_legend_and_room_for_who_when_and_comment(corpus_checklist, checklist_pdf):
    data, path = checklist_pdf
    text = _text(path)
    for name, meaning in corpus_checklist.levels:
        assert f"{name}: {meaning}" in text
    tags = structure_tags(path)
    for column in ("Klar", "Nivå", "Punkt", "Ansvarig", "Datum", "Kommentar"):
        assert ("TH", column) in tags
    fields = _fields(data)
    for number in range(1, len(corpus_checklist.items) + 1):
        for what in ("Ansvarig för punkt", "Datum för punkt", "Kommentar till punkt"):
            assert ("Tx", f"{what} {number}") in fields


# Content that must not be read as markup


def test_text_is_never_markup(corpus_checklist, tmp_path):
    tricky = 'Å <b>fet</b> & {{ mall }} "citat" \\ </style> ö'
    document = dataclasses.replace(
        corpus_checklist, title=tricky, method_title=f"Metod {tricky}",
        items=(Item(f"Punkt {tricky}", "Ska"),))
    data = pdf_writer.write(document)
    path = _save(data, tmp_path)
    assert _info(path)["Title"] == tricky
    assert ("Btn", f"Ska: Punkt {tricky}") in _fields(data)
    # Lines may wrap anywhere in these long strings, so compare without spaces.
    text = _text(path).replace(" ", "")
    squashed = tricky.replace(" ", "")
    assert squashed in text
    assert f"SkaPunkt{squashed}" in text
    assert text.count(f"Metod{squashed}") == 2  # under the title and in the footer


def test_nothing_is_fetched_from_outside():
    fetcher = pdf_writer.offline_fetcher()
    for url in ("https://example.org/stil.css", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher(url)
    assert fetcher("data:text/plain,hej").read() == b"hej"


def test_the_garbage_collector_is_set_back_after_each_pdf_even_one_that_fails(monkeypatch):
    seen = []
    before = gc.get_threshold()
    assert before != pdf_writer.GC_THRESHOLDS, "Testet kräver att Python har andra gränser än PDF-skrivaren."
    pdf = pdf_writer.tagged_pdf('<html lang="sv"><head><title>Prov</title></head><body><p>Hej</p></body></html>')
    assert pdf.startswith(b"%PDF") and gc.get_threshold() == before

    class Broken:
        def __init__(self, **_options):
            seen.append(gc.get_threshold())
            raise RuntimeError("trasig")

    monkeypatch.setattr(pdf_writer.weasyprint, "HTML", Broken)
    with pytest.raises(RuntimeError):
        pdf_writer.tagged_pdf("<html></html>")
    assert seen == [pdf_writer.GC_THRESHOLDS] and gc.get_threshold() == before


# Every real document


@pytest.fixture(scope="module")
def _real_pdf_files(handbook, built_site):
    """The A4 PDF of every real document, and the A3 one of each printed large, as the built site
    holds them: written by the build's worker processes with the writers tested here."""
    files = []
    for method in handbook.methods:
        for document in documents_for(method, handbook):
            for format_ in (f for f in FORMATS if f.extension == "pdf" and f.applies_to(document)):
                writer = pdf_writer.write_large if format_.only_for_print_large else pdf_writer.write
                files.append((writer, document, built_site / "metoder" / method.slug / format_.file_name(document.id)))
    return files


@pytest.fixture(scope="module")
def real_pdfs(_real_pdf_files):
    return [(document, path) for writer, document, path in _real_pdf_files if writer is pdf_writer.write]


@pytest.fixture(scope="module")
def real_large_pdfs(_real_pdf_files):
    return [(document, path) for writer, document, path in _real_pdf_files if writer is pdf_writer.write_large]


def test_every_real_document_is_a_tagged_a4_pdf_with_its_title(real_pdfs):
    assert len(real_pdfs) >= 20
    with ThreadPoolExecutor(4) as pool:
        readings = list(pool.map(lambda pdf: (_info(pdf[1]), _text(pdf[1])), real_pdfs))
    for (document, _), (info, text) in zip(real_pdfs, readings):
        assert info["Tagged"] == "yes", document.id
        assert info["Title"] == document.title, document.id
        assert info["Page size"].endswith("(A4)"), document.id
        assert info["Form"] == "AcroForm", document.id
        assert document.title in text, document.id
        for item in document.items:
            assert (f"{item.level} {item.text}" if item.level else item.text) in text, document.id


def test_real_pdfs_are_small(real_pdfs, real_large_pdfs):
    """At most 80 kB for a document of typical length (issue 18); a longer one may grow with its pages.

    Apart from the fonts, the same in every document, a PDF's bytes are its pages' content, tags
    and fields, so a template of eleven pages of tables cannot be as small as one of two. Typical
    is the median page count of the real documents.
    """
    pdfs = [path for _, path in real_pdfs + real_large_pdfs]
    assert real_large_pdfs, "Inget riktigt dokument har en A3-utgåva att pröva"
    pages = {path: int(_info(path)["Pages"]) for path in pdfs}
    typical = statistics.median(pages.values())
    sizes = {path: path.stat().st_size for path in pdfs}
    too_large = [f"{path.name}: {sizes[path] / 1024:.0f} kB på {pages[path]} sidor" for path in pdfs
                 if sizes[path] > MAX_SIZE * max(1, pages[path] / typical)]
    assert not too_large, (f"Större än 80 kB per {typical:g} sidor (så många sidor har ett typiskt dokument): "
                           + "; ".join(too_large))
    assert statistics.median(sizes.values()) <= MAX_SIZE, "Ett typiskt dokument är större än 80 kB"


def test_real_pdfs_embed_every_font_and_only_the_glyphs_their_text_uses(real_pdfs, real_large_pdfs):
    for _, path in real_pdfs + real_large_pdfs:
        listed = fonts(path)
        assert listed and all(embedded for _, embedded in listed), f"{path.name}: {listed}"
        # A subset's name begins with a tag of six capitals.
        assert all(re.fullmatch(r"[A-Z]{6}\+DejaVu-Sans[-\w]*", name) for name, _ in listed), f"{path.name}: {listed}"
        data = path.read_bytes()
        programs = embedded_font_programs(data)
        assert set(programs) == {name for name, _ in listed}, path.name
        # The fields' font is embedded whole, as a viewer may need any of its glyphs for what is
        # typed; every other font is cut down to what the document shows, far fewer glyphs
        # (a whole DejaVu Sans has some 5,000).
        form, _ = _form_font(data)
        assert form.endswith("+" + FORM_FAMILY.replace(" ", "-")), f"{path.name}: fälten skrivs i {form}"
        typed_in = _drawn_glyphs(programs[form])
        for name, program in programs.items():
            if name != form:
                assert _drawn_glyphs(program) < typed_in, f"{path.name}: {name} är inbäddat helt, inte nedskuret"


def test_real_pdfs_are_the_same_bytes_from_any_process(real_pdfs):
    # The real PDFs were written by the build's worker processes, each of which made the form font anew.
    template = next((document, path) for document, path in real_pdfs if not document.is_checklist)
    checklist = next((document, path) for document, path in real_pdfs if document.is_checklist)
    for document, path in (template, checklist):
        assert pdf_writer.write(document) == path.read_bytes(), f"{document.id} blev inte likadan i en annan process"


# The form fields' font


@pytest.mark.parametrize("which", ["template", "checklist"])
def test_fields_type_in_a_font_of_their_own_that_has_what_a_user_may_type(which, request):
    data, path = request.getfixturevalue(f"{which}_pdf")
    name, font = _form_font(data)
    typed_in = font.getBestCmap()
    basic_latin = "".join(chr(code) for code in range(0x20, 0x7F))
    missing = [ch for ch in basic_latin + TYPED + FORM_CHARACTERS if ord(ch) not in typed_in]
    assert not missing, f"Fältens typsnitt {name} saknar {' '.join(missing)}"
    # Not the body text's font: that one is another, cut down to the page's text.
    assert any(other.endswith("+DejaVu-Sans") and other != name for other, _ in fonts(path)), \
        f"Fälten skrivs i brödtextens typsnitt {name}, som då bäddas in helt"
    # The form's default resources, where a viewer looks the fields' font up, hold it.
    resources = pdf_object(data, int(re.search(r"/AcroForm <<.*?/DR (\d+) 0 R", pdf_objects(data)).group(1)))
    listed = re.search(r"/Font (?:(\d+) 0 R|(<<.*?>>))", resources)
    font_resources = pdf_object(data, int(listed.group(1))) if listed.group(1) else listed.group(2)
    assert re.search(r"/%s \d+ 0 R" % name.split("+")[0], font_resources), font_resources


def test_form_font_is_made_the_same_every_time():
    made = form_font()
    form_font.cache_clear()
    form_font_face.cache_clear()
    assert form_font() == made
    assert FORM_FAMILY in form_font_face()


def test_a_missing_system_font_is_told_in_swedish():
    with pytest.raises(FontMissing, match="finns inte på datorn"):
        system_font_file("Ett typsnitt som inte finns")
