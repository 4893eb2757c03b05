"""Word downloads, read back the way a reader's word processor reads them."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Twips
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph
from lxml import etree

from libreoffice import print_to_pdf, printed_text
from verktygsladan.downloads.docx_writer import write
from verktygsladan.downloads.layout import layout
from verktygsladan.downloads.model import HANDBOOK_NAME, LANGUAGE, LICENCE
from verktygsladan.downloads.rich_text import Block, Run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CHECKLIST_HEADER = ["Klar", "Nivå", "Punkt", "Ansvarig", "Datum", "Kommentar"]


def load(data: bytes):
    return docx.Document(io.BytesIO(data))


def squash(value: str) -> str:
    return " ".join(value.split())


def body(word) -> list:
    """Paragraphs and tables in reading order."""
    return list(word.iter_inner_content())


def paragraphs_in(word, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == style]


def table_with_header(word, header) -> WordTable:
    (table,) = [t for t in word.tables if [c.text for c in t.rows[0].cells] == list(header)]
    return table


NAMESPACES = {"w": W, "w14": W14}


def xpath(element, path: str) -> list:
    return etree.XPath(path, namespaces=NAMESPACES)(element)


def checkboxes(word) -> list:
    return xpath(word.element.body, ".//w:sdt[w:sdtPr/w14:checkbox]")


def is_repeated_header(row) -> bool:
    return bool(row._tr.xpath("./w:trPr/w:tblHeader"))


def row_height(row) -> float:
    return row.height.cm if row.height is not None else 0.0


@pytest.fixture(scope="module")
def checklist_bytes(corpus_checklist):
    return write(corpus_checklist)


@pytest.fixture(scope="module")
def template_bytes(corpus_template):
    return write(corpus_template)


@pytest.fixture(scope="module")
def checklist_word(checklist_bytes):
    return load(checklist_bytes)


@pytest.fixture(scope="module")
def template_word(template_bytes):
    return load(template_bytes)


# Both kinds ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_title_method_and_intro_open_the_document(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    word = request.getfixturevalue(f"{kind}_word")
    texts = [item.text for item in body(word) if isinstance(item, Paragraph)]
    assert texts[:2] == [document.title, f"Metod: {document.method_title}"]
    assert word.paragraphs[0].style.name == "Title"
    assert all(block.text in texts for block in document.intro)


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_language_is_swedish_in_styles_and_metadata(kind, request):
    word = request.getfixturevalue(f"{kind}_word")
    styles = word.styles.element
    assert styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == [LANGUAGE]
    assert word.styles["Normal"].element.xpath("w:rPr/w:lang/@w:val") == [LANGUAGE]
    assert word.settings.element.xpath("w:themeFontLang/@w:val") == [LANGUAGE]
    assert word.core_properties.language == LANGUAGE


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_metadata_is_fixed_to_the_method_date(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    properties = request.getfixturevalue(f"{kind}_word").core_properties
    midnight = datetime.datetime.combine(document.date, datetime.time(), tzinfo=datetime.timezone.utc)
    assert properties.title == document.title
    assert properties.author == properties.last_modified_by == document.author
    assert properties.subject == document.description
    assert properties.created == properties.modified == midnight
    assert properties.revision == 1
    assert properties.category == document.kind


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_footer_names_method_handbook_licence_source_and_page_numbers(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    word = request.getfixturevalue(f"{kind}_word")
    footer = word.sections[0].footer
    text = "\n".join(p.text for p in footer.paragraphs)
    for part in (document.method_title, HANDBOOK_NAME, LICENCE, document.page_url):
        assert part in text
    assert "Sida 1 av 1" in text
    instructions = [squash(i) for i in footer._element.xpath(".//w:instrText/text()")]
    assert instructions == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_pages_are_a4_with_margins(kind, request):
    section = request.getfixturevalue(f"{kind}_word").sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert min(section.left_margin, section.right_margin, section.top_margin, section.bottom_margin) >= Cm(1.9)


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_same_document_gives_same_bytes(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    first = request.getfixturevalue(f"{kind}_bytes")
    assert write(document) == first
    entries = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {entry.date_time[:3] for entry in entries} == {(document.date.year, document.date.month, document.date.day)}


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_w14_namespace_is_declared_ignorable_for_word(kind, request):
    data = request.getfixturevalue(f"{kind}_bytes")
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    assert root.nsmap["w14"] == W14
    assert "w14" in root.get(f"{{{MC}}}Ignorable").split()


def test_no_preview_picture_of_a_blank_page(checklist_bytes):
    assert not any(name.startswith("docProps/thumbnail") for name in zipfile.ZipFile(io.BytesIO(checklist_bytes)).namelist())


# Checklists ----------------------------------------------------------------------------------------------------

def test_checklist_has_level_legend_and_item_heading(checklist_word, corpus_checklist):
    assert paragraphs_in(checklist_word, "Heading 1") == ["Nivåer", "Punkter"]
    for name, meaning in corpus_checklist.levels:
        assert f"{name} – {meaning}" in [p.text for p in checklist_word.paragraphs]


def test_every_item_has_its_level_and_room_for_who_when_and_comment(checklist_word, corpus_checklist):
    table = table_with_header(checklist_word, CHECKLIST_HEADER)
    assert table.style.name == "Table Grid"
    rows = table.rows[1:]
    assert len(rows) == len(corpus_checklist.items)
    for row, item in zip(rows, corpus_checklist.items):
        cells = [cell.text for cell in row.cells]
        assert cells[1:] == [item.level or "", item.text, "", "", ""]
        assert row_height(row) >= 0.9
    assert {"Kärna", "Bör"} <= {item.level for item in corpus_checklist.items}
    assert "ä" in "".join(item.text for item in corpus_checklist.items)


def test_checklist_header_repeats_on_every_page(checklist_word):
    rows = table_with_header(checklist_word, CHECKLIST_HEADER).rows
    assert is_repeated_header(rows[0])
    assert not any(is_repeated_header(row) for row in rows[1:])


def test_every_item_has_an_unticked_word_checkbox(checklist_word, corpus_checklist):
    boxes = checkboxes(checklist_word)
    assert len(boxes) == len(corpus_checklist.items)
    ids = [xpath(box, "string(w:sdtPr/w:id/@w:val)") for box in boxes]
    assert len(set(ids)) == len(ids)
    for box in boxes:
        (checkbox,) = xpath(box, "w:sdtPr/w14:checkbox")
        assert xpath(checkbox, "string(w14:checked/@w14:val)") == "0"
        assert xpath(checkbox, "string(w14:uncheckedState/@w14:val)") == "2610"
        assert xpath(checkbox, "string(w14:checkedState/@w14:val)") == "2612"
        assert xpath(box, "string(w:sdtContent//w:t)") == "☐"
        assert xpath(box, "string(w:sdtContent//w:rFonts/@w:ascii)") in ("MS Gothic", "Segoe UI Symbol")
    # Each checkbox sits in the first cell of its item's row.
    table = table_with_header(checklist_word, CHECKLIST_HEADER)
    assert all(len(xpath(row.cells[0]._tc, ".//w14:checkbox")) == 1 for row in table.rows[1:])


def test_checklist_without_levels_has_no_level_column(corpus_checklist):
    plain = dataclasses.replace(corpus_checklist, items=tuple(
        dataclasses.replace(item, level=None) for item in corpus_checklist.items))
    word = load(write(plain))
    table = table_with_header(word, ["Klar", "Punkt", "Ansvarig", "Datum", "Kommentar"])
    assert [row.cells[1].text for row in table.rows[1:]] == [item.text for item in plain.items]
    assert "Nivåer" not in paragraphs_in(word, "Heading 1")
    assert len(checkboxes(word)) == len(plain.items)


def test_a_checklist_with_phases_names_each_phase_on_a_row_of_its_own(corpus_checklist):
    phases = ("Planbesked", "Detaljplan – uppstart")
    items = tuple(dataclasses.replace(item, phase=phases[min(index, 1)])
                  for index, item in enumerate(corpus_checklist.items))
    word = load(write(dataclasses.replace(corpus_checklist, items=items)))
    rows = table_with_header(word, CHECKLIST_HEADER).rows[1:]
    # A phase's row is one cell across the table; python-docx repeats a merged cell for each column.
    seen = [(row.cells[0].text,) if len({id(cell._tc) for cell in row.cells}) == 1 else (row.cells[2].text,)
            for row in rows]
    expected = [(phases[0],), (items[0].text,), (phases[1],), *((item.text,) for item in items[1:])]
    assert seen == expected
    assert len(checkboxes(word)) == len(items)


# Templates -----------------------------------------------------------------------------------------------------

def test_every_section_is_a_heading(template_word, corpus_template):
    assert paragraphs_in(template_word, "Heading 1") == [s.heading for s in corpus_template.sections]


def test_guidance_has_its_own_visibly_different_style(template_word, corpus_template):
    guidance = [block.text for section in corpus_template.sections for block in section.guidance]
    assert guidance
    assert paragraphs_in(template_word, "Vägledning") == guidance
    style = template_word.styles["Vägledning"]
    assert style.font.italic
    assert style.font.color.rgb not in (None, docx.shared.RGBColor(0, 0, 0))
    assert style.element.xpath("w:pPr/w:shd/@w:fill")


def fields_of(word, section) -> WordTable:
    """The table whose rows are the section's fill-in fields, each label first in its row."""
    (boxes,) = [t for t in word.tables if [row.cells[0].paragraphs[0].text for row in t.rows] == list(section.fill_in)]
    return boxes


def test_every_fill_in_field_is_a_box_with_its_label_at_the_top(template_word, corpus_template):
    sections = [section for section in corpus_template.sections if section.fill_in]
    assert sections
    for section in sections:
        boxes = fields_of(template_word, section)
        # Bordered boxes stacked as the rows of one table, so Tab moves from box to box.
        assert boxes.style.name == "Table Grid" and len(boxes.columns) == 1
        for row, label in zip(boxes.rows, section.fill_in):
            assert row.cells[0].paragraphs[0].runs[0].bold
            assert row_height(row) >= 2
            assert row.cells[0].text == label  # room to write, nothing filled in in the regional handbook
            assert row._tr.xpath("./w:trPr/w:cantSplit")


def test_tables_have_repeated_header_row_headings_and_room_to_write(template_word, corpus_template):
    for section in (s for s in corpus_template.sections if s.table):
        table = table_with_header(template_word, section.table.columns)
        assert table.style.name == "Table Grid"
        assert is_repeated_header(table.rows[0])
        assert [row.cells[0].text for row in table.rows[1:]] == list(section.table.rows)
        assert all(cell.text == "" for row in table.rows[1:] for cell in row.cells[1:])
        assert all(row_height(row) >= 1 for row in table.rows[1:])
        assert all(cell.paragraphs[0].runs[0].bold for cell in table.rows[0].cells)


def test_rich_text_keeps_lists_and_links(corpus_template):
    numbered = (Block((Run("Första steget"),), "number"), Block((Run("Andra steget"),), "number"))
    intro = (Block((Run("Läs mer i "), Run("handboken", url="https://example.org/metoder/"), Run(".")),),
             Block((Run("En punkt", bold=True),), "bullet"), *numbered)
    sections = tuple(dataclasses.replace(section, guidance=numbered) for section in corpus_template.sections)
    word = load(write(dataclasses.replace(corpus_template, intro=intro, sections=sections)))
    (link,) = [p for p in word.paragraphs if p.text == "Läs mer i handboken."][0].hyperlinks
    assert link.address == "https://example.org/metoder/" and link.text == "handboken"
    assert paragraphs_in(word, "List Bullet") == ["En punkt"]
    # Every list counts from 1: each gets a numbering instance that restarts.
    numbered_ids = [p._p.pPr.numPr.numId.val for p in word.paragraphs if p.text in ("Första steget", "Andra steget")]
    assert len(numbered_ids) == 2 * (1 + len(sections))
    assert len(set(numbered_ids)) == 1 + len(sections)
    numbering = word.part.numbering_part.element
    for num_id in set(numbered_ids):
        assert numbering.num_having_numId(num_id).xpath("w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_footer_links_to_the_method_page_when_the_site_address_is_known(corpus_checklist):
    url = "https://verktygsladan.example.se/metoder/exempel/"
    footer = load(write(dataclasses.replace(corpus_checklist, page_url=url))).sections[0].footer
    (link,) = footer.paragraphs[0].hyperlinks
    assert link.address == link.text == url
    assert footer.paragraphs[0].text.endswith(f"Licens {LICENCE} · {url}")


def test_long_description_is_cut_to_fit_office_metadata(corpus_template):
    long = dataclasses.replace(corpus_template, intro=(Block((Run("Lång beskrivning. " * 40),)),))
    subject = load(write(long)).core_properties.subject
    assert len(subject) <= 255 and subject.endswith("…")
    assert long.description.startswith(subject[:-1])


# Every real document -------------------------------------------------------------------------------------------

def test_every_real_document_is_a_complete_word_file(real_documents):
    assert real_documents
    for document in real_documents:
        word = load(write(document))
        texts = [p.text for p in word.paragraphs]
        assert texts[0] == document.title, document.id
        assert word.core_properties.title == document.title
        assert len(word.core_properties.subject) <= 255
        assert document.method_title in word.sections[0].footer.paragraphs[0].text
        for index, section in enumerate(word.sections):
            assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}, document.id
            # Later sections (landscape pages for wide tables) show the first section's footer.
            assert index == 0 or section.footer.is_linked_to_previous
        if document.is_checklist:
            assert len(checkboxes(word)) == len(document.items), document.id
            table_texts = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
            assert all(item.text in table_texts for item in document.items), document.id
        else:
            assert paragraphs_in(word, "Heading 1") == [s.heading for s in document.sections], document.id
            for section in (s for s in document.sections if s.table):
                table = table_with_header(word, section.table.columns)
                assert is_repeated_header(table.rows[0]), document.id
                assert [row.cells[0].text for row in table.rows[1:]] == list(section.table.rows), document.id


def test_wide_tables_get_landscape_pages_as_the_layout_decides(real_documents):
    document = max((d for d in real_documents if d.sections), key=lambda d: max(
        (len(s.table.columns) for s in d.sections if s.table), default=0))
    plan = layout(document)
    word = load(write(document))
    assert {s.orientation for s in word.sections} == {WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE}
    assert word.sections[0].orientation == WD_ORIENT.PORTRAIT
    # A new Word section, with its own orientation, wherever the layout starts a new page.
    turns = [part.page.landscape for part in plan.parts if part.new_page]
    assert [s.orientation == WD_ORIENT.LANDSCAPE for s in word.sections[1:]] == turns
    for section, part in zip(document.sections, plan.parts):
        if section.table:
            table = table_with_header(word, section.table.columns)
            widths = [Twips(int(column.get(qn("w:w")))).cm for column in table._tbl.tblGrid.gridCol_lst]
            assert widths == pytest.approx(part.table.widths, abs=0.01), section.heading


# Opened in LibreOffice -----------------------------------------------------------------------------------------

def assert_numbered_pages(printed: str) -> None:
    pages = re.findall(r"Sida (\d+) av (\d+)", printed)
    assert pages == [(str(page), str(len(pages))) for page in range(1, len(pages) + 1)]


def test_libreoffice_prints_checklist_and_template(tmp_path, corpus_template, swedish_checklist):
    checklist = swedish_checklist
    pdfs = print_to_pdf(tmp_path, "docx", {"checklista": write(checklist), "mall": write(corpus_template)})
    texts = {name: printed_text(pdf) for name, pdf in pdfs.items()}

    printed = texts["checklista"]
    assert squash(checklist.title) in printed
    for item in checklist.items:
        # The level stands on the same line, just before the item.
        assert squash(f"{item.level or ''} {item.text}") in printed
    assert printed.count("☐") == len(checklist.items)
    assert all(column in printed for column in CHECKLIST_HEADER)
    assert_numbered_pages(printed)

    template = texts["mall"]
    assert corpus_template.title in template
    for section in corpus_template.sections:
        assert section.heading in template
        assert all(block.text in template for block in section.guidance)
        assert all(label in template for label in section.fill_in)
        if section.table:
            assert all(column in template for column in section.table.columns)
            assert all(heading in template for heading in section.table.row_headings)
    assert LICENCE in template
    assert_numbered_pages(template)


def test_a_word_file_carries_only_the_styles_it_uses_and_every_style_it_names(real_documents):
    for document in real_documents:
        with zipfile.ZipFile(io.BytesIO(write(document))) as archive:
            names = archive.namelist()
            styles = etree.fromstring(archive.read("word/styles.xml"))
            named = {value for name in names if name.endswith(".xml") and name != "word/styles.xml"
                     for value in re.findall(r'<w:(?:pStyle|rStyle|tblStyle|numStyleId) w:val="([^"]+)"',
                                             archive.read(name).decode("utf-8"))}
        assert not [n for n in names if "stylesWithEffects" in n or n.startswith("customXml/")], document.id
        defined = {style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))}
        assert named and named <= set(defined), (document.id, named - set(defined))
        # What a kept style builds on is kept too, and nothing is kept that nothing needs.
        needed, todo = set(), [*named, *(i for i, s in defined.items() if s.get(qn("w:default")) == "1")]
        while todo:
            style_id = todo.pop()
            if style_id in needed:
                continue
            needed.add(style_id)
            todo += [ref.get(qn("w:val")) for tag in ("w:basedOn", "w:next", "w:link")
                     for ref in defined[style_id].findall(qn(tag))]
        assert set(defined) == needed, document.id
        assert styles.find(qn("w:latentStyles")) is None
