"""Templates and checklists as Word documents (.docx) to fill in at work.

python-docx writes the text, tables and styles. What it has no API for is
built as WordprocessingML with its OxmlElement: checkbox content controls (so
a checklist can be ticked in Word), the "Sida X av Y" fields, hyperlinks, the
repeating table headers and the extra style definitions. The file must open
in Word without repair and read the same in LibreOffice, so only
long-standing, widely supported markup is used. Pages, column widths, fonts
and what stays together on a page come from the layout model (layout.py).
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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section as WordSection
from docx.shared import Cm, Length, Pt, RGBColor, Twips
from docx.table import Table as WordTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml import etree

from .layout import CLOSING_LINE_PT, ChecklistLayout, DocumentLayout, Fonts, Page, Part, TableLayout, layout
from .model import HANDBOOK_NAME, LANGUAGE, LICENCE, LOGO_HEIGHT_CM, SOURCE_NOTE, Document, Section, Table
from .reproducible import repack_zip
from .rich_text import Block, Run

# Word's own checkbox glyphs and font; LibreOffice substitutes a font with the same glyphs.
CHECKBOX_FONT = "MS Gothic"
UNCHECKED, CHECKED = "\u2610", "\u2612"

MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14_NAMESPACE = "http://schemas.microsoft.com/office/word/2010/wordml"

GUIDANCE_STYLE = "Vägledning"
GUIDANCE_INDENT, LIST_INDENT = Twips(227), Twips(360)
_LIST_STYLES = {"bullet": "List Bullet", "number": "List Number"}
# DejaVu Sans's PANOSE classification: what Word matches a substitute by where the font is missing.
_PANOSE = "020B0603030804020204"


def _extra_styles(plan: DocumentLayout) -> tuple[str, ...]:
    colours, fonts = plan.colours, plan.fonts
    return (
        # Guidance is help for the person filling in, not content: a grey, italic, shaded box.
        f"""<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="Vagledning">
          <w:name w:val="{GUIDANCE_STYLE}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
          <w:pPr>
            <w:pBdr><w:left w:val="single" w:sz="24" w:space="6" w:color="{colours.guidance_rule}"/></w:pBdr>
            <w:shd w:val="clear" w:color="auto" w:fill="{colours.guidance_fill}"/>
            <w:spacing w:before="0" w:after="{round(plan.spacing.paragraph_after * 20)}"/>
            <w:ind w:left="{GUIDANCE_INDENT.twips}" w:right="113"/>
          </w:pPr>
          <w:rPr><w:i/><w:iCs/><w:color w:val="{colours.quiet_text}"/><w:sz w:val="{_half_points(fonts.guidance)}"/>
            <w:szCs w:val="{_half_points(fonts.guidance)}"/></w:rPr>
        </w:style>""",
        f"""<w:style {nsdecls("w")} w:type="character" w:styleId="Hyperlink">
          <w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
          <w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>
        </w:style>""",
    )


def write(document: Document) -> bytes:
    plan = layout(document)
    word = docx.Document()
    _require_w14_declared(word)
    _set_up_styles(word, plan)
    _set_up_fonts(word, plan.fonts)
    _set_up_settings(word)
    _set_up_page(word.sections[0], plan.first_page)
    _write_footer(word.sections[0], document)
    _write_metadata(word, document)
    _drop_thumbnail(word)
    _drop_unused_parts(word)

    body = _Body(word, plan)
    body.title(document)
    if plan.checklist:
        body.checklist(document, plan.checklist)
    else:
        body.template(document)
    body.close()
    _drop_unused_styles(word)

    output = io.BytesIO()
    word.save(output)
    return repack_zip(output.getvalue(), document.date)


class _Body:
    """Writes the document's content; counts content-control ids so they stay unique and stable."""

    def __init__(self, word: WordDocument, plan: DocumentLayout) -> None:
        self.word = word
        self.plan = plan
        self.control_ids: Iterator[int] = itertools.count(1)

    def title(self, document: Document) -> None:
        logo = document.logo
        if logo is not None and logo.is_png:  # Word files can hold a PNG; an SVG logo shows on the web and in PDF
            shape = self.word.add_picture(io.BytesIO(logo.data), height=Cm(LOGO_HEIGHT_CM))
            shape._inline.docPr.set("descr", logo.alt)
            shape._inline.docPr.set("name", "Logotyp")
        self.word.add_heading(document.title, level=0).paragraph_format.keep_with_next = True
        method = self.word.add_paragraph()
        method.paragraph_format.space_after = Pt(2 * self.plan.spacing.paragraph_after)
        method.add_run("Metod: ").bold = True
        method.add_run(document.method_title)
        self.blocks(document.intro)

    # --- templates ---

    def template(self, document: Document) -> None:
        for section, part in zip(document.sections, self.plan.parts):
            if part.new_page:
                _set_up_page(self.word.add_section(WD_SECTION.NEW_PAGE), part.page)
            self.word.add_heading(section.heading, level=1)
            self.blocks(section.guidance, style=GUIDANCE_STYLE, keep_with_next=part.guidance_keep_with_next,
                        keep_together=True)
            if section.fill_in:
                self.fields(section, part)
            if section.table and part.table:
                self.table(section.table, part.table, caption=section.heading)

    def fields(self, section: Section, part: Part) -> None:
        """Each field a bordered box, its label at the top inside it, the boxes the rows of one table.

        Room to write by hand on paper, and to type in directly in Word and LibreOffice alike,
        Tab moving from box to box. (A text content control would add a "Skriv här"
        placeholder, but LibreOffice 7.4 turns it into an input field edited through a
        dialog, and the placeholder is printed on every unfilled form.) As rows of one table,
        the boxes follow the same keep rules as any table's rows, in Word and LibreOffice alike.
        """
        boxes = self.word.add_table(rows=len(section.fill_in), cols=1, style="Table Grid")
        boxes.autofit = False
        _set_widths(boxes, [self.text_width])
        for row, label, keep in zip(boxes.rows, section.fill_in, part.fields_keep_with_next):
            cell = row.cells[0]
            _cell_text(cell, label, bold=True)
            value = section.filled_in(label)
            if value:
                cell.add_paragraph(value)
            _set_row(row, Cm(self.plan.room.field_height), keep_with_next=keep)
        _set_table_caption(boxes, section.heading)
        self.spacer()

    def close(self) -> None:
        """The paragraph Word needs after a closing table takes no room (see CLOSING_LINE_PT)."""
        last = self.word.paragraphs[-1]
        if last.text:
            last = self.word.add_paragraph()
        last.paragraph_format.space_before = last.paragraph_format.space_after = Pt(0)
        last.paragraph_format.keep_with_next = False
        last.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        last.paragraph_format.line_spacing = Pt(CLOSING_LINE_PT)
        last.add_run().font.size = Pt(CLOSING_LINE_PT)

    def spacer(self, keep_with_next: bool = False) -> None:
        # A paragraph between two tables keeps Word from joining them; it is exactly the space after a block.
        spacer = self.word.add_paragraph().paragraph_format
        spacer.space_before = spacer.space_after = Pt(0)
        spacer.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spacer.line_spacing = Pt(self.plan.spacing.block_after)
        spacer.keep_with_next = keep_with_next

    def table(self, table: Table, shape: TableLayout, caption: str) -> None:
        grid = self.word.add_table(rows=1 + len(table.rows), cols=len(table.columns), style="Table Grid")
        grid.autofit = False
        _set_widths(grid, [Cm(width) for width in shape.widths])
        self.header_row(grid.rows[0], table.columns)
        for row, heading, keep in zip(grid.rows[1:], table.rows, shape.keep_with_next):
            _set_row(row, Cm(shape.row_height), keep_with_next=keep)
            _cell_text(row.cells[0], heading, bold=True)
            if heading:
                _shade(row.cells[0], self.plan.colours.row_heading_fill)
        _set_font_size(grid, Pt(self.plan.fonts.table))
        _set_table_caption(grid, caption)
        self.spacer()

    def header_row(self, row: _Row, columns) -> None:
        # Repeated at the top of every page the table runs onto, and never left alone at the foot of one.
        _set_row(row, None, header=True, keep_with_next=True)
        for cell, column in zip(row.cells, columns):
            _cell_text(cell, column, bold=True)
            _shade(cell, self.plan.colours.header_fill)

    # --- checklists ---

    def checklist(self, document: Document, shape: ChecklistLayout) -> None:
        if shape.with_levels and document.levels:
            self.word.add_heading("Nivåer", level=1)
            for name, meaning in document.levels:
                paragraph = self.word.add_paragraph()
                paragraph.add_run(name).bold = True
                if meaning:
                    paragraph.add_run(f" – {meaning}")
        self.word.add_heading("Punkter", level=1)
        # The level is written out in its own column, so it never depends on colour.
        names = [column.header for column in shape.table.columns]
        grid = self.word.add_table(rows=1 + len(shape.rows), cols=len(names), style="Table Grid")
        grid.autofit = False
        _set_widths(grid, [Cm(width) for width in shape.table.widths])
        self.header_row(grid.rows[0], names)
        for row, line, keep in zip(grid.rows[1:], shape.rows, shape.table.keep_with_next):
            if line.is_group:
                # The phase's name across the whole row, above its items.
                cell = row.cells[0].merge(row.cells[-1])
                _cell_text(cell, line.text, bold=True)
                _shade(cell, self.plan.colours.group_fill)
                _set_row(row, None, keep_with_next=keep)
                continue
            _set_row(row, Cm(shape.table.row_height), keep_with_next=keep)
            box = row.cells[0].paragraphs[0]
            box.alignment = WD_ALIGN_PARAGRAPH.CENTER
            box._p.append(_checkbox(next(self.control_ids)))
            if shape.with_levels:
                _cell_text(row.cells[1], line.item.level or "")
            _cell_text(row.cells[names.index("Punkt")], line.text)
        _set_font_size(grid, Pt(self.plan.fonts.table))
        _set_table_caption(grid, document.title)

    # --- rich text ---

    def blocks(self, blocks: tuple[Block, ...], style: str | None = None, keep_with_next: bool = False,
               keep_together: bool = False) -> None:
        """`keep_together` keeps the blocks on one page; `keep_with_next` keeps the last with what follows."""
        numbering = None
        for index, block in enumerate(blocks):
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
            if keep_together:
                paragraph.paragraph_format.keep_together = True
                paragraph.paragraph_format.keep_with_next = keep_with_next or index < len(blocks) - 1
            elif keep_with_next:
                paragraph.paragraph_format.keep_with_next = True
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


def _shade(cell: _Cell, fill: str) -> None:
    _sub(cell._tc.get_or_add_tcPr(), "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill})


def _set_row(row: _Row, height: Length | None, *, header: bool = False, keep_with_next: bool = False) -> None:
    # Schema order inside w:trPr: cantSplit, trHeight, tblHeader.
    if height is not None:
        row.height = height
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    properties = row._tr.get_or_add_trPr()
    # A row split over two pages is hard to write in, so every row stays whole.
    properties.insert(0, OxmlElement("w:cantSplit"))
    if header:
        # Repeated at the top of every page the table runs onto.
        properties.append(OxmlElement("w:tblHeader"))
    if keep_with_next:
        # Word keeps a row with the next when every paragraph in it does; LibreOffice reads it the same way.
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


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


def _set_up_page(section: WordSection, page: Page) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(page.width), Cm(page.height)
    section.left_margin = section.right_margin = section.top_margin = Cm(page.margin)
    section.bottom_margin = Cm(page.bottom_margin)
    section.header_distance = section.footer_distance = Cm(page.footer_distance)


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


def _half_points(size: float) -> int:
    return round(size * 2)


def _set_up_styles(word: WordDocument, plan: DocumentLayout) -> None:
    fonts, spacing = plan.fonts, plan.spacing
    styles = word.styles.element
    # Swedish for spelling, hyphenation and screen readers, as the default of every style.
    for lang in styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        lang.set(qn("w:val"), LANGUAGE)
    # Paragraph spacing and line height as the layout has them, for every paragraph and table.
    for default in styles.xpath("w:docDefaults/w:pPrDefault/w:pPr/w:spacing | "
                                'w:style[@w:styleId="TableGrid"]/w:pPr/w:spacing'):
        default.set(qn("w:line"), str(round(240 * fonts.line_spacing)))
        default.set(qn("w:lineRule"), "auto")
    for default in styles.xpath("w:docDefaults/w:pPrDefault/w:pPr/w:spacing"):
        default.set(qn("w:after"), str(round(spacing.paragraph_after * 20)))
    normal = word.styles["Normal"]
    normal.font.size = Pt(fonts.body)
    _sub(normal.element.get_or_add_rPr(), "w:lang", {"w:val": LANGUAGE})
    near_black = RGBColor(0x11, 0x11, 0x11)
    for name, size in (("Title", fonts.title), ("Heading 1", fonts.heading)):
        heading = word.styles[name]
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.color.rgb = near_black
        heading.paragraph_format.keep_with_next = True
    title = word.styles["Title"].paragraph_format
    title.space_after = Pt(spacing.paragraph_after)
    # The template's rule under the title and its letter-spacing: the title is text like any other.
    for extra in word.styles["Title"].element.xpath("w:pPr/w:pBdr | w:rPr/w:spacing | w:rPr/w:kern"):
        extra.getparent().remove(extra)
    heading = word.styles["Heading 1"].paragraph_format
    heading.space_before, heading.space_after = Pt(spacing.heading_before), Pt(spacing.heading_after)
    footer = word.styles["Footer"]
    footer.font.size = Pt(fonts.footer)
    footer.font.color.rgb = RGBColor.from_string(plan.colours.quiet_text)
    for xml in _extra_styles(plan):
        styles.append(parse_xml(xml))
    # Table text would otherwise touch the cell borders; the padding is the layout's.
    margins = {"top": plan.room.cell_padding_vertical, "bottom": plan.room.cell_padding_vertical,
               "left": plan.room.cell_padding, "right": plan.room.cell_padding}
    for margin in styles.xpath('w:style[@w:styleId="TableGrid"]/w:tblPr/w:tblCellMar/*'):
        side = margin.tag.rsplit("}", 1)[1]
        margin.set(qn("w:w"), str(Cm(margins[side]).twips))


def _set_up_fonts(word: WordDocument, fonts: Fonts) -> None:
    """One family in every style: the template's theme fonts (Calibri, Cambria) would otherwise win."""
    styles = word.styles.element
    for element in styles.xpath(".//w:rFonts"):
        for attribute in [name for name in element.attrib if name.endswith("Theme") or name.endswith("theme")]:
            del element.attrib[attribute]
        for script in ("ascii", "hAnsi", "eastAsia", "cs"):
            element.set(qn(f"w:{script}"), fonts.family)
    # Where Word lacks the family, the font table names the substitute and the kind of face to match.
    table = next(part for part in word.part.package.parts if part.partname == "/word/fontTable.xml")
    root = etree.fromstring(table.blob)
    root.insert(0, parse_xml(
        f'<w:font {nsdecls("w")} w:name="{fonts.family}"><w:altName w:val="{fonts.fallback}"/>'
        f'<w:panose1 w:val="{_PANOSE}"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
        '<w:pitch w:val="variable"/></w:font>'))
    # python-docx keeps the font table as a plain part with no API: its bytes are replaced whole.
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


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


# python-docx's template also carries Word 2010's copy of every style (stylesWithEffects) and an
# empty custom XML item; Word and LibreOffice need neither, and they were a third of every file.
_UNUSED_PARTS = ("/stylesWithEffects", "/customXml")


def _drop_unused_parts(word: WordDocument) -> None:
    relationships = word.part.rels
    for r_id in [r_id for r_id, rel in relationships.items() if rel.reltype.endswith(_UNUSED_PARTS)]:
        del relationships[r_id]


def _drop_unused_styles(word: WordDocument) -> None:
    """Keep the styles the document uses, what they build on, and the defaults; drop the other 150
    built-in definitions and the list of latent styles. Word and LibreOffice still offer every
    built-in style by name; the file only stops carrying a copy of each."""
    styles = word.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    # Every XML part but the styles themselves: the body, footers and list definitions name styles.
    parts = [part.element for part in word.part.package.iter_parts()
             if hasattr(part, "element") and part.element is not styles]
    wanted = [value for part in parts for tag in ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleId")
              for element in part.iter(qn(tag)) if (value := element.get(qn("w:val")))]
    wanted += [style_id for style_id, style in by_id.items() if style.get(qn("w:default")) in ("1", "true")]
    kept: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in kept or style_id not in by_id:
            continue
        kept.add(style_id)
        for tag in ("w:basedOn", "w:next", "w:link"):
            reference = by_id[style_id].find(qn(tag))
            if reference is not None:
                wanted.append(reference.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in kept:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def _drop_thumbnail(word: WordDocument) -> None:
    # python-docx's template carries a preview of a blank page, which would misrepresent the file.
    relationships = word.part.package.rels
    for r_id in [r_id for r_id, rel in relationships.items() if rel.reltype == RT.THUMBNAIL]:
        del relationships[r_id]
