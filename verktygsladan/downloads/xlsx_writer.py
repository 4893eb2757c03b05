"""Excel workbooks of checklists and of templates that contain tables.

A spreadsheet is where readers track a checklist (status, who, when) or
collect a template's table rows together. Each table becomes a real Excel
table with a header row that stays in view and prints on every page; the
rest of a template (its questions to answer) goes on a first sheet,
"Om mallen", so nothing of the template is lost.

openpyxl cannot measure text, so row heights are worked out with the layout
model's measure of the font: Excel and LibreOffice do not grow merged or
fixed-height rows by themselves, and clipped guidance would be unreadable on
paper. The font, a table's column widths and its print orientation are the
layout model's too (layout.py), so a sheet prints like the other formats.
"""

from __future__ import annotations

import datetime
import html
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.drawing.image import Image as ExcelImage
from openpyxl.writer.excel import ExcelWriter

from .layout import Fonts, Part, TableLayout, layout, line_count
from .model import HANDBOOK_NAME, LANGUAGE, LOGO_HEIGHT_CM, SOURCE_NOTE, Document, Section
from .rich_text import Block
from .reproducible import repack_zip

LAST_MODIFIED_BY = "Verktygslådan"
ABOUT_SHEET = "Om mallen"
CHECKLIST_SHEET = "Checklista"
CHECKLIST_COLUMNS = (("Nr", 5), ("Nivå", 8), ("Punkt", 60), ("Status", 16), ("Ansvarig", 20), ("Datum", 13),
                     ("Kommentar", 40))
# A checklist grouped by phase says each item's phase in a column of its own, after the number, so the
# sheet can be sorted and filtered by phase; the other headers stay as they are.
PHASE_COLUMN = ("Skede", 24)
STATUSES = ("Inte påbörjad", "Pågår", "Klar", "Ej aktuell")
DATE_FORMAT = "yyyy-mm-dd"
# A date outside these is a typing mistake (e.g. "26-11-01" read as year 26).
EARLIEST_DATE, LATEST_DATE = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)
TABLE_STYLE = "TableStyleMedium2"

# Excel refuses a header or footer longer than 255 characters, codes included.
HEADER_FOOTER_LIMIT = 255
# Excel's width unit, one digit of the workbook's default font (Calibri 11), in centimetres.
WIDTH_UNIT_CM = 0.19
TEXT_SIZE = 11  # points: Excel's own default, for reading on screen
LINE_HEIGHT = 15  # points per line of 11 pt text
WRITING_ROOM = 2 * LINE_HEIGHT  # an empty row must be tall enough to write in by hand
FILL_IN_ROOM = 3 * LINE_HEIGHT
# Sheet names: at most 31 characters, none of these, unique regardless of case.
SHEET_NAME_LIMIT = 31
# Named on every cell style: a font without a name falls back to a serif in some programs. The
# documents' one family; family 2 ("swiss") makes Excel substitute a sans-serif where it is missing.
FONT = Fonts().family
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
# Control characters that the XML in an xlsx file cannot hold.
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _font(**properties) -> Font:
    return Font(name=FONT, family=2, **properties)


_BORDER_SIDE = Side(style="thin", color="808080")
_BORDER = Border(left=_BORDER_SIDE, right=_BORDER_SIDE, top=_BORDER_SIDE, bottom=_BORDER_SIDE)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write(document: Document) -> bytes:
    workbook = Workbook()
    _add_styles(workbook)
    if document.is_checklist:
        _write_checklist(workbook.active, document)
    else:
        _write_template(workbook, document)
    for sheet in workbook.worksheets:
        _set_header_and_footer(sheet, document)
    _set_properties(workbook, document)
    alternative = html.escape(document.logo.alt, quote=True) if document.logo else ""
    # openpyxl names every picture "Picture"; the logo's alternative text goes in its place.
    return repack_zip(_save(workbook), document.date,
                      edit=lambda name, data: data.replace(b'descr="Picture"', f'descr="{alternative}"'.encode())
                      if name.startswith("xl/drawings/") else data)


# Styles ---------------------------------------------------------------------------------------------------------

def _add_styles(workbook: Workbook) -> None:
    """Named cell styles, so a reader who adds rows can reuse them by name (e.g. "Vägledning")."""
    styles = [
        NamedStyle("Titel", font=_font(bold=True, size=16, color="1F3864")),
        NamedStyle("Rubrik", font=_font(bold=True, size=13, color="1F3864"), alignment=_WRAP),
        NamedStyle("Brödtext", font=_font(), alignment=_WRAP),
        NamedStyle("Vägledning", font=_font(italic=True, color="505050"),
                   fill=PatternFill("solid", fgColor="F2F2F2"), alignment=_WRAP),
        NamedStyle("Ledtext", font=_font(bold=True), alignment=_WRAP),
        NamedStyle("Ifyllnad", font=_font(), border=_BORDER, alignment=_WRAP),
        # Explicit header colours, because LibreOffice does not draw Excel's table styles.
        NamedStyle("Tabellrubrik", font=_font(bold=True, color="FFFFFF"),
                   fill=PatternFill("solid", fgColor="1F4E79"), border=_BORDER, alignment=_WRAP),
        NamedStyle("Radrubrik", font=_font(bold=True), fill=PatternFill("solid", fgColor="DDEBF7"),
                   border=_BORDER, alignment=_WRAP),
        NamedStyle("Liten text", font=_font(size=9, color="505050"), alignment=_WRAP),
    ]
    for style in styles:
        workbook.add_named_style(style)


# Checklist ------------------------------------------------------------------------------------------------------

def _write_checklist(sheet: Worksheet, document: Document) -> None:
    sheet.title = CHECKLIST_SHEET
    spec = list(CHECKLIST_COLUMNS)
    phased = any(item.phase for item in document.items)
    if phased:
        spec.insert(1, PHASE_COLUMN)
    columns = [name for name, _ in spec]
    widths = [width for _, width in spec]
    column = {name: index for index, name in enumerate(columns, start=1)}
    _set_column_widths(sheet, widths)
    row = _write_title(sheet, document, widths)
    if document.levels:
        row = _write_text(sheet, row, "Nivåer", "Ledtext", widths)
        for name, meaning in document.levels:
            row = _write_text(sheet, row, f"{name}: {meaning}" if meaning else name, "Brödtext", widths)
        row += 1
    header_row = row
    _write_header(sheet, header_row, columns, widths)
    for number, item in enumerate(document.items, start=1):
        row = header_row + number
        _write_cell(sheet, row, column["Nr"], number, "Ifyllnad").alignment = Alignment(horizontal="center",
                                                                                      vertical="top")
        if phased:
            _write_cell(sheet, row, column["Skede"], item.phase, "Ifyllnad")
        _write_cell(sheet, row, column["Nivå"], item.level, "Ifyllnad")
        _write_cell(sheet, row, column["Punkt"], item.text, "Ifyllnad")
        for empty in range(column["Status"], len(columns) + 1):
            _write_cell(sheet, row, empty, None, "Ifyllnad")
        sheet.cell(row, column["Datum"]).number_format = DATE_FORMAT
        sheet.row_dimensions[row].height = max(WRITING_ROOM, _text_height(item.text, widths[column["Punkt"] - 1]))
    last_row = header_row + max(len(document.items), 1)
    _add_table(sheet, CHECKLIST_SHEET, header_row, last_row, len(columns))
    status, date = get_column_letter(column["Status"]), get_column_letter(column["Datum"])
    _add_status_validation(sheet, f"{status}{header_row + 1}:{status}{last_row}")
    _add_date_validation(sheet, f"{date}{header_row + 1}:{date}{last_row}", document.date)
    _write_source(sheet, last_row + 2, document, widths)
    # Wide enough to track in: as wide on paper as the other formats' landscape pages.
    _set_print_layout(sheet, header_row, landscape=True)


def _add_status_validation(sheet: Worksheet, cells: str) -> None:
    validation = DataValidation(
        type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
        showInputMessage=True, promptTitle="Status", prompt="Välj status i listan: " + ", ".join(STATUSES) + ".",
        showErrorMessage=True, errorStyle="stop", errorTitle="Ogiltig status",
        error="Välj ett av värdena i listan: " + ", ".join(STATUSES) + ".")
    validation.add(cells)
    sheet.add_data_validation(validation)
    # Colour only repeats what the cell says, for a quick overview of what is done.
    for status, fill in (("Klar", "C6EFCE"), ("Pågår", "FFEB9C"), ("Ej aktuell", "E7E6E6")):
        sheet.conditional_formatting.add(
            cells, CellIsRule(operator="equal", formula=[f'"{status}"'], fill=PatternFill("solid", bgColor=fill)))


def _add_date_validation(sheet: Worksheet, cells: str, example: datetime.date) -> None:
    validation = DataValidation(
        type="date", operator="between", allow_blank=True,
        formula1=str(int(to_excel(EARLIEST_DATE))), formula2=str(int(to_excel(LATEST_DATE))),
        showInputMessage=True, promptTitle="Datum",
        prompt=f"Skriv datumet som åååå-mm-dd, till exempel {example.isoformat()}.",
        showErrorMessage=True, errorStyle="stop", errorTitle="Ogiltigt datum",
        error=f"Skriv ett datum mellan {EARLIEST_DATE.isoformat()} och {LATEST_DATE.isoformat()} som åååå-mm-dd.")
    validation.add(cells)
    sheet.add_data_validation(validation)


# Template -------------------------------------------------------------------------------------------------------

def _write_template(workbook: Workbook, document: Document) -> None:
    about = workbook.active
    about.title = ABOUT_SHEET
    plan = layout(document)
    with_table = [index for index, section in enumerate(document.sections) if section.table]
    names = _sheet_names([document.sections[index].heading for index in with_table], taken=[ABOUT_SHEET])
    sheet_of = dict(zip(with_table, names))
    _write_about(about, document, sheet_of)
    for number, (index, name) in enumerate(sheet_of.items(), start=1):
        section = document.sections[index]
        _write_table_section(workbook.create_sheet(name), document, section, plan.parts[index],
                             _table_name(section.heading, number), plan.fonts)


def _write_about(sheet: Worksheet, document: Document, sheet_of: dict[int, str]) -> None:
    """The template's title, intro and questions; each table is a link to its own sheet.

    `sheet_of` maps the index of each section with a table to its sheet's name.
    """
    widths = [40, 60]
    _set_column_widths(sheet, widths)
    row = _write_title(sheet, document, widths)
    if sheet_of:
        row = _write_text(sheet, row, "Skriv i de inramade rutorna. Varje tabell finns på ett eget blad, "
                                      "se flikarna längst ned.", "Liten text", widths) + 1
    for index, section in enumerate(document.sections):
        row = _write_text(sheet, row, section.heading, "Rubrik", widths, height=20)
        if not section.table:
            row = _write_blocks(sheet, row, section.guidance, "Vägledning", widths)
        for label in section.fill_in:
            _write_cell(sheet, row, 1, label, "Ledtext")
            _write_cell(sheet, row, 2, section.filled_in(label) or None, "Ifyllnad")
            sheet.row_dimensions[row].height = max(FILL_IN_ROOM, _text_height(label, widths[0]))
            row += 1
        if section.table:
            name = sheet_of[index]
            _write_cell(sheet, row, 1, "Tabell", "Ledtext")
            link = _write_cell(sheet, row, 2, f"Fyll i tabellen på bladet ”{name}”", "Brödtext")
            link.hyperlink = Hyperlink(ref=link.coordinate, location="'{}'!A1".format(name.replace("'", "''")))
            link.font = _font(color="0563C1", underline="single")
            row += 1
        row += 1
    _write_source(sheet, row, document, widths)
    _set_print_layout(sheet, None, landscape=False)


def _write_table_section(sheet: Worksheet, document: Document, section: Section, part: Part, table_name: str,
                         fonts: Fonts) -> None:
    table = section.table
    widths = _table_widths(part.table, fonts)
    _set_column_widths(sheet, widths)
    row = _write_text(sheet, 1, section.heading, "Rubrik", widths, height=20)
    row = _write_text(sheet, row, f"{document.title} · Metod: {document.method_title}", "Liten text", widths)
    row = _write_blocks(sheet, row, section.guidance, "Vägledning", widths) + 1
    header_row = row
    columns = _unique(table.columns)
    _write_header(sheet, header_row, columns, widths)
    rows = table.rows or ("",)  # an Excel table needs at least one data row
    for offset, heading in enumerate(rows, start=1):
        row = header_row + offset
        _write_cell(sheet, row, 1, heading or None, "Radrubrik" if heading else "Ifyllnad")
        for column in range(2, len(columns) + 1):
            _write_cell(sheet, row, column, None, "Ifyllnad")
        sheet.row_dimensions[row].height = max(WRITING_ROOM, _text_height(heading, widths[0]))
    last_row = header_row + len(rows)
    if table.dissimilarity_index:
        _write_dissimilarity_formulas(sheet, header_row + 1, last_row - 1, last_row)
    _add_table(sheet, table_name, header_row, last_row, len(columns))
    _set_print_layout(sheet, header_row, landscape=part.page.landscape)


def _write_dissimilarity_formulas(sheet: Worksheet, first: int, last: int, result: int) -> None:
    """Columns D–F and the result row of an olikhetsindex table: D = ½ Σ |a_i/A − b_i/B|.

    Columns B and C hold each area's counts of group A and B. A row left empty
    counts as no area, so a kommun with fewer areas than rows gets the right D.
    """
    counts_a, counts_b = f"B${first}:B${last}", f"C${first}:C${last}"
    for row in range(first, last + 1):
        for column, counts, total in (("D", f"B{row}", counts_a), ("E", f"C{row}", counts_b)):
            cell = sheet[f"{column}{row}"]
            cell.value = f'=IF(OR({counts}="",SUM({total})=0),"",{counts}/SUM({total}))'
            cell.number_format = "0.000"
        cell = sheet[f"F{row}"]
        cell.value = f'=IF(AND(D{row}="",E{row}=""),"",ABS(N(D{row})-N(E{row})))'
        cell.number_format = "0.000"
    cell = sheet[f"F{result}"]
    cell.value = f'=IF(OR(SUM({counts_a})=0,SUM({counts_b})=0),"",SUM(F{first}:F{last})/2)'
    cell.number_format = "0.000"
    cell.font = _font(bold=True)


def _table_widths(table: TableLayout, fonts: Fonts) -> list[float]:
    """The layout's column widths, in Excel's units, grown with the larger text on screen: the same
    proportions as in the other formats, and no header word cut in half."""
    return [round(width * TEXT_SIZE / fonts.table / WIDTH_UNIT_CM, 1) for width in table.widths]


def _sheet_names(headings: list[str], taken: list[str]) -> list[str]:
    names: list[str] = []
    used = {name.casefold() for name in taken}
    for number, heading in enumerate(headings, start=1):
        base = _FORBIDDEN_IN_SHEET_NAME.sub("", _clean(heading)).strip().strip("'").strip()
        name = _whole_words(base, SHEET_NAME_LIMIT) or f"Tabell {number}"
        suffix = 2
        while name.casefold() in used:
            tail = f" ({suffix})"
            name = (_whole_words(base, SHEET_NAME_LIMIT - len(tail)) or f"Tabell {number}") + tail
            suffix += 1
        used.add(name.casefold())
        names.append(name)
    return names


def _table_name(heading: str, number: int) -> str:
    """A table name Excel accepts in formulas: ASCII letters, digits and underscores, never a cell address.

    The number makes it unique within the workbook.
    """
    ascii_heading = heading.translate(str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU"))
    return "_".join(["Tabell", str(number), *re.findall(r"[A-Za-z0-9]+", ascii_heading)])[:60]


def _unique(columns: tuple[str, ...]) -> list[str]:
    """Excel tables need distinct, non-empty header texts."""
    result: list[str] = []
    for number, name in enumerate(columns, start=1):
        name = _clean(name).strip() or f"Kolumn {number}"
        candidate, suffix = name, 2
        while candidate.casefold() in {r.casefold() for r in result}:
            candidate, suffix = f"{name} ({suffix})", suffix + 1
        result.append(candidate)
    return result


# Shared layout --------------------------------------------------------------------------------------------------

def _write_title(sheet: Worksheet, document: Document, widths: list[int]) -> int:
    _write_cell(sheet, 1, 1, document.title, "Titel")
    sheet.row_dimensions[1].height = 24
    row = _write_text(sheet, 2, f"Metod: {document.method_title}", "Ledtext", widths)
    return _write_blocks(sheet, row, document.intro, "Brödtext", widths) + 1


def _write_source(sheet: Worksheet, row: int, document: Document, widths: list[int]) -> int:
    row = _write_text(sheet, row, f"Källa: {document.footer}", "Liten text", widths)
    logo = document.logo
    if logo is not None and logo.is_png:  # Excel files can hold a PNG; an SVG logo shows on the web and in PDF
        image = ExcelImage(io.BytesIO(logo.data))
        image.height = round(LOGO_HEIGHT_CM / 2.54 * 96)
        image.width = round(logo.width_for(image.height))
        sheet.add_image(image, f"A{row}")
        sheet.row_dimensions[row].height = LOGO_HEIGHT_CM / 2.54 * 72 + 4
        row += 1
    return row


def _write_blocks(sheet: Worksheet, row: int, blocks: tuple[Block, ...], style: str, widths: list[int]) -> int:
    number = 0
    for block in blocks:
        number = number + 1 if block.kind == "number" else 0
        prefix = {"bullet": "• ", "number": f"{number}. "}.get(block.kind, "")
        row = _write_text(sheet, row, prefix + _block_text(block), style, widths)
    return row


def _block_text(block: Block) -> str:
    # A cell holds plain text, so a link keeps its address in brackets.
    return "".join(f"{run.text} ({run.url})" if run.url and run.url not in run.text else run.text
                   for run in block.runs).strip()


def _write_text(sheet: Worksheet, row: int, text: str, style: str, widths: list[int], height: float = 0) -> int:
    """Text across the whole width of the sheet, in a row tall enough to show all of it."""
    _write_cell(sheet, row, 1, text, style)
    if len(widths) > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    sheet.row_dimensions[row].height = max(height, _text_height(text, sum(widths)))
    return row + 1


def _write_header(sheet: Worksheet, row: int, columns: list[str], widths: list[float]) -> None:
    for column, name in enumerate(columns, start=1):
        _write_cell(sheet, row, column, name, "Tabellrubrik")
    sheet.row_dimensions[row].height = max(_text_height(name, width, bold=True) for name, width in zip(columns, widths))


def _write_cell(sheet: Worksheet, row: int, column: int, value, style: str):
    cell = sheet.cell(row, column)
    cell.style = style
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"  # text that starts with "=" is still text, not a formula
    else:
        cell.value = value
    return cell


def _add_table(sheet: Worksheet, name: str, header_row: int, last_row: int, columns: int) -> None:
    table = Table(displayName=name, ref=f"A{header_row}:{get_column_letter(columns)}{last_row}")
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    sheet.add_table(table)


def _set_column_widths(sheet: Worksheet, widths: list[int]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _set_print_layout(sheet: Worksheet, header_row: int | None, *, landscape: bool) -> None:
    if header_row:
        sheet.freeze_panes = f"A{header_row + 1}"
        sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.6, right=0.6, top=0.8, bottom=0.8, header=0.3, footer=0.3)


def _text_height(text: str, width: float, *, bold: bool = False) -> float:
    """Points needed to show text wrapped in a column `width` units wide, measured as the layout
    measures it, less the cell's padding."""
    lines = line_count(text or "", max(width * WIDTH_UNIT_CM - 0.2, 0.5), TEXT_SIZE, bold=bold)
    return lines * LINE_HEIGHT


def _clean(text: str) -> str:
    return _ILLEGAL_CHARACTERS.sub("", text)


def _whole_words(text: str, limit: int) -> str:
    """As many whole words of text as fit in limit: a sheet tab never shows half a word."""
    words: list[str] = []
    for word in text.split():
        if len(" ".join([*words, word])) > limit:
            break
        words.append(word)
    return " ".join(words).rstrip(" .,;:–-")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip(" .,;–-") + "…"


# Header, footer and properties ----------------------------------------------------------------------------------

def _set_header_and_footer(sheet: Worksheet, document: Document) -> None:
    sheet.oddHeader.left.text = _fit_header_footer([document.title], "&L&9 &R&9 &A")
    sheet.oddHeader.right.text = "&A"  # the sheet's name
    sheet.oddHeader.left.size = sheet.oddHeader.right.size = 9
    # One centred section: a long footer beside a separate page number section would run into it
    # when it wraps, and LibreOffice shows a line break in a footer as the code "_x000a_".
    page = " · Sida &P av &N"
    sheet.oddFooter.center.text = _fit_header_footer(_footer_candidates(document), "&C&8 " + page) + page
    sheet.oddFooter.center.size = 8


def _footer_candidates(document: Document) -> list[str]:
    """The footer, then shorter versions that keep method, licence and page address."""
    without_source = document.footer.replace(f" · {SOURCE_NOTE}", "")
    return [document.footer, without_source, without_source.replace(f" · {HANDBOOK_NAME}", "")]


def _fit_header_footer(candidates: list[str], codes: str) -> str:
    """The first candidate that fits beside the codes, else the last one cut short.

    Only a method title of some 150 characters would need the cut.
    """
    room = HEADER_FOOTER_LIMIT - len(codes)
    for text in candidates:
        if len(_escape(text)) <= room:
            return _escape(text)
    text = _clean(candidates[-1])
    return _escape(_shorten(text, room - text.count("&")))


def _escape(text: str) -> str:
    # A single "&" starts a formatting code in Excel's header and footer language.
    return _clean(text).replace("&", "&&")


def _set_properties(workbook: Workbook, document: Document) -> None:
    properties = workbook.properties
    properties.title = document.title
    properties.creator = document.author
    properties.subject = document.description
    properties.description = document.description
    properties.category = document.kind
    properties.language = LANGUAGE
    properties.lastModifiedBy = LAST_MODIFIED_BY
    midnight = datetime.datetime.combine(document.date, datetime.time())
    properties.created = properties.modified = midnight


def _save(workbook: Workbook) -> bytes:
    # Workbook.save would stamp the current time as "modified"; the writer keeps ours.
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return buffer.getvalue()
