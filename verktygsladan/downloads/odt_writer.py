"""Templates and checklists as OpenDocument Text (.odt) for LibreOffice Writer.

The file is a working document: headings are real outline headings (so the
navigator and a PDF export get a structure), guidance has its own paragraph
style "Vägledning", every field to fill in is a bordered box with room to
write, tables repeat their header row on every page, and each checklist item
has a form checkbox that is ticked with a click in Writer. A section whose
table is too wide for a portrait page is set on landscape pages.
"""

from __future__ import annotations

import io
import re
import zipfile

from odf import dc, draw, form, meta, namespaces, office, style, svg, table, teletype, text
from odf.opendocument import OpenDocumentText

from .model import LANGUAGE, LOGO_HEIGHT_CM, Document, Section, Table
from .reproducible import repack_zip
from .rich_text import Block, Run

FONT = "Liberation Sans"
GREY = "#595959"  # 7:1 contrast on white: readable, yet visibly quieter than the content
BORDER = "0.5pt solid #000000"
HEADER_SHADE = "#e7e6e6"

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 21.0, 29.7, 2.0  # A4, centimetres
PORTRAIT, LANDSCAPE = "Standard", "Liggande"  # master pages; Writer starts every document on "Standard"
TEXT_WIDTH = {PORTRAIT: PAGE_WIDTH - 2 * MARGIN, LANDSCAPE: PAGE_HEIGHT - 2 * MARGIN}
# With more columns than this, a portrait page leaves each column too narrow to write in.
MAX_PORTRAIT_COLUMNS = 5

CHECKLIST_COLUMNS = ("Klar", "Nivå", "Punkt", "Ansvarig", "Datum", "Kommentar")
CHECKLIST_WIDTHS = (1.2, 1.4, 6.4, 2.4, 2.0, 3.6)  # centimetres; they fill the portrait text width
CHECKBOX_SIZE = "0.5cm"

ROW_HEIGHT = {"Faltrad": "2.2cm", "Skrivrad": "1.2cm", "Checkrad": "1.0cm"}

LIST_STYLES = {  # (paragraph style, block kind) -> list style; guidance lists share the guidance indent
    ("Text_20_body", "bullet"): "Punktlista", ("Text_20_body", "number"): "Nummerlista",
    ("Vagledning", "bullet"): "Punktlista_20_vagledning", ("Vagledning", "number"): "Nummerlista_20_vagledning",
}
GUIDANCE_INDENT = 0.6  # centimetres


def write(document: Document) -> bytes:
    odt = OpenDocumentText()
    _add_metadata(odt, document)
    _add_styles(odt)
    _add_pages(odt, document)
    _Body(odt).write(document)
    return _package(odt, document)


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

def _add_styles(odt: OpenDocumentText) -> None:
    odt.fontfacedecls.addElement(style.FontFace(name=FONT, fontfamily=f"'{FONT}'",
                                                fontfamilygeneric="swiss", fontpitch="variable"))
    for element in (_default_paragraph_style(), *_paragraph_styles(), _link_style(), *_list_styles(),
                    _outline_style()):
        odt.styles.addElement(element)
    for element in (*_text_styles(), *_table_styles(), *_cell_styles(), *_row_styles(), *_page_switch_styles(),
                    _checkbox_style()):
        odt.automaticstyles.addElement(element)


def _default_paragraph_style() -> style.DefaultStyle:
    language, country = LANGUAGE.split("-")
    default = style.DefaultStyle(family="paragraph")
    default.addElement(style.TextProperties(fontname=FONT, fontsize="11pt", language=language, country=country))
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


def _paragraph_styles() -> list[style.Style]:
    # Writer's own names where one exists, so Writer treats them as its built-in (translated) styles.
    return [
        _paragraph_style("Standard", "Standard", None),
        _paragraph_style("Text_20_body", "Text body", "Standard",
                         paragraph=dict(margintop="0cm", marginbottom="0.2cm", lineheight="115%")),
        _paragraph_style("Heading", "Heading", "Standard", nextstylename="Text_20_body",
                         paragraph=dict(margintop="0.45cm", marginbottom="0.2cm", keepwithnext="always"),
                         text_props=dict(fontweight="bold")),
        _paragraph_style("Heading_20_1", "Heading 1", "Heading", defaultoutlinelevel="1",
                         text_props=dict(fontsize="18pt")),
        _paragraph_style("Heading_20_2", "Heading 2", "Heading", defaultoutlinelevel="2",
                         text_props=dict(fontsize="14pt")),
        _paragraph_style("Metodrad", "Metodrad", "Text_20_body", paragraph=dict(marginbottom="0.4cm"),
                         text_props=dict(fontsize="12pt")),
        _paragraph_style("Vagledning", "Vägledning", "Text_20_body",
                         paragraph=dict(marginleft=f"{GUIDANCE_INDENT}cm"),
                         text_props=dict(fontstyle="italic", color=GREY)),
        _paragraph_style("Faltetikett", "Fältetikett", "Text_20_body",
                         paragraph=dict(margintop="0.3cm", marginbottom="0.1cm", keepwithnext="always"),
                         text_props=dict(fontweight="bold")),
        _paragraph_style("Table_20_Contents", "Table Contents", "Standard", text_props=dict(fontsize="10pt")),
        _paragraph_style("Table_20_Heading", "Table Heading", "Table_20_Contents",
                         text_props=dict(fontweight="bold")),
        _paragraph_style("Footer", "Footer", "Standard", paragraph=dict(textalign="center"),
                         text_props=dict(fontsize="8pt", color=GREY)),
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
    return [
        _automatic_style("Fet", "text", style.TextProperties(fontweight="bold")),
        _automatic_style("Kursiv", "text", style.TextProperties(fontstyle="italic")),
        _automatic_style("FetKursiv", "text", style.TextProperties(fontweight="bold", fontstyle="italic")),
        _automatic_style("Mitten", "paragraph", style.ParagraphProperties(textalign="center"),
                         parentstylename="Table_20_Contents"),
    ]


def _table_styles() -> list[style.Style]:
    return [_automatic_style(f"Tabell{master}", "table",
                             style.TableProperties(width=f"{width:.1f}cm", align="margins",
                                                   margintop="0.1cm", marginbottom="0.3cm"))
            for master, width in TEXT_WIDTH.items()]


def _cell_styles() -> list[style.Style]:
    # Writer draws both neighbours' borders, so each cell draws only its left and bottom edge;
    # header cells add the top edge and last-column cells the right edge.
    def cell(name: str, sides: str, **extra) -> style.Style:
        borders = {f"border{side}": BORDER for side in sides.split()}
        return _automatic_style(name, "table-cell",
                                style.TableCellProperties(padding="0.1cm", verticalalign="top", **borders, **extra))

    return [
        cell("Ruta", "left bottom"),
        cell("RutaSist", "left bottom right"),
        cell("Rubrikruta", "left top bottom", backgroundcolor=HEADER_SHADE),
        cell("RubrikrutaSist", "left top bottom right", backgroundcolor=HEADER_SHADE),
        cell("Faltruta", "left top bottom right"),
    ]


def _row_styles() -> list[style.Style]:
    # A row split over two pages is hard to write in, so every row stays whole.
    rows = [_automatic_style("Rubrikrad", "table-row", style.TableRowProperties(keeptogether="always"))]
    rows += [_automatic_style(name, "table-row", style.TableRowProperties(keeptogether="always", minrowheight=height))
             for name, height in ROW_HEIGHT.items()]
    return rows


def _page_switch_styles() -> list[style.Style]:
    # A paragraph whose style names a master page starts a new page of that kind.
    return [_automatic_style(f"Rubrik{master}", "paragraph", parentstylename="Heading_20_2", masterpagename=master)
            for master in TEXT_WIDTH]


def _checkbox_style() -> style.Style:
    return _automatic_style("Kryssruta", "graphic",
                            style.GraphicProperties(verticalpos="middle", verticalrel="text"))


# Pages ---------------------------------------------------------------------

def _add_pages(odt: OpenDocumentText, document: Document) -> None:
    for master, width, height in ((PORTRAIT, PAGE_WIDTH, PAGE_HEIGHT), (LANDSCAPE, PAGE_HEIGHT, PAGE_WIDTH)):
        layout = style.PageLayout(name=f"A4{master}")
        layout.addElement(style.PageLayoutProperties(
            pagewidth=f"{width}cm", pageheight=f"{height}cm",
            printorientation="landscape" if width > height else "portrait",
            margintop=f"{MARGIN}cm", marginbottom="1.2cm", marginleft=f"{MARGIN}cm", marginright=f"{MARGIN}cm"))
        footer_style = style.FooterStyle()
        footer_style.addElement(style.HeaderFooterProperties(minheight="0.6cm", margintop="0.4cm"))
        layout.addElement(footer_style)
        odt.automaticstyles.addElement(layout)
        page = style.MasterPage(name=master, pagelayoutname=layout)
        page.addElement(_footer(document))
        odt.masterstyles.addElement(page)


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
    """Writes the body in reading order, keeping table and checkbox names unique and
    tracking the page orientation so that only a change of orientation starts a new page."""

    def __init__(self, odt: OpenDocumentText) -> None:
        self.odt = odt
        self.tables = 0
        self.checkboxes: form.Form | None = None
        self.master = PORTRAIT

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
        if document.is_checklist:
            self.checklist(document)
        else:
            for section in document.sections:
                self.section(section)

    def heading(self, title: str, level: int, stylename: str | None = None) -> None:
        self.add(text.H(outlinelevel=level, stylename=stylename or f"Heading_20_{level}", text=title))

    def blocks(self, blocks: tuple[Block, ...], stylename: str) -> None:
        # Consecutive list items of one kind make one list, so numbering runs on.
        current_list, current_kind = None, None
        for block in blocks:
            if block.kind == "paragraph":
                current_list, current_kind = None, None
                self.add(_paragraph(block.runs, stylename))
                continue
            if block.kind != current_kind:
                current_list, current_kind = text.List(stylename=LIST_STYLES[stylename, block.kind]), block.kind
                self.add(current_list)
            item = text.ListItem()
            item.addElement(_paragraph(block.runs, stylename))
            current_list.addElement(item)

    def new_table(self, kind: str, widths: list[float]) -> table.Table:
        self.tables += 1
        grid = table.Table(name=f"{kind} {self.tables}", stylename=f"Tabell{self.master}")
        for index, width in enumerate(widths, start=1):
            column = _automatic_style(f"Tabell{self.tables}.{index}", "table-column",
                                      style.TableColumnProperties(columnwidth=f"{width:.2f}cm"))
            self.odt.automaticstyles.addElement(column)
            grid.addElement(table.TableColumn(stylename=column))
        self.add(grid)
        return grid

    # Templates

    def section(self, section: Section) -> None:
        wide = section.table is not None and len(section.table.columns) > MAX_PORTRAIT_COLUMNS
        wanted = LANDSCAPE if wide else PORTRAIT
        self.heading(section.heading, 2, f"Rubrik{wanted}" if wanted != self.master else None)
        self.master = wanted
        self.blocks(section.guidance, "Vagledning")
        for label in section.fill_in:
            self.field(label, section.filled_in(label))
        if section.table:
            self.grid(section.table)

    def field(self, label: str, value: str = "") -> None:
        self.add(text.P(stylename="Faltetikett", text=label))
        box = self.new_table("Fält", [TEXT_WIDTH[self.master]])
        row = table.TableRow(stylename="Faltrad")
        row.addElement(_cell(value, "Faltruta"))
        box.addElement(row)

    def grid(self, spec: Table) -> None:
        # Pre-filled row headings get a wider first column.
        weights = [1.5 if index == 0 and spec.row_headings else 1.0 for index in range(len(spec.columns))]
        unit = TEXT_WIDTH[self.master] / sum(weights)
        grid = self.new_table("Tabell", [weight * unit for weight in weights])
        grid.addElement(_header_rows(spec.columns))
        for heading in spec.rows:
            row = table.TableRow(stylename="Skrivrad")
            row.addElement(_cell(heading, _cell_style(0, len(spec.columns)), "Table_20_Heading"))
            for index in range(1, len(spec.columns)):
                row.addElement(_cell("", _cell_style(index, len(spec.columns))))
            grid.addElement(row)

    # Checklists

    def checklist(self, document: Document) -> None:
        with_levels = any(item.level for item in document.items)
        if with_levels and document.levels:
            self.heading("Nivåer", 2)
            for name, meaning in document.levels:
                legend = text.P(stylename="Text_20_body")
                legend.addElement(text.Span(stylename="Fet", text=name))
                legend.addText(f" – {meaning}" if meaning else "")
                self.add(legend)
        self.heading("Punkter", 2)
        columns, widths = _checklist_columns(with_levels)
        grid = self.new_table("Checklista", widths)
        grid.addElement(_header_rows(columns))
        for number, item in enumerate(document.items, start=1):
            row = table.TableRow(stylename="Checkrad")
            row.addElement(self.checkbox_cell(number, item.text))
            if with_levels:
                row.addElement(_cell(item.level or "", "Ruta", "Table_20_Heading"))
            row.addElement(_cell(item.text, "Ruta"))
            for index in range(len(row.childNodes), len(columns)):
                row.addElement(_cell("", _cell_style(index, len(columns))))
            grid.addElement(row)

    def checkbox_cell(self, number: int, item_text: str) -> table.TableCell:
        control_id = f"klar{number}"
        self.checkbox_form().addElement(_checkbox(control_id, f"Klar {number}", f"Klar: {item_text}"))
        control = draw.Control(control=control_id, anchortype="as-char", width=CHECKBOX_SIZE, height=CHECKBOX_SIZE,
                               zindex=str(number - 1), name=f"Klar {number}")
        # odfpy wants a style object for draw:style-name; the style is shared, so its name will do.
        control.setAttrNS(namespaces.DRAWNS, "style-name", "Kryssruta")
        paragraph = text.P(stylename="Mitten")
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


def _checklist_columns(with_levels: bool) -> tuple[tuple[str, ...], list[float]]:
    if with_levels:
        return CHECKLIST_COLUMNS, list(CHECKLIST_WIDTHS)
    # No item has a level: an empty "Nivå" column would only take room from the item text.
    level = CHECKLIST_COLUMNS.index("Nivå")
    widths = list(CHECKLIST_WIDTHS)
    widths[level + 1] += widths.pop(level)
    return CHECKLIST_COLUMNS[:level] + CHECKLIST_COLUMNS[level + 1:], widths


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
    # Writer repeats header rows at the top of every page the table runs onto.
    header = table.TableHeaderRows()
    row = table.TableRow(stylename="Rubrikrad")
    for index, column in enumerate(columns):
        cell_style = "RubrikrutaSist" if index == len(columns) - 1 else "Rubrikruta"
        row.addElement(_cell(column, cell_style, "Table_20_Heading"))
    header.addElement(row)
    return header


def _cell(content: str, cell_style: str, paragraph_style: str = "Table_20_Contents") -> table.TableCell:
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
