"""Excel downloads, read back the way a reader's spreadsheet program reads them."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import zipfile
from xml.sax.saxutils import unescape

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from libreoffice import print_to_pdf, printed_text, recalculated_xlsx
from verktygsladan.downloads.layout import layout
from verktygsladan.downloads.model import LANGUAGE, LICENCE
from verktygsladan.downloads.xlsx_writer import CHECKLIST_COLUMNS, STATUSES, write

COLUMNS = [name for name, _ in CHECKLIST_COLUMNS]
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def only_table(sheet):
    (table,) = sheet.tables.values()
    return table


def table_rows(sheet) -> list[tuple]:
    """The rows of the sheet's Excel table, header first."""
    return [tuple(cell.value for cell in row) for row in sheet[only_table(sheet).ref]]


def header_row(sheet) -> int:
    return sheet[only_table(sheet).ref][0][0].row


def sheet_text(sheet) -> str:
    return "\n".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None)


def validation_for(sheet, kind: str):
    (validation,) = [v for v in sheet.data_validations.dataValidation if v.type == kind]
    return validation


@pytest.fixture(scope="module")
def checklist_book(corpus_checklist):
    return load(write(corpus_checklist))


@pytest.fixture(scope="module")
def template_book(corpus_template):
    return load(write(corpus_template))


@pytest.fixture(scope="module")
def real_workbooks(real_documents):
    return [(document, write(document)) for document in real_documents if document.has_tables]


# Checklists -----------------------------------------------------------------------------------------------------

def test_checklist_has_one_sheet_with_title_method_and_intro(checklist_book, corpus_checklist):
    assert checklist_book.sheetnames == ["Checklista"]
    sheet = checklist_book["Checklista"]
    assert sheet["A1"].value == corpus_checklist.title
    assert sheet["A2"].value == f"Metod: {corpus_checklist.method_title}"
    text = sheet_text(sheet)
    for block in corpus_checklist.intro:
        assert block.text in text


def test_checklist_has_level_legend(checklist_book, corpus_checklist):
    text = sheet_text(checklist_book["Checklista"])
    for name, meaning in corpus_checklist.levels:
        assert f"{name}: {meaning}" in text


def test_checklist_table_has_every_item_with_its_level(checklist_book, corpus_checklist):
    sheet = checklist_book["Checklista"]
    header, *rows = table_rows(sheet)
    assert list(header) == COLUMNS
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (number, item.level, item.text) for number, item in enumerate(corpus_checklist.items, start=1)]
    assert {"Kärna", "Bör"} <= {row[1] for row in rows}
    assert all(value is None for row in rows for value in row[3:]), "Status, Ansvarig, Datum, Kommentar ska vara tomma"


def test_checklist_items_keep_swedish_letters(real_workbooks):
    checklists = [(document, load(data)) for document, data in real_workbooks if document.is_checklist]
    assert checklists
    all_items = ""
    for document, book in checklists:
        header, *rows = table_rows(book["Checklista"])
        # Found by header text, as the checklist page's export finds them.
        punkt, niva = header.index("Punkt"), header.index("Nivå")
        assert [row[punkt] for row in rows] == [item.text for item in document.items]
        assert [row[niva] for row in rows] == [item.level for item in document.items]
        all_items += "".join(item.text for item in document.items)
    assert {"å", "ä", "ö"} <= set(all_items)


def test_checklist_table_is_a_styled_excel_table(checklist_book):
    table = only_table(checklist_book["Checklista"])
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", table.displayName)
    assert table.tableStyleInfo.name.startswith("TableStyle")
    assert [column.name for column in table.tableColumns] == COLUMNS


def test_status_column_has_swedish_dropdown(checklist_book, corpus_checklist):
    sheet = checklist_book["Checklista"]
    first = header_row(sheet) + 1
    last = first + len(corpus_checklist.items) - 1
    validation = validation_for(sheet, "list")
    assert validation.formula1 == '"' + ",".join(STATUSES) + '"'
    assert set(STATUSES) == {"Inte påbörjad", "Pågår", "Klar", "Ej aktuell"}
    assert str(validation.sqref) == f"D{first}:D{last}"
    assert sheet[f"D{header_row(sheet)}"].value == "Status"
    assert validation.showInputMessage and validation.showErrorMessage
    assert validation.promptTitle == "Status" and "Välj" in validation.prompt
    assert validation.errorTitle == "Ogiltig status" and "Välj" in validation.error
    assert not validation.showDropDown, "showDropDown=True döljer listpilen i Excel"


def test_date_column_has_date_validation_and_format(checklist_book, corpus_checklist):
    sheet = checklist_book["Checklista"]
    first = header_row(sheet) + 1
    last = first + len(corpus_checklist.items) - 1
    assert sheet[f"F{header_row(sheet)}"].value == "Datum"
    validation = validation_for(sheet, "date")
    assert str(validation.sqref) == f"F{first}:F{last}"
    assert "åååå-mm-dd" in validation.prompt
    assert validation.errorTitle == "Ogiltigt datum"
    assert all(sheet[f"F{row}"].number_format == "yyyy-mm-dd" for row in range(first, last + 1))


def test_checklist_header_stays_in_view_and_prints_on_every_page(checklist_book):
    sheet = checklist_book["Checklista"]
    row = header_row(sheet)
    assert sheet.freeze_panes == f"A{row + 1}"
    assert sheet.print_title_rows == f"${row}:${row}"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0


def test_checklist_cells_wrap_and_columns_have_widths(checklist_book):
    sheet = checklist_book["Checklista"]
    item_row = header_row(sheet) + 1
    assert sheet[f"C{item_row}"].alignment.wrap_text
    assert sheet.column_dimensions["C"].width >= 40
    assert all(sheet.column_dimensions[letter].width for letter in "ABCDEFG")


# Templates ------------------------------------------------------------------------------------------------------

def table_sections(document):
    return [section for section in document.sections if section.table]


def test_template_has_about_sheet_then_one_sheet_per_table(template_book, corpus_template):
    assert template_book.sheetnames == ["Om mallen"] + [s.heading for s in table_sections(corpus_template)]


def test_about_sheet_has_title_intro_fill_in_rooms_and_source(template_book, corpus_template):
    sheet = template_book["Om mallen"]
    assert sheet["A1"].value == corpus_template.title
    assert sheet["A2"].value == f"Metod: {corpus_template.method_title}"
    text = sheet_text(sheet)
    for block in corpus_template.intro:
        assert block.text in text
    for section in corpus_template.sections:
        assert section.heading in text
        for label in section.fill_in:
            (label_cell,) = [c for row in sheet.iter_rows() for c in row if c.value == label]
            room = sheet.cell(label_cell.row, label_cell.column + 1)
            assert room.value is None and room.border.left.style == "thin", f"Ingen ruta att skriva i bredvid {label}"
            assert sheet.row_dimensions[room.row].height >= 30
    guidance = [b for s in corpus_template.sections if not s.table for b in s.guidance]
    assert guidance
    for block in guidance:
        (cell,) = [c for row in sheet.iter_rows() for c in row if c.value == block.text]
        assert cell.style == "Vägledning" and cell.font.italic
    source = next(value for value in sheet["A"] if str(value.value).startswith("Källa:")).value
    for part in (corpus_template.method_title, LICENCE, corpus_template.page_url):
        assert part in source


def test_about_sheet_links_to_each_table_sheet(template_book, corpus_template):
    sheet = template_book["Om mallen"]
    links = [cell.hyperlink.location for row in sheet.iter_rows() for cell in row if cell.hyperlink]
    assert links == [f"'{s.heading}'!A1" for s in table_sections(corpus_template)]


def test_template_table_sheets_have_heading_header_and_row_headings(template_book, corpus_template):
    for section in table_sections(corpus_template):
        sheet = template_book[section.heading]
        assert sheet["A1"].value == section.heading
        text = sheet_text(sheet)
        for block in section.guidance:
            assert block.text in text
        header, *rows = table_rows(sheet)
        assert header == section.table.columns
        assert [row[0] or "" for row in rows] == list(section.table.rows)
        assert all(value is None for row in rows for value in row[1:])
        row = header_row(sheet)
        assert sheet.freeze_panes == f"A{row + 1}"
        assert sheet.print_title_rows == f"${row}:${row}"
        assert all(sheet.row_dimensions[r].height >= 30 for r in range(row + 1, row + 1 + len(rows)))


def test_real_template_guidance_and_tables(real_workbooks):
    templates = [(d, load(data)) for d, data in real_workbooks if not d.is_checklist]
    assert templates
    for document, book in templates:
        sections = table_sections(document)
        assert len(book.sheetnames) == 1 + len(sections)
        for section, name in zip(sections, book.sheetnames[1:]):
            sheet = book[name]
            assert sheet["A1"].value == section.heading
            assert [c for c in table_rows(sheet)[0]] == list(section.table.columns)
            text = sheet_text(sheet)
            # Bullets get a "• " and links their address, so look for each block's first run.
            assert all(block.runs[0].text.strip() in text for block in section.guidance)
        about = sheet_text(book["Om mallen"])
        assert all(label in about for section in document.sections for label in section.fill_in)


# Both -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", ["corpus_checklist", "corpus_template"])
def test_properties(fixture, request):
    document = request.getfixturevalue(fixture)
    properties = load(write(document)).properties
    assert properties.title == document.title
    assert properties.creator == document.author
    assert properties.language == LANGUAGE == "sv-SE"
    assert properties.description == document.description and properties.subject
    midnight = datetime.datetime.combine(document.date, datetime.time())
    assert properties.created == midnight and properties.modified == midnight
    assert properties.lastModifiedBy


@pytest.mark.parametrize("fixture", ["corpus_checklist", "corpus_template"])
def test_every_sheet_prints_title_footer_and_page_numbers(fixture, request):
    document = request.getfixturevalue(fixture)
    for sheet in load(write(document)).worksheets:
        assert sheet.oddHeader.left.text == document.title
        footer = sheet.oddFooter.center.text
        for part in (document.method_title, LICENCE, document.page_url, "Sida &P av &N"):
            assert part in footer


@pytest.mark.parametrize("fixture", ["corpus_checklist", "corpus_template"])
def test_byte_identical(fixture, request):
    document = request.getfixturevalue(fixture)
    assert write(document) == write(document)


def test_every_real_document_is_a_valid_workbook(real_documents, real_workbooks):
    assert len(real_workbooks) == sum(d.has_tables for d in real_documents) > 0
    for document, data in real_workbooks:
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        book = load(data)
        assert book.properties.title == document.title
        names = [name.casefold() for name in book.sheetnames]
        assert len(set(names)) == len(names), document.id
        table_names = []
        for sheet in book.worksheets:
            assert len(sheet.title) <= 31 and not SHEET_NAME_FORBIDDEN.search(sheet.title), sheet.title
            # Excel limits a header or footer to 255 characters, formatting codes included.
            footer = sheet.HeaderFooter.oddFooter
            assert len(unescape(str(footer))) <= 255, document.id
            assert len(unescape(str(sheet.HeaderFooter.oddHeader))) <= 255, document.id
            for part in (document.method_title, LICENCE, document.page_url):
                assert part in footer.center.text
            assert int(sheet.page_setup.paperSize) == 9  # A4
            for table in sheet.tables.values():
                table_names.append(table.displayName.casefold())
                header = table_rows(sheet)[0]
                assert [column.name for column in table.tableColumns] == list(header)
                assert sheet.print_title_rows and sheet.freeze_panes
        assert len(set(table_names)) == len(table_names)


# Opened in LibreOffice ------------------------------------------------------------------------------------------

def test_libreoffice_prints_checklist_and_template(tmp_path, corpus_template, swedish_checklist):
    checklist = swedish_checklist
    pdfs = print_to_pdf(tmp_path, "xlsx", {"checklista": write(checklist), "mall": write(corpus_template)})
    # Without -layout: a sheet's wrapped cells would otherwise interleave their lines.
    texts = {name: printed_text(pdf, layout=False) for name, pdf in pdfs.items()}
    for item in checklist.items:
        assert " ".join(item.text.split()) in texts["checklista"]
    for heading in ("Nr", "Nivå", "Punkt", "Status", "Ansvarig", "Datum", "Kommentar", "Sida 1 av"):
        assert heading in texts["checklista"]
    template = texts["mall"]
    assert corpus_template.title in template
    for section in corpus_template.sections:
        assert section.heading in template
        assert all(label in template for label in section.fill_in)
        if section.table:
            assert all(column in template for column in section.table.columns)
            assert all(heading in template for heading in section.table.row_headings)
    assert "Områdets namn" in template and LICENCE in template


def test_every_cell_font_has_a_name(real_workbooks):
    # A font without a name falls back to a serif in some spreadsheet programs.
    for document, data in real_workbooks:
        for sheet in load(data).worksheets:
            unnamed = [cell.coordinate for row in sheet.iter_rows() for cell in row
                       if cell.has_style and not cell.font.name]
            assert unnamed == [], (document.id, sheet.title)


def test_sheet_names_are_whole_words(real_workbooks):
    for document, data in real_workbooks:
        for sheet in load(data).worksheets[1:] if not document.is_checklist else []:
            heading_words = next(s.heading for s in document.sections if s.table and
                                 s.heading.startswith(sheet.title.split(" (")[0])).split()
            assert sheet.title.split(" (")[0].split() == heading_words[:len(sheet.title.split(" (")[0].split())]


def test_table_sheets_take_column_widths_and_orientation_from_the_layout(real_workbooks):
    checked = 0
    for document, data in real_workbooks:
        if document.is_checklist:
            continue
        book = load(data)
        plan = layout(document)
        tables = [(section, part) for section, part in zip(document.sections, plan.parts) if section.table]
        for (section, part), name in zip(tables, book.sheetnames[1:]):
            sheet = book[name]
            widths = [sheet.column_dimensions[get_column_letter(index)].width
                      for index in range(1, len(section.table.columns) + 1)]
            # The same proportions as the Word, OpenDocument and PDF tables.
            assert [w / sum(widths) for w in widths] == pytest.approx(
                [w / sum(part.table.widths) for w in part.table.widths], abs=0.005), name
            assert sheet.page_setup.orientation == ("landscape" if part.page.landscape else "portrait"), name
            checked += 1
    assert checked > 10


def test_a_checklist_with_phases_names_each_items_phase_and_keeps_every_other_header(corpus_checklist):
    phases = ("Planbesked", "Detaljplan – uppstart")
    items = tuple(dataclasses.replace(item, phase=phases[min(index, 1)])
                  for index, item in enumerate(corpus_checklist.items))
    sheet = load(write(dataclasses.replace(corpus_checklist, items=items)))["Checklista"]
    header, *rows = table_rows(sheet)
    assert [name for name in header if name != "Skede"] == COLUMNS
    assert [row[header.index("Skede")] for row in rows] == [item.phase for item in items]
    # The status list and the date check follow their columns wherever they are.
    status = get_column_letter(header.index("Status") + 1)
    assert str(validation_for(sheet, "list").sqref).startswith(f"{status}{header_row(sheet) + 1}:")


def test_olikhetsindex_sheet_computes_the_index_from_the_counts_a_reader_enters(tmp_path, real_documents):
    """A kommun types in its counts per area; LibreOffice must then show each share and D = ½ Σ |a/A − b/B|."""
    tables = [(document, section) for document in real_documents for section in document.sections
              if section.table and section.table.dissimilarity_index]
    assert tables, "Ingen mall räknar ut olikhetsindex"
    document, section = tables[0]
    book = load(write(document))
    sheet = next(book[name] for name in book.sheetnames if book[name]["A1"].value == section.heading)
    first = header_row(sheet) + 1
    # Four areas; a fifth row is left empty as a kommun with fewer areas than rows would.
    counts = [(120, 480), (300, 310), (0, 250), (580, 160)]
    assert len(section.table.rows) > len(counts) + 1
    for offset, (group_a, group_b) in enumerate(counts):
        sheet.cell(first + offset, 2, group_a)
        sheet.cell(first + offset, 3, group_b)
    filled = io.BytesIO()
    book.save(filled)

    values = openpyxl.load_workbook(recalculated_xlsx(tmp_path, filled.getvalue()), data_only=True)[sheet.title]
    total_a, total_b = sum(a for a, _ in counts), sum(b for _, b in counts)
    for offset, (group_a, group_b) in enumerate(counts):
        row = [values.cell(first + offset, column).value for column in (4, 5, 6)]
        assert row == pytest.approx([group_a / total_a, group_b / total_b, abs(group_a / total_a - group_b / total_b)])
    expected = sum(abs(a / total_a - b / total_b) for a, b in counts) / 2
    result_row = first + len(section.table.rows) - 1
    assert values.cell(result_row, 1).value == section.table.result_row
    assert values.cell(result_row, 6).value == pytest.approx(expected)
    assert values.cell(first + len(counts), 6).value in (None, "")
