"""Templates and checklists as OpenDocument Text (.odt) for LibreOffice Writer.

The file is a working document: headings are real outline headings (so the
navigator and a PDF export get a structure), guidance has its own paragraph
style "Vägledning", every field to fill in is a bordered box with room to
write, tables repeat their header row on every page, and each checklist item
has a form checkbox that is ticked with a click in Writer. Pages, column
widths, fonts and what stays together on a page come from the layout model
(layout.py), as in the Word and PDF files.
"""

from __future__ import annotations

import io
import re
import zipfile

from odf import config, dc, draw, form, meta, namespaces, office, style, svg, table, teletype, text
from odf.namespaces import TABLENS
from odf.opendocument import OpenDocumentText

from .layout import BORDER_WIDTH, CLOSING_LINE_PT, ChecklistLayout, Colours, DocumentLayout, Fonts, Page, Part, TableLayout, layout
from .model import LANGUAGE, LOGO_HEIGHT_CM, Document, Section, Table
from .reproducible import repack_zip
from .rich_text import Block, Run

BORDER = f"{BORDER_WIDTH}pt solid #{Colours().border}"

PORTRAIT, LANDSCAPE = "Standard", "Liggande"  # master pages; Writer starts every document on "Standard"
CHECKBOX_SIZE = "0.5cm"
FOOTER_GAP = 0.4  # centimetres between the body and the footer

LIST_STYLES = {  # (paragraph style, block kind) -> list style; guidance lists share the guidance indent
    ("Text_20_body", "bullet"): "Punktlista", ("Text_20_body", "number"): "Nummerlista",
    ("Vagledning", "bullet"): "Punktlista_20_vagledning", ("Vagledning", "number"): "Nummerlista_20_vagledning",
}
GUIDANCE_INDENT = 0.6  # centimetres


def write(document: Document) -> bytes:
    plan = layout(document)
    odt = OpenDocumentText()
    _add_metadata(odt, document)
    _add_settings(odt)
    _add_styles(odt, plan)
    _add_pages(odt, document, plan)
    _Body(odt, plan).write(document)
    return _package(odt, document)


def _add_settings(odt: OpenDocumentText) -> None:
    # Writer keeps a table row with the next one when every paragraph in it is "keep with next",
    # as Word does, only with this compatibility setting; without it rows could be left alone on a page.
    settings = config.ConfigItemSet(name="ooo:configuration-settings")
    keep = config.ConfigItem(name="TableRowKeep", type="boolean")
    keep.addText("true")
    settings.addElement(keep)
    odt.settings.addElement(settings)


# Metadata ------------------------------------------------------------------

def _add_metadata(odt: OpenDocumentText, document: Document) -> None:
    timestamp = f"{document.date.isoformat()}T00:00:00"
    odt.meta.addElement(dc.Title(text=document.title))
    if document.description:
        odt.meta.addElement(dc.Subject(text=document.description))
        odt.meta.addElement(dc.Description(text=document.description))
    for keyword in (document.kind, document.method_title):
        odt.meta.addElement(meta.Keyword(text=keyword))
    odt.meta.addElement(meta.InitialCreator(text=document.author))
    odt.meta.addElement(dc.Creator(text=document.author))
    odt.meta.addElement(meta.CreationDate(text=timestamp))
    odt.meta.addElement(dc.Date(text=timestamp))
    odt.meta.addElement(dc.Language(text=LANGUAGE))


# Styles --------------------------------------------------------------------

def _add_styles(odt: OpenDocumentText, plan: DocumentLayout) -> None:
    family = plan.fonts.family
    odt.fontfacedecls.addElement(style.FontFace(name=family, fontfamily=f"'{family}'",
                                                fontfamilygeneric="swiss", fontpitch="variable"))
    for element in (_default_paragraph_style(plan.fonts), *_paragraph_styles(plan), _link_style(), *_list_styles(),
                    _outline_style()):
        odt.styles.addElement(element)
    for element in (*_text_styles(), *_table_styles(plan), *_cell_styles(plan), *_row_styles(plan),
                    *_page_switch_styles(), _checkbox_style()):
        odt.automaticstyles.addElement(element)


def _default_paragraph_style(fonts: Fonts) -> style.DefaultStyle:
    language, country = LANGUAGE.split("-")
    default = style.DefaultStyle(family="paragraph")
    default.addElement(style.TextProperties(fontname=fonts.family, fontsize=f"{fonts.body}pt", language=language,
                                            country=country))
    return default


def _paragraph_style(name: str, display: str, parent: str | None, *, paragraph: dict | None = None,
                     text_props: dict | None = None, **attributes) -> style.Style:
    element = style.Style(name=name, displayname=display, family="paragraph", **attributes)
    if parent:
        element.setAttribute("parentstylename", parent)
    if paragraph:
        element.addElement(style.ParagraphProperties(**paragraph))
    if text_props:
        element.addElement(style.TextProperties(**text_props))
    return element


def _paragraph_styles(plan: DocumentLayout) -> list[style.Style]:
    fonts, spacing = plan.fonts, plan.spacing
    line = f"{round(fonts.line_spacing * 100)}%"
    grey = f"#{plan.colours.quiet_text}"
    # Writer's own names where one exists, so Writer treats them as its built-in (translated) styles.
    return [
        _paragraph_style("Standard", "Standard", None, paragraph=dict(lineheight=line)),
        _paragraph_style("Text_20_body", "Text body", "Standard",
                         paragraph=dict(margintop="0cm", marginbottom=f"{spacing.paragraph_after}pt")),
        _paragraph_style("Heading", "Heading", "Standard", nextstylename="Text_20_body",
                         paragraph=dict(margintop=f"{spacing.heading_before}pt",
                                        marginbottom=f"{spacing.heading_after}pt", keepwithnext="always"),
                         text_props=dict(fontweight="bold")),
        _paragraph_style("Heading_20_1", "Heading 1", "Heading", defaultoutlinelevel="1",
                         paragraph=dict(margintop="0cm"), text_props=dict(fontsize=f"{fonts.title}pt")),
        _paragraph_style("Heading_20_2", "Heading 2", "Heading", defaultoutlinelevel="2",
                         text_props=dict(fontsize=f"{fonts.heading}pt")),
        _paragraph_style("Metodrad", "Metodrad", "Text_20_body",
                         paragraph=dict(marginbottom=f"{2 * spacing.paragraph_after}pt")),
        # Guidance is never split, and belongs to what follows it: the fields or the table.
        _paragraph_style("Vagledning", "Vägledning", "Text_20_body",
                         paragraph=dict(marginleft=f"{GUIDANCE_INDENT}cm", keepwithnext="always", keeptogether="always",
                                        backgroundcolor=f"#{plan.colours.guidance_fill}"),
                         text_props=dict(fontstyle="italic", color=grey, fontsize=f"{fonts.guidance}pt")),
        _paragraph_style("Faltetikett", "Fältetikett", "Table_20_Contents",
                         text_props=dict(fontweight="bold", fontsize=f"{fonts.body}pt")),
        _paragraph_style("Table_20_Contents", "Table Contents", "Standard",
                         text_props=dict(fontsize=f"{fonts.table}pt")),
        _paragraph_style("Table_20_Heading", "Table Heading", "Table_20_Contents",
                         text_props=dict(fontweight="bold")),
        _paragraph_style("Footer", "Footer", "Standard", paragraph=dict(textalign="center", lineheight="100%"),
                         text_props=dict(fontsize=f"{fonts.footer}pt", color=grey)),
    ]


def _link_style() -> style.Style:
    link = style.Style(name="Internet_20_link", displayname="Internet link", family="text")
    link.addElement(style.TextProperties(color="#000080", textunderlinestyle="solid",
                                         textunderlinewidth="auto", textunderlinecolor="font-color"))
    return link


def _list_styles() -> list[text.ListStyle]:
    styles = []
    for (paragraph_style, kind), name in LIST_STYLES.items():
        indent = GUIDANCE_INDENT if paragraph_style == "Vagledning" else 0.0
        list_style = text.ListStyle(name=name, displayname=name.replace("_20_", " ").capitalize())
        for level in range(1, 4):
            if kind == "bullet":
                level_style = text.ListLevelStyleBullet(level=level, bulletchar="•")
            else:
                level_style = text.ListLevelStyleNumber(level=level, numformat="1", numsuffix=".")
            level_style.addElement(_list_indent(indent + 0.6 * level))
            list_style.addElement(level_style)
        styles.append(list_style)
    return styles


def _list_indent(margin: float) -> style.ListLevelProperties:
    properties = style.ListLevelProperties(listlevelpositionandspacemode="label-alignment")
    position = f"{margin:.1f}cm"
    properties.addElement(style.ListLevelLabelAlignment(labelfollowedby="listtab", listtabstopposition=position,
                                                        textindent="-0.6cm", marginleft=position))
    return properties


def _outline_style() -> text.OutlineStyle:
    # Unnumbered outline levels: what Writer's navigator and PDF bookmarks are built from.
    outline = text.OutlineStyle(name="Outline")
    for level in range(1, 11):
        outline.addElement(text.OutlineLevelStyle(level=level, numformat=""))
    return outline


def _automatic_style(name: str, family: str, *properties, **attributes) -> style.Style:
    element = style.Style(name=name, family=family, **attributes)
    element.removeAttribute("displayname")  # odfpy adds one; automatic styles are never shown by name
    for child in properties:
        element.addElement(child)
    return element


def _text_styles() -> list[style.Style]:
    styles = [
        _automatic_style("Fet", "text", style.TextProperties(fontweight="bold")),
        _automatic_style("Kursiv", "text", style.TextProperties(fontstyle="italic")),
        _automatic_style("FetKursiv", "text", style.TextProperties(fontweight="bold", fontstyle="italic")),
    ]
    # Table paragraphs in a row that stays with the next one carry "keep with next" (see _add_settings).
    # The last paragraph of guidance with nothing after it in its section lets the page break after it.
    styles.append(_automatic_style("VagledningSist", "paragraph", style.ParagraphProperties(keepwithnext="auto"),
                                   parentstylename="Vagledning"))
    # The paragraph Writer needs after a closing table (see CLOSING_LINE_PT).
    styles.append(_automatic_style("Slut", "paragraph", style.ParagraphProperties(
        lineheight=f"{CLOSING_LINE_PT}pt", margintop="0cm", marginbottom="0cm"),
        style.TextProperties(fontsize=f"{CLOSING_LINE_PT}pt"), parentstylename="Standard"))
    for name, parent, centred in (("Mitten", "Table_20_Contents", True), ("Cell", "Table_20_Contents", False),
                                  ("Cellrubrik", "Table_20_Heading", False), ("Faltetikett", "Faltetikett", False)):
        for keep in (False, True):
            if name == parent and not keep:
                continue  # the named style itself
            properties = dict(textalign="center") if centred else {}
            if keep:
                properties["keepwithnext"] = "always"
            styles.append(_automatic_style(name + ("Hall" if keep else ""), "paragraph",
                                           style.ParagraphProperties(**properties), parentstylename=parent))
    return styles


def _kept(paragraph_style: str, keep: bool) -> str:
    return paragraph_style + "Hall" if keep else paragraph_style


def _table_styles(plan: DocumentLayout) -> list[style.Style]:
    return [_automatic_style(_table_style(page), "table",
                             style.TableProperties(width=f"{page.text_width:.2f}cm", align="margins", margintop="0cm",
                                                   marginbottom=f"{plan.spacing.block_after}pt"))
            for page in _master_pages(plan)]


def _table_style(page: Page) -> str:
    return f"Tabell{_master(page)}"


def _cell_styles(plan: DocumentLayout) -> list[style.Style]:
    # Writer draws both neighbours' borders, so each cell draws only its left and bottom edge;
    # header cells add the top edge and last-column cells the right edge.
    room, colours = plan.room, plan.colours
    padding = dict(paddingleft=f"{room.cell_padding}cm", paddingright=f"{room.cell_padding}cm",
                   paddingtop=f"{room.cell_padding_vertical}cm", paddingbottom=f"{room.cell_padding_vertical}cm")

    def cell(name: str, sides: str, **extra) -> style.Style:
        borders = {f"border{side}": BORDER for side in sides.split()}
        return _automatic_style(name, "table-cell",
                                style.TableCellProperties(verticalalign="top", **padding, **borders, **extra))

    return [
        cell("Ruta", "left bottom"),
        cell("RutaSist", "left bottom right"),
        cell("Radrubrikruta", "left bottom", backgroundcolor=f"#{colours.row_heading_fill}"),
        cell("Rubrikruta", "left top bottom", backgroundcolor=f"#{colours.header_fill}"),
        cell("RubrikrutaSist", "left top bottom right", backgroundcolor=f"#{colours.header_fill}"),
        cell("Skedesruta", "left bottom right", backgroundcolor=f"#{colours.group_fill}"),
        cell("FaltrutaForst", "left top bottom right"),
        cell("Faltruta", "left bottom right"),
    ]


def _row_styles(plan: DocumentLayout) -> list[style.Style]:
    # A row split over two pages is hard to write in, so every row stays whole.
    rows = [_automatic_style("Rubrikrad", "table-row", style.TableRowProperties(keeptogether="always"))]
    heights = {plan.room.field_height, plan.room.row_height, plan.room.checklist_row_height}
    heights |= {part.table.row_height for part in plan.parts if part.table}
    rows += [_automatic_style(_row_style(height), "table-row",
                              style.TableRowProperties(keeptogether="always", minrowheight=f"{height:.2f}cm"))
             for height in sorted(heights)]
    return rows


def _row_style(height: float) -> str:
    return f"Rad{round(height * 100)}"


def _page_switch_styles() -> list[style.Style]:
    # A paragraph whose style names a master page starts a new page of that kind.
    return [_automatic_style(f"Rubrik{master}", "paragraph", parentstylename="Heading_20_2", masterpagename=master)
            for master in (PORTRAIT, LANDSCAPE)]


def _checkbox_style() -> style.Style:
    return _automatic_style("Kryssruta", "graphic",
                            style.GraphicProperties(verticalpos="middle", verticalrel="text"))


# Pages ---------------------------------------------------------------------

def _master(page: Page) -> str:
    return LANDSCAPE if page.landscape else PORTRAIT


def _master_pages(plan: DocumentLayout) -> tuple[Page, Page]:
    """A portrait and a landscape page of the document's paper: Writer offers both to anyone who adds a table."""
    return Page(plan.paper, False), Page(plan.paper, True)


def _add_pages(odt: OpenDocumentText, document: Document, plan: DocumentLayout) -> None:
    for page in _master_pages(plan):
        master = _master(page)
        page_layout = style.PageLayout(name=f"{plan.paper.name}{master}")
        # Writer's footer sits inside the page margin: the margin below it and the footer with its gap
        # together make the layout's bottom margin, so the body ends where it does in Word and the PDF.
        page_layout.addElement(style.PageLayoutProperties(
            pagewidth=f"{page.width}cm", pageheight=f"{page.height}cm",
            printorientation="landscape" if page.landscape else "portrait",
            margintop=f"{page.margin}cm", marginbottom=f"{page.footer_distance}cm", marginleft=f"{page.margin}cm",
            marginright=f"{page.margin}cm"))
        footer_style = style.FooterStyle()
        gap = FOOTER_GAP
        footer_style.addElement(style.HeaderFooterProperties(
            minheight=f"{page.bottom_margin - page.footer_distance - gap:.2f}cm", margintop=f"{gap}cm"))
        page_layout.addElement(footer_style)
        odt.automaticstyles.addElement(page_layout)
        master_page = style.MasterPage(name=master, pagelayoutname=page_layout)
        master_page.addElement(_footer(document))
        odt.masterstyles.addElement(master_page)


def _footer(document: Document) -> style.Footer:
    footer = style.Footer()
    source = text.P(stylename="Footer")
    url = document.page_url
    # The page address is a link once the site's address is known; before that it is a relative path.
    if url.startswith(("http://", "https://")) and document.footer.endswith(url):
        source.addText(document.footer[:-len(url)])
        source.addElement(text.A(href=url, type="simple", text=url))
    else:
        source.addText(document.footer)
    footer.addElement(source)
    numbering = text.P(stylename="Footer", text="Sida ")
    numbering.addElement(text.PageNumber(selectpage="current", text="1"))
    numbering.addText(" av ")
    numbering.addElement(text.PageCount(text="1"))
    footer.addElement(numbering)
    return footer


# Body ----------------------------------------------------------------------

class _Body:
    """Writes the body in reading order, keeping table and checkbox names unique."""

    def __init__(self, odt: OpenDocumentText, plan: DocumentLayout) -> None:
        self.odt = odt
        self.plan = plan
        self.tables = 0
        self.checkboxes: form.Form | None = None
        self.page = plan.first_page

    def add(self, element) -> None:
        self.odt.text.addElement(element)

    def logo(self, document: Document) -> None:
        logo = document.logo
        if logo is None:
            return
        extension = "png" if logo.is_png else "svg"
        href = self.odt.addPictureFromString(logo.data, logo.mime)
        frame = draw.Frame(anchortype="as-char", height=f"{LOGO_HEIGHT_CM}cm",
                           width=f"{logo.width_for(LOGO_HEIGHT_CM):.2f}cm", name=f"Logotyp.{extension}")
        frame.addElement(draw.Image(href=href))
        frame.addElement(svg.Title(text=logo.alt))  # the alternative text, read by screen readers
        paragraph = text.P(stylename="Text_20_body")
        paragraph.addElement(frame)
        self.add(paragraph)

    def write(self, document: Document) -> None:
        self.logo(document)
        self.heading(document.title, 1)
        self.add(text.P(stylename="Metodrad", text=f"Metod: {document.method_title}"))
        self.blocks(document.intro, "Text_20_body")
        if self.plan.checklist:
            self.checklist(document, self.plan.checklist)
        else:
            for section, part in zip(document.sections, self.plan.parts):
                self.section(section, part)
        self.add(text.P(stylename="Slut"))

    def heading(self, title: str, level: int, stylename: str | None = None) -> None:
        self.add(text.H(outlinelevel=level, stylename=stylename or f"Heading_20_{level}", text=title))

    def blocks(self, blocks: tuple[Block, ...], stylename: str, last_style: str | None = None) -> None:
        """`last_style`, when given, is the last block's paragraph style."""
        # Consecutive list items of one kind make one list, so numbering runs on.
        current_list, current_kind = None, None
        for index, block in enumerate(blocks):
            paragraph_style = last_style if last_style and index == len(blocks) - 1 else stylename
            if block.kind == "paragraph":
                current_list, current_kind = None, None
                self.add(_paragraph(block.runs, paragraph_style))
                continue
            if block.kind != current_kind:
                current_list, current_kind = text.List(stylename=LIST_STYLES[stylename, block.kind]), block.kind
                self.add(current_list)
            item = text.ListItem()
            item.addElement(_paragraph(block.runs, paragraph_style))
            current_list.addElement(item)

    def new_table(self, kind: str, widths: tuple[float, ...]) -> table.Table:
        self.tables += 1
        grid = table.Table(name=f"{kind} {self.tables}", stylename=_table_style(self.page))
        for index, width in enumerate(widths, start=1):
            column = _automatic_style(f"Tabell{self.tables}.{index}", "table-column",
                                      style.TableColumnProperties(columnwidth=f"{width:.3f}cm"))
            self.odt.automaticstyles.addElement(column)
            grid.addElement(table.TableColumn(stylename=column))
        self.add(grid)
        return grid

    # Templates

    def section(self, section: Section, part: Part) -> None:
        self.heading(section.heading, 2, f"Rubrik{_master(part.page)}" if part.new_page else None)
        self.page = part.page
        self.blocks(section.guidance, "Vagledning",
                    last_style=None if part.guidance_keep_with_next else "VagledningSist")
        if section.fill_in:
            self.fields(section, part)
        if section.table and part.table:
            self.grid(section.table, part.table)

    def fields(self, section: Section, part: Part) -> None:
        # Each field a bordered box, its label at the top inside it, the boxes the rows of one table:
        # Tab moves from box to box, and the boxes follow the same keep rules as any table's rows.
        boxes = self.new_table("Fält", (self.page.text_width,))
        for index, (label, keep) in enumerate(zip(section.fill_in, part.fields_keep_with_next)):
            row = table.TableRow(stylename=_row_style(self.plan.room.field_height))
            cell = _cell(label, "FaltrutaForst" if index == 0 else "Faltruta", _kept("Faltetikett", keep))
            value = section.filled_in(label)
            if value:
                cell.addElement(text.P(stylename=_kept("Cell", keep), text=value))
            row.addElement(cell)
            boxes.addElement(row)

    def grid(self, spec: Table, shape: TableLayout) -> None:
        grid = self.new_table("Tabell", shape.widths)
        grid.addElement(_header_rows(spec.columns))
        for heading, keep in zip(spec.rows, shape.keep_with_next):
            row = table.TableRow(stylename=_row_style(shape.row_height))
            row.addElement(_cell(heading, "Radrubrikruta" if heading else "Ruta", _kept("Cellrubrik", keep)))
            for index in range(1, len(spec.columns)):
                row.addElement(_cell("", _cell_style(index, len(spec.columns)), _kept("Cell", keep)))
            grid.addElement(row)

    # Checklists

    def checklist(self, document: Document, shape: ChecklistLayout) -> None:
        if shape.with_levels and document.levels:
            self.heading("Nivåer", 2)
            for name, meaning in document.levels:
                legend = text.P(stylename="Text_20_body")
                legend.addElement(text.Span(stylename="Fet", text=name))
                legend.addText(f" – {meaning}" if meaning else "")
                self.add(legend)
        self.heading("Punkter", 2)
        columns = [column.header for column in shape.table.columns]
        grid = self.new_table("Checklista", shape.table.widths)
        grid.addElement(_header_rows(tuple(columns)))
        for line, keep in zip(shape.rows, shape.table.keep_with_next):
            if line.is_group:
                # The phase's name across the whole row, above its items.
                row = table.TableRow(stylename="Rubrikrad")
                cell = _cell(line.text, "Skedesruta", _kept("Cellrubrik", keep))
                cell.setAttrNS(TABLENS, "number-columns-spanned", str(len(columns)))
                row.addElement(cell)
                for _ in columns[1:]:
                    row.addElement(table.CoveredTableCell())
                grid.addElement(row)
                continue
            row = table.TableRow(stylename=_row_style(shape.table.row_height))
            row.addElement(self.checkbox_cell(line.number, line.text, keep))
            if shape.with_levels:
                row.addElement(_cell(line.item.level or "", "Ruta", _kept("Cellrubrik", keep)))
            row.addElement(_cell(line.text, "Ruta", _kept("Cell", keep)))
            for index in range(len(row.childNodes), len(columns)):
                row.addElement(_cell("", _cell_style(index, len(columns)), _kept("Cell", keep)))
            grid.addElement(row)

    def checkbox_cell(self, number: int, item_text: str, keep: bool) -> table.TableCell:
        control_id = f"klar{number}"
        self.checkbox_form().addElement(_checkbox(control_id, f"Klar {number}", f"Klar: {item_text}"))
        control = draw.Control(control=control_id, anchortype="as-char", width=CHECKBOX_SIZE, height=CHECKBOX_SIZE,
                               zindex=str(number - 1), name=f"Klar {number}")
        # odfpy wants a style object for draw:style-name; the style is shared, so its name will do.
        control.setAttrNS(namespaces.DRAWNS, "style-name", "Kryssruta")
        paragraph = text.P(stylename=_kept("Mitten", keep))
        paragraph.addElement(control)
        cell = table.TableCell(stylename="Ruta", valuetype="string")
        cell.addElement(paragraph)
        return cell

    def checkbox_form(self) -> form.Form:
        if self.checkboxes is None:
            # Not in design mode, so a click in Writer ticks the box instead of selecting the control.
            forms = office.Forms(automaticfocus="false", applydesignmode="false")
            self.checkboxes = form.Form(name="Checklista", applyfilter="true", commandtype="table",
                                        controlimplementation="ooo:com.sun.star.form.component.Form")
            forms.addElement(self.checkboxes)
            self.odt.text.insertBefore(forms, self.odt.text.firstChild)
        return self.checkboxes


def _checkbox(control_id: str, name: str, tooltip: str) -> form.Checkbox:
    # odfpy's id= is xml:id, which ODF 1.2 links draw:control to; Writer also writes form:id for older readers.
    checkbox = form.Checkbox(name=name, id=control_id, controlimplementation="ooo:com.sun.star.form.component.CheckBox",
                             currentstate="unchecked", state="unchecked", imageposition="center", title=tooltip)
    checkbox.setAttrNS(namespaces.FORMNS, "id", control_id)
    properties = form.Properties()
    # Writer shows HelpText as the tooltip; form:title only lands in the control's hidden Tag.
    properties.addElement(form.Property(propertyname="HelpText", valuetype="string", stringvalue=tooltip))
    checkbox.addElement(properties)
    return checkbox


def _cell_style(index: int, count: int) -> str:
    return "RutaSist" if index == count - 1 else "Ruta"


def _header_rows(columns: tuple[str, ...]) -> table.TableHeaderRows:
    # Writer repeats header rows at the top of every page the table runs onto; the header never
    # stands alone at the foot of one.
    header = table.TableHeaderRows()
    row = table.TableRow(stylename="Rubrikrad")
    for index, column in enumerate(columns):
        cell_style = "RubrikrutaSist" if index == len(columns) - 1 else "Rubrikruta"
        row.addElement(_cell(column, cell_style, _kept("Cellrubrik", True)))
    header.addElement(row)
    return header


def _cell(content: str, cell_style: str, paragraph_style: str = "Cell") -> table.TableCell:
    cell = table.TableCell(stylename=cell_style, valuetype="string")
    paragraph = text.P(stylename=paragraph_style)
    teletype.addTextToElement(paragraph, content)
    cell.addElement(paragraph)
    return cell


_RUN_STYLES = {(True, False): "Fet", (False, True): "Kursiv", (True, True): "FetKursiv"}


def _paragraph(runs: tuple[Run, ...], stylename: str) -> text.P:
    paragraph = text.P(stylename=stylename)
    for run in runs:
        target = paragraph
        if run.url:
            target = text.A(href=run.url, type="simple", stylename="Internet_20_link")
            paragraph.addElement(target)
        if (run.bold, run.italic) in _RUN_STYLES:
            span = text.Span(stylename=_RUN_STYLES[run.bold, run.italic])
            target.addElement(span)
            target = span
        teletype.addTextToElement(target, run.text)
    return paragraph


# Packaging -----------------------------------------------------------------

def _package(odt: OpenDocumentText, document: Document) -> bytes:
    buffer = io.BytesIO()
    odt.save(buffer)
    saved = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w") as target:
        for entry in saved.infolist():
            content = saved.read(entry.filename)
            if entry.filename == "META-INF/manifest.xml":
                # ODF 1.2 requires the manifest to state its version; odfpy leaves it out.
                content = content.replace(b"<manifest:manifest ", b'<manifest:manifest manifest:version="1.2" ', 1)
            if entry.filename.endswith(".xml"):
                content = _canonical_namespaces(content)
            target.writestr(entry.filename, content)
    return repack_zip(rebuilt.getvalue(), document.date)


# odfpy declares on each root element every namespace that any odfpy element in the
# process has used so far, in first-use order, so a document's bytes would depend on
# what was written or loaded before it. Declaring exactly the prefixes the file uses,
# sorted, makes the bytes depend on the file alone.
_KNOWN_PREFIXES = {prefix: uri for uri, prefix in namespaces.nsdict.items()
                   if prefix != "xml" and not re.fullmatch(r"ns\d+", prefix)}  # "xml" is never declared
_DECLARATION = re.compile(r'\s+xmlns:[\w.-]+="[^"]*"')
# Element and attribute names, and values such as form:control-implementation="ooo:…" whose
# prefix Writer resolves too: without xmlns:ooo it silently drops every form control.
_PREFIX_USE = re.compile(r'<([\w.-]+):[\w.-]+|\s([\w.-]+):[\w.-]+(?==")|="([\w.-]+):')


def _canonical_namespaces(xml: bytes) -> bytes:
    source = xml.decode("utf-8")
    start = source.index("<", source.index("?>"))
    end = source.index(">", start)
    name, _, attributes = _DECLARATION.sub("", source[start:end]).partition(" ")
    used = {prefix for match in _PREFIX_USE.finditer(source) for prefix in match.groups() if prefix}
    declarations = "".join(f' xmlns:{prefix}="{_KNOWN_PREFIXES[prefix]}"'
                           for prefix in sorted(used) if prefix in _KNOWN_PREFIXES)
    root = f"{name}{declarations} {attributes}" if attributes else f"{name}{declarations}"
    return (source[:start] + root + source[end:]).encode("utf-8")
