"""Templates and checklists as Word documents (.docx) to fill in at work.

python-docx writes the text, tables and styles. What it has no API for is
built as WordprocessingML with its OxmlElement: checkbox content controls (so
a checklist can be ticked in Word), the "Sida X av Y" fields, hyperlinks, the
repeating table headers and the extra style definitions. The file must open
in Word without repair and read the same in LibreOffice, so only
long-standing, widely supported markup is used.
"""

from __future__ import annotations

import datetime
import io
import itertools
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section as WordSection
from docx.shared import Cm, Length, Pt, RGBColor, Twips
from docx.table import Table as WordTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph

from .model import HANDBOOK_NAME, LANGUAGE, LICENCE, LOGO_HEIGHT_CM, SOURCE_NOTE, Document, Section, Table
from .reproducible import repack_zip
from .rich_text import Block, Run

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGIN = Cm(2)
# The footer holds two lines of source and licence plus the page number.
BOTTOM_MARGIN = Cm(2.5)
# Wider tables get a landscape page so their columns stay wide enough to write in.
MAX_PORTRAIT_COLUMNS = 5

FIELD_HEIGHT = Cm(2.2)
TABLE_ROW_HEIGHT = Cm(1.2)
CHECKLIST_ROW_HEIGHT = Cm(1.0)
TABLE_FONT_SIZE, WIDE_TABLE_FONT_SIZE = Pt(10), Pt(9)
HEADER_FILL = "DCE6F0"
GREY = RGBColor(0x59, 0x59, 0x59)

# Word's own checkbox glyphs and font; LibreOffice substitutes a font with the same glyphs.
CHECKBOX_FONT = "MS Gothic"
UNCHECKED, CHECKED = "\u2610", "\u2612"

MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14_NAMESPACE = "http://schemas.microsoft.com/office/word/2010/wordml"

GUIDANCE_STYLE = "Vägledning"
GUIDANCE_INDENT, LIST_INDENT = Twips(227), Twips(360)
_LIST_STYLES = {"bullet": "List Bullet", "number": "List Number"}
_STYLES = (
    # Guidance is help for the person filling in, not content: a grey, italic, shaded box.
    f"""<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="Vagledning">
      <w:name w:val="{GUIDANCE_STYLE}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
      <w:pPr>
        <w:pBdr><w:left w:val="single" w:sz="24" w:space="6" w:color="8EAADB"/></w:pBdr>
        <w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>
        <w:spacing w:before="0" w:after="120"/>
        <w:ind w:left="{GUIDANCE_INDENT.twips}" w:right="113"/>
      </w:pPr>
      <w:rPr><w:i/><w:iCs/><w:color w:val="595959"/></w:rPr>
    </w:style>""",
    f"""<w:style {nsdecls("w")} w:type="character" w:styleId="Hyperlink">
      <w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
      <w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>
    </w:style>""",
)


def write(document: Document) -> bytes:
    word = docx.Document()
    _require_w14_declared(word)
    _set_up_styles(word)
    _set_up_settings(word)
    _set_up_page(word.sections[0], landscape=False)
    _write_footer(word.sections[0], document)
    _write_metadata(word, document)
    _drop_thumbnail(word)

    body = _Body(word)
    body.title(document)
    if document.is_checklist:
        body.checklist(document)
    else:
        body.template(document)

    output = io.BytesIO()
    word.save(output)
    return repack_zip(output.getvalue(), document.date)


class _Body:
    """Writes the document's content; counts content-control ids so they stay unique and stable."""

    def __init__(self, word: WordDocument) -> None:
        self.word = word
        self.control_ids: Iterator[int] = itertools.count(1)
        self.landscape = False

    def title(self, document: Document) -> None:
        logo = document.logo
        if logo is not None and logo.is_png:  # Word files can hold a PNG; an SVG logo shows on the web and in PDF
            shape = self.word.add_picture(io.BytesIO(logo.data), height=Cm(LOGO_HEIGHT_CM))
            shape._inline.docPr.set("descr", logo.alt)
            shape._inline.docPr.set("name", "Logotyp")
        self.word.add_heading(document.title, level=0)
        method = self.word.add_paragraph()
        method.add_run("Metod: ").bold = True
        method.add_run(document.method_title)
        self.blocks(document.intro)

    # --- templates ---

    def template(self, document: Document) -> None:
        for section in document.sections:
            self.orient_for(section)
            self.word.add_heading(section.heading, level=1)
            self.blocks(section.guidance, style=GUIDANCE_STYLE)
            for label in section.fill_in:
                self.fill_in(label, section.filled_in(label))
            if section.table:
                self.table(section.table, caption=section.heading)

    def orient_for(self, section: Section) -> None:
        landscape = bool(section.table) and len(section.table.columns) > MAX_PORTRAIT_COLUMNS
        if landscape != self.landscape:
            _set_up_page(self.word.add_section(WD_SECTION.NEW_PAGE), landscape=landscape)
            self.landscape = landscape

    def fill_in(self, label: str, value: str = "") -> None:
        heading = self.word.add_paragraph()
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt(6)
        heading.paragraph_format.space_after = Pt(2)
        heading.add_run(label).bold = True
        # An empty bordered box: room to write by hand on paper, and to type in directly in
        # Word and LibreOffice alike. (A text content control would add a "Skriv här"
        # placeholder, but LibreOffice 7.4 turns it into an input field edited through a
        # dialog, and the placeholder is printed on every unfilled form.)
        box = self.word.add_table(rows=1, cols=1, style="Table Grid")
        box.autofit = False
        _set_row(box.rows[0], FIELD_HEIGHT)
        _set_widths(box, [self.text_width])
        _set_table_caption(box, label)
        if value:
            box.rows[0].cells[0].paragraphs[0].add_run(value)
        self.word.add_paragraph().paragraph_format.space_after = Pt(0)

    def table(self, table: Table, caption: str) -> None:
        grid = self.word.add_table(rows=1 + len(table.rows), cols=len(table.columns), style="Table Grid")
        grid.autofit = False
        # Pre-filled row headings are often a few words long; their column gets a little more room.
        weights = [1.5 if table.row_headings else 1] + [1] * (len(table.columns) - 1)
        _set_widths(grid, [Length(self.text_width * weight // sum(weights)) for weight in weights])
        _write_header_row(grid.rows[0], table.columns)
        for row, heading in zip(grid.rows[1:], table.rows):
            _set_row(row, TABLE_ROW_HEIGHT)
            _cell_text(row.cells[0], heading)
        _set_font_size(grid, TABLE_FONT_SIZE if len(table.columns) <= MAX_PORTRAIT_COLUMNS else WIDE_TABLE_FONT_SIZE)
        _set_table_caption(grid, caption)
        self.word.add_paragraph()

    # --- checklists ---

    def checklist(self, document: Document) -> None:
        with_levels = any(item.level for item in document.items)
        if with_levels and document.levels:
            self.word.add_heading("Nivåer", level=1)
            for name, meaning in document.levels:
                paragraph = self.word.add_paragraph()
                paragraph.add_run(name).bold = True
                if meaning:
                    paragraph.add_run(f" – {meaning}")
        self.word.add_heading("Punkter", level=1)
        # The level is written out in its own column, so it never depends on colour.
        level_column = [("Nivå", Cm(1.5))] if with_levels else []
        columns = [("Klar", Cm(1.4)), *level_column, ("Punkt", Cm(6.5) if with_levels else Cm(8.0)),
                   ("Ansvarig", Cm(2.6)), ("Datum", Cm(2.0)), ("Kommentar", Cm(3.0))]
        names = [name for name, _ in columns]
        grid = self.word.add_table(rows=1 + len(document.items), cols=len(columns), style="Table Grid")
        grid.autofit = False
        _set_widths(grid, [width for _, width in columns])
        _write_header_row(grid.rows[0], names)
        for row, item in zip(grid.rows[1:], document.items):
            _set_row(row, CHECKLIST_ROW_HEIGHT)
            box = row.cells[0].paragraphs[0]
            box.alignment = WD_ALIGN_PARAGRAPH.CENTER
            box._p.append(_checkbox(next(self.control_ids)))
            if with_levels:
                _cell_text(row.cells[1], item.level or "")
            _cell_text(row.cells[names.index("Punkt")], item.text)
        _set_font_size(grid, TABLE_FONT_SIZE)
        _set_table_caption(grid, document.title)

    # --- rich text ---

    def blocks(self, blocks: tuple[Block, ...], style: str | None = None) -> None:
        numbering = None
        for block in blocks:
            if block.kind == "paragraph":
                paragraph = self.word.add_paragraph(style=style)
            else:
                paragraph = self.word.add_paragraph(style=style or _LIST_STYLES[block.kind])
            if block.kind == "number":
                # Each list counts from 1; the style's own numbering would run on across sections.
                numbering = numbering or _restarted_num_id(self.word, _style_num_id(self.word, "List Number"))
                _set_list(paragraph, numbering)
            elif block.kind == "bullet" and style:
                # Lists in guidance keep the guidance look and borrow only the bullets.
                _set_list(paragraph, _style_num_id(self.word, "List Bullet"))
            if block.kind != "paragraph" and style:
                # Inside the guidance box, not at the page margin where the list style puts them.
                paragraph.paragraph_format.left_indent = GUIDANCE_INDENT + LIST_INDENT
                paragraph.paragraph_format.first_line_indent = -LIST_INDENT
            if block.kind != "number":
                numbering = None
            for run in block.runs:
                _add_run(paragraph, run)

    @property
    def text_width(self) -> Length:
        section = self.word.sections[-1]
        return Length(section.page_width - section.left_margin - section.right_margin)


# --- content controls and fields ---


def _checkbox(control_id: int) -> OxmlElement:
    """A Word 2010 checkbox content control, unticked."""
    sdt = OxmlElement("w:sdt")
    properties = _sub(sdt, "w:sdtPr")
    _sub(properties, "w:alias", {"w:val": "Klar"})
    _sub(properties, "w:id", {"w:val": str(control_id)})
    checkbox = _sub(properties, "w14:checkbox")
    _sub(checkbox, "w14:checked", {"w14:val": "0"})
    _sub(checkbox, "w14:checkedState", {"w14:val": f"{ord(CHECKED):04X}", "w14:font": CHECKBOX_FONT})
    _sub(checkbox, "w14:uncheckedState", {"w14:val": f"{ord(UNCHECKED):04X}", "w14:font": CHECKBOX_FONT})
    content = _sub(sdt, "w:sdtContent")
    run = _sub(content, "w:r")
    run_properties = _sub(run, "w:rPr")
    _sub(run_properties, "w:rFonts", {"w:ascii": CHECKBOX_FONT, "w:eastAsia": CHECKBOX_FONT,
                                      "w:hAnsi": CHECKBOX_FONT, "w:hint": "eastAsia"})
    _sub(run_properties, "w:sz", {"w:val": "28"})
    _sub(run_properties, "w:szCs", {"w:val": "28"})
    _sub(run, "w:t").text = UNCHECKED
    return sdt


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field such as PAGE; Word and LibreOffice replace the shown value when laying out pages."""
    for kind in ("begin", "instruction", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instruction":
            instr = _sub(run.element, "w:instrText", {"xml:space": "preserve"})
            instr.text = f" {instruction} "
        elif kind == "result":
            run.text = shown
        else:
            _sub(run.element, "w:fldChar", {"w:fldCharType": kind})


def _add_run(paragraph: Paragraph, run: Run) -> None:
    if run.url:
        _add_hyperlink(paragraph, run.text, run.url, bold=run.bold, italic=run.italic)
    else:
        added = paragraph.add_run(run.text)
        if run.bold:
            added.bold = True
        if run.italic:
            added.italic = True


def _add_hyperlink(paragraph: Paragraph, text: str, url: str, *, bold: bool = False, italic: bool = False) -> None:
    relationship = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = _sub(paragraph._p, "w:hyperlink", {"r:id": relationship})
    run = _sub(link, "w:r")
    properties = _sub(run, "w:rPr")
    _sub(properties, "w:rStyle", {"w:val": "Hyperlink"})
    if bold:
        _sub(properties, "w:b")
    if italic:
        _sub(properties, "w:i")
    _sub(run, "w:t", {"xml:space": "preserve"}).text = text


def _sub(parent, tag: str, attributes: dict[str, str] | None = None):
    element = OxmlElement(tag, attrs={qn(name): value for name, value in (attributes or {}).items()})
    parent.append(element)
    return element


# --- tables ---


def _write_header_row(row: _Row, columns) -> None:
    _set_row(row, None, header=True)
    for cell, column in zip(row.cells, columns):
        _cell_text(cell, column, bold=True)
        _sub(cell._tc.get_or_add_tcPr(), "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": HEADER_FILL})


def _set_row(row: _Row, height: Length | None, *, header: bool = False) -> None:
    # Schema order inside w:trPr: cantSplit, trHeight, tblHeader.
    if height is not None:
        row.height = height
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    properties = row._tr.get_or_add_trPr()
    properties.insert(0, OxmlElement("w:cantSplit"))
    if header:
        # Repeated at the top of every page the table runs onto.
        properties.append(OxmlElement("w:tblHeader"))


def _set_widths(table: WordTable, widths: list[Length]) -> None:
    # Word reads the cell widths, LibreOffice the grid; both are set so they agree.
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _set_font_size(table: WordTable, size: Length) -> None:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = size


def _cell_text(cell: _Cell, text: str, *, bold: bool = False) -> None:
    if not text:
        return
    run = cell.paragraphs[0].add_run(text)
    if bold:
        run.bold = True


def _set_table_caption(table: WordTable, caption: str) -> None:
    # The table's title for screen readers ("Alternativ text" in Word).
    # Added last because it closes the w:tblPr sequence.
    _sub(table._tbl.tblPr, "w:tblCaption", {"w:val": caption})


# --- lists ---


def _style_num_id(word: WordDocument, style_name: str) -> int:
    return word.styles[style_name].element.pPr.numPr.numId.val


def _restarted_num_id(word: WordDocument, num_id: int) -> int:
    numbering = word.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(0).add_startOverride(1)
    return num.numId


def _set_list(paragraph: Paragraph, num_id: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id


# --- page, footer, styles, settings, metadata ---


def _set_up_page(section: WordSection, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    section.left_margin = section.right_margin = section.top_margin = MARGIN
    section.bottom_margin = BOTTOM_MARGIN
    section.header_distance = section.footer_distance = Cm(1)


def _write_footer(section: WordSection, document: Document) -> None:
    # Later sections inherit this footer, so it is written once, on the first.
    footer = section.footer
    source = footer.paragraphs[0]
    text, url = document.footer, document.page_url
    if url.startswith(("http://", "https://")) and text.endswith(url):
        source.add_run(text[: -len(url)])
        _add_hyperlink(source, url, url)
    else:
        source.add_run(text)
    pages = footer.add_paragraph(style="Footer")
    pages.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    pages.add_run("Sida ")
    _add_field(pages, "PAGE", "1")
    pages.add_run(" av ")
    _add_field(pages, "NUMPAGES", "1")


def _set_up_styles(word: WordDocument) -> None:
    styles = word.styles.element
    # Swedish for spelling, hyphenation and screen readers, as the default of every style.
    for lang in styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        lang.set(qn("w:val"), LANGUAGE)
    normal = word.styles["Normal"]
    # The template's body font is a serif; forms read better in the sans-serif of its headings.
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    _sub(normal.element.get_or_add_rPr(), "w:lang", {"w:val": LANGUAGE})
    footer = word.styles["Footer"]
    footer.font.size = Pt(8)
    footer.font.color.rgb = GREY
    for xml in _STYLES:
        styles.append(parse_xml(xml))
    # Table text would otherwise touch the cell borders above and below it.
    for margin in styles.xpath('w:style[@w:styleId="TableGrid"]/w:tblPr/w:tblCellMar/*[self::w:top or self::w:bottom]'):
        margin.set(qn("w:w"), "57")


def _set_up_settings(word: WordDocument) -> None:
    settings = word.settings.element
    for element in settings.xpath("w:themeFontLang"):
        element.set(qn("w:val"), LANGUAGE)
    # Swedish number format for anyone who adds formulas to the tables.
    for element in settings.xpath("w:decimalSymbol"):
        element.set(qn("w:val"), ",")
    for element in settings.xpath("w:listSeparator"):
        element.set(qn("w:val"), ";")


def _require_w14_declared(word: WordDocument) -> None:
    """Checkboxes use the Word 2010 namespace; Word repairs the file unless the root declares it ignorable."""
    root = word.element
    ignorable = (root.get(f"{{{MC_NAMESPACE}}}Ignorable") or "").split()
    if root.nsmap.get("w14") != W14_NAMESPACE or "w14" not in ignorable:
        raise RuntimeError("python-docx's template no longer declares w14 as mc:Ignorable")


def _write_metadata(word: WordDocument, document: Document) -> None:
    timestamp = datetime.datetime.combine(document.date, datetime.time())
    properties = word.core_properties
    properties.title = _fit(document.title)
    properties.author = _fit(document.author)
    properties.last_modified_by = _fit(document.author)
    properties.subject = _fit(document.description)
    properties.comments = _fit(f"{HANDBOOK_NAME}. {SOURCE_NOTE}. Licens {LICENCE}. {document.page_url}".strip())
    properties.keywords = _fit(f"{document.method_title}; {document.kind}; Verktygslådan")
    properties.category = document.kind
    properties.identifier = document.id
    properties.language = LANGUAGE
    properties.created = properties.modified = timestamp
    properties.revision = 1


def _fit(text: str, limit: int = 255) -> str:
    """Office metadata fields hold at most 255 characters; cut at a word."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _drop_thumbnail(word: WordDocument) -> None:
    # python-docx's template carries a preview of a blank page, which would misrepresent the file.
    relationships = word.part.package.rels
    for r_id in [r_id for r_id, rel in relationships.items() if rel.reltype == RT.THUMBNAIL]:
        del relationships[r_id]
