"""A template or checklist as a tagged, fillable PDF, made with WeasyPrint.

The document is written as small semantic HTML and laid out by WeasyPrint as
PDF/UA-1: headings, lists and tables become PDF structure tags a screen
reader can follow, and fill-in boxes and checkboxes become AcroForm fields,
so the PDF can be filled in on screen as well as printed and written on.
Pages, column widths, fonts and what stays together on a page come from the
layout model (layout.py), as CSS: on A4, or on A3 for a template printed large.
The fields are typed in a cut-down copy of the text font (fonts.py): a font
that fields use is embedded whole, while the text fonts keep only the glyphs
the pages show.
"""

from __future__ import annotations

import base64
import contextlib
import gc
import html

import weasyprint
from weasyprint.urls import URLFetcher

from .fonts import FORM_FAMILY, form_font_face
from .layout import BORDER_WIDTH, ChecklistLayout, DocumentLayout, Page, Part, TableLayout, layout
from .model import LANGUAGE, LOGO_HEIGHT_CM, Document, Item, Section, Table, cell_name
from .pdf_page_references import remember_page_references
from .rich_text import Block, Run

__all__ = ["tagged_pdf", "write", "write_large"]

# Python's collector thresholds while a PDF is made (its defaults are 700, 10, 10): the young
# objects are looked at after 100,000 new ones instead of 700, the middle generation after 50 such
# collections instead of 10, the oldest after 100 of those instead of 10 (see _fewer_garbage_collections).
GC_THRESHOLDS = (100_000, 50, 100)

# Without it, writing a PDF takes time in proportion to its tags times its pages.
remember_page_references()

# Only what the layout does not decide: the look of boxes and text.
STYLE = """
@page {
  @bottom-left {
    width: 78%;
    vertical-align: top;
    padding-top: 3mm;
    line-height: 1.3;
  }
  @bottom-right {
    content: "Sida " counter(page) " av " counter(pages);
    width: 22%;
    vertical-align: top;
    text-align: right;
    padding-top: 3mm;
  }
}
/* No ligatures: "fi" and "ff" as single glyphs copy and search poorly. */
html { color: #111; font-variant-ligatures: none; }
body { margin: 0; }
h1 { line-height: 1.2; margin: 0 0 1.5mm; break-after: avoid; }
h2 { line-height: 1.2; break-after: avoid; }
ul, ol { padding-left: 6mm; }
a { color: #0b4f8a; }
/* On paper the link text alone leads nowhere. */
a::after { content: " (" attr(href) ")"; }
.method { color: #333; break-after: avoid; }
/* Guidance belongs to what follows it: the fields or the table. */
.vagledning { padding: 2mm 3mm 0.5mm; font-style: italic; break-inside: avoid; break-after: avoid; }
.vagledning .label { font-style: normal; font-weight: bold; margin-bottom: 1mm; }
/* A field is a box, its label at the top inside it, as in Word and OpenDocument. */
.field { break-inside: avoid; box-sizing: border-box; }
.field label { display: block; font-weight: bold; }
.field textarea { border: 0; padding: 0; }
textarea, input[type="text"] {
  display: block;
  box-sizing: border-box;
  width: 100%;
  margin: 0;
  padding: 1mm;
  background: transparent;
}
table { border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { vertical-align: top; text-align: left; overflow-wrap: break-word; }
thead th { font-weight: bold; }
tbody th { font-weight: bold; }
td.writing { padding: 0; }
td.writing textarea, td.writing input { border: 0; }
.checklist td.done { text-align: center; }
input[type="checkbox"] { width: 4.5mm; height: 4.5mm; margin: 0.5mm 0 0; border: 0.75pt solid #111; }
.levels li { margin-bottom: 1mm; }
"""


def write(document: Document) -> bytes:
    return _pdf(document, layout(document))


def write_large(document: Document) -> bytes:
    """The A3 landscape edition of a template meant to be printed large."""
    return _pdf(document, layout(document, print_large=True))


def _pdf(document: Document, plan: DocumentLayout) -> bytes:
    # pdf_identifier=True derives the file ID from the content, so it is stable.
    return tagged_pdf(_document_html(document, plan), pdf_forms=True, pdf_identifier=True)


def tagged_pdf(document_html: str, **options) -> bytes:
    """A complete HTML document as tagged PDF (PDF/UA-1); every PDF of the handbook is made here."""
    with _fewer_garbage_collections():
        return weasyprint.HTML(string=document_html, url_fetcher=offline_fetcher()).write_pdf(
            pdf_variant="pdf/ua-1", **options)


@contextlib.contextmanager
def _fewer_garbage_collections():
    # WeasyPrint makes millions of small objects that live until the PDF is written, and Python's
    # collector walks all of them again and again, more often the longer the document: the print
    # edition of 50 methods took 17 % less time this way (for 12 % more memory); a template's PDF
    # is too short for a difference to be measured.
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def offline_fetcher() -> URLFetcher:
    # A download must not depend on, or leak requests to, anything outside it.
    return URLFetcher(allowed_protocols=("data",))


def _document_html(document: Document, plan: DocumentLayout) -> str:
    body = [*_logo(document), f"<h1>{_e(document.title)}</h1>",
            f'<p class="method">Metod: {_e(document.method_title)}</p>',
            *_blocks(document.intro)]
    if plan.checklist:
        body += _checklist(document, plan.checklist)
    else:
        body += [_section(section, part, plan.field_columns, number)
                 for number, (section, part) in enumerate(zip(document.sections, plan.parts), start=1)]
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{LANGUAGE}">',  # sv-SE, like every other format; becomes the PDF's /Lang
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_e(document.title)}</title>",
        f'<meta name="author" content="{_e(document.author)}">',
        f'<meta name="description" content="{_e(document.description)}">' if document.description else "",
        # WeasyPrint takes the PDF's dates from these, not from the clock.
        f'<meta name="dcterms.created" content="{document.date.isoformat()}">',
        f'<meta name="dcterms.modified" content="{document.date.isoformat()}">',
        f"<style>{form_font_face()}{STYLE}{_layout_css(plan)}{_footer_css(document)}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ])


def _page_name(page: Page) -> str:
    return "liggande" if page.landscape else "staende"


def _layout_css(plan: DocumentLayout) -> str:
    """Pages, fonts, spacing and colours, as the layout decides them."""
    fonts, spacing, room, colours = plan.fonts, plan.spacing, plan.room, plan.colours
    first = plan.first_page
    pages = "".join(
        f"@page {_page_name(page)} {{ size: {page.paper.name} {'landscape' if page.landscape else 'portrait'}; }}"
        for page in plan.pages)
    return f"""
@page {{
  size: {first.paper.name} {'landscape' if first.landscape else 'portrait'};
  margin: {first.margin}cm {first.margin}cm {first.bottom_margin}cm;
  @bottom-left {{ font-size: {fonts.footer}pt; color: #{colours.quiet_text}; }}
  @bottom-right {{ font-size: {fonts.footer}pt; color: #{colours.quiet_text}; }}
}}
{pages}
/* The title stands on the first part's page: a change of page name would break the page. */
body {{ page: {_page_name(first)}; }}
html {{ font-family: "{fonts.family}", "{fonts.fallback}", sans-serif; font-size: {fonts.body}pt;
       line-height: {fonts.line_height}; }}
h1 {{ font-size: {fonts.title}pt; }}
h2 {{ font-size: {fonts.heading}pt; margin: {spacing.heading_before}pt 0 {spacing.heading_after}pt; }}
p, ul, ol {{ margin: 0 0 {spacing.paragraph_after}pt; }}
.method {{ margin-bottom: {2 * spacing.paragraph_after}pt; }}
.part-break {{ break-before: page; }}
.vagledning {{ background: #{colours.guidance_fill}; border-left: 3pt solid #{colours.guidance_rule};
              font-size: {fonts.guidance}pt; color: #333; margin: 0 0 {spacing.block_after}pt; }}
.vagledning .label {{ color: #{colours.guidance_rule}; }}
.keep {{ break-after: avoid; }}
.fields {{ columns: {plan.field_columns}; column-gap: 8mm; margin: 0 0 {spacing.block_after}pt; }}
.field {{ border: {BORDER_WIDTH}pt solid #{colours.border}; height: {room.field_height}cm;
          padding: {room.cell_padding_vertical}cm {room.cell_padding}cm; }}
/* Stacked boxes share a border, as the rows of a table do; side by side, each stands apart. */
.fields:not(.side-by-side) .field + .field {{ border-top: 0; }}
.fields.side-by-side .field {{ margin-bottom: 3mm; }}
/* Fields are typed in a font of their own: a form's font is embedded whole (fonts.py). */
textarea, input[type="text"] {{ font-family: "{FORM_FAMILY}", "{fonts.family}", "{fonts.fallback}", sans-serif;
                               border: {BORDER_WIDTH}pt solid #{colours.border}; font-size: {fonts.table}pt; }}
.field textarea {{ height: {room.field_height - 2 * room.cell_padding_vertical - fonts.line(fonts.body):.2f}cm;
                   font-size: {fonts.body}pt; }}
table {{ font-size: {fonts.table}pt; margin: 0 0 {spacing.block_after}pt; }}
th, td {{ border: {BORDER_WIDTH}pt solid #{colours.border};
          padding: {room.cell_padding_vertical}cm {room.cell_padding}cm; }}
thead th {{ background: #{colours.header_fill}; }}
tbody th {{ background: #{colours.row_heading_fill}; }}
tbody th.group {{ background: #{colours.group_fill}; }}
tr.keep-before {{ break-before: avoid; }}
"""


def _footer_css(document: Document) -> str:
    # The footer lives in CSS (page margin boxes), so it is a CSS string, not HTML.
    return f"@page {{ @bottom-left {{ content: {_css_string(document.footer)}; }} }}"


def _css_string(text: str) -> str:
    # Escaping all but letters, digits and plain punctuation also keeps "</style>"
    # in the text from ending the style element.
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;·–-/()_" else f"\\{ord(ch):06x}" for ch in text)
    return f'"{escaped}"'


# Template


def _logo(document: Document) -> list[str]:
    logo = document.logo
    if logo is None:
        return []
    data = base64.b64encode(logo.data).decode("ascii")
    return [f'<p class="logo"><img src="data:{logo.mime};base64,{data}" alt="{_e(logo.alt)}" '
            f'style="height: {LOGO_HEIGHT_CM}cm; width: {logo.width_for(LOGO_HEIGHT_CM):.2f}cm"></p>']


def _section(section: Section, part: Part, field_columns: int, number: int) -> str:
    opening = '<section class="part-break"' if part.new_page else "<section"
    parts = [f'{opening} style="page: {_page_name(part.page)}">', f"<h2>{_e(section.heading)}</h2>"]
    if section.guidance:
        parts += ['<div class="vagledning">', '<p class="label">Vägledning</p>', *_blocks(section.guidance), "</div>"]
    if section.fill_in:
        parts.append('<div class="fields side-by-side">' if field_columns > 1 else '<div class="fields">')
    for index, (label, keep) in enumerate(zip(section.fill_in, part.fields_keep_with_next), start=1):
        field = f"falt-{number}-{index}"
        parts.append(f'<div class="field{" keep" if keep else ""}"><label for="{field}">{_e(label)}</label>'
                     f'<textarea id="{field}" name="{field}" title="{_e(label)}">{_e(section.filled_in(label))}'
                     "</textarea></div>")
    if section.fill_in:
        parts.append("</div>")
    if section.table and part.table:
        parts.append(_table(section.table, part.table, f"tabell-{number}"))
    parts.append("</section>")
    return "\n".join(parts)


def _table(table: Table, shape: TableLayout, name: str) -> str:
    header = "".join(f'<th scope="col">{_e(column)}</th>' for column in table.columns)
    rows = "".join(_table_row(table, heading, f"{name}-{number}", number, shape.row_height,
                              _keeps_before(shape, number - 1))
                   for number, heading in enumerate(table.rows, start=1))
    return (f'<table style="width: {shape.width:.3f}cm">{_columns(shape)}<thead><tr>{header}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _keeps_before(shape: TableLayout, row: int) -> bool:
    """Whether the row must stay on the page of the row before it."""
    return row > 0 and shape.keep_with_next[row - 1]


def _tr(keep_before: bool) -> str:
    return '<tr class="keep-before">' if keep_before else "<tr>"


def _table_row(table: Table, heading: str, name: str, number: int, height: float, keep_before: bool) -> str:
    # A field's name tells a screen reader user which cell it is: "Trygghet, Nuläge".
    row_name = heading or f"Rad {number}"
    cells = [f'<th scope="row">{_e(heading)}</th>' if heading
             else _writing_cell(f"{name}-1", cell_name(row_name, table.columns[0]), height)]
    cells += [_writing_cell(f"{name}-{column_number}", cell_name(row_name, column), height)
              for column_number, column in enumerate(table.columns[1:], start=2)]
    return f"{_tr(keep_before)}{''.join(cells)}</tr>"


def _columns(shape: TableLayout) -> str:
    return "".join(f'<col style="width: {width:.3f}cm">' for width in shape.widths)


def _writing_cell(field: str, title: str, height: float, multiline: bool = True) -> str:
    # The field is the row's room to write: the layout's row height.
    size = f'style="height: {height:.2f}cm"'
    control = (f'<textarea id="{field}" name="{field}" title="{_e(title)}" {size}></textarea>' if multiline
               else f'<input type="text" id="{field}" name="{field}" title="{_e(title)}" {size}>')
    return f'<td class="writing">{control}</td>'


# Checklist


def _checklist(document: Document, shape: ChecklistLayout) -> list[str]:
    parts = []
    if shape.with_levels and document.levels:
        parts += ["<h2>Nivåer</h2>", '<ul class="levels">',
                  *(f"<li><strong>{_e(name)}</strong>: {_e(meaning)}</li>" for name, meaning in document.levels),
                  "</ul>"]
    header = "".join(f'<th scope="col">{_e(column.header)}</th>' for column in shape.table.columns)
    # Each phase is a row group of its own, named by its heading row.
    body = ["<tbody>"]
    for index, row in enumerate(shape.rows):
        keep_before = _keeps_before(shape.table, index)
        if row.is_group:
            if index:
                body.append("</tbody><tbody>")
            body.append(f'{_tr(keep_before)}<th class="group" colspan="{len(shape.table.columns)}" scope="rowgroup">'
                        f"{_e(row.text)}</th></tr>")
        else:
            body.append(_checklist_row(row.item, row.number, shape.with_levels, shape.table.row_height,
                                       keep_before))
    body.append("</tbody>")
    parts += ["<h2>Punkter</h2>",
              f'<table class="checklist" style="width: {shape.table.width:.3f}cm">{_columns(shape.table)}'
              f'<thead><tr>{header}</tr></thead>{"".join(body)}</table>']
    return parts


def _checklist_row(item: Item, number: int, with_levels: bool, height: float, keep_before: bool) -> str:
    box = f"punkt-{number}"
    level = item.level or ""
    # The checkbox's accessible name carries the level too, so it is never lost.
    title = f"{level}: {item.text}" if level else item.text
    return (
        _tr(keep_before)
        + f'<td class="done"><input type="checkbox" id="{box}" name="{box}" title="{_e(title)}"></td>'
        + (f"<td>{_e(level)}</td>" if with_levels else "")
        + f'<td><label for="{box}">{_e(item.text)}</label></td>'
        + _writing_cell(f"{box}-ansvarig", f"Ansvarig för punkt {number}", height, multiline=False)
        + _writing_cell(f"{box}-datum", f"Datum för punkt {number}", height, multiline=False)
        + _writing_cell(f"{box}-kommentar", f"Kommentar till punkt {number}", height)
        + "</tr>"
    )


# Rich text


def _blocks(blocks: tuple[Block, ...]) -> list[str]:
    parts: list[str] = []
    open_list = None
    for block in blocks:
        wanted = {"bullet": "ul", "number": "ol"}.get(block.kind)
        if open_list != wanted:
            if open_list:
                parts.append(f"</{open_list}>")
            if wanted:
                parts.append(f"<{wanted}>")
            open_list = wanted
        content = "".join(_run(run) for run in block.runs)
        parts.append(f"<li>{content}</li>" if wanted else f"<p>{content}</p>")
    if open_list:
        parts.append(f"</{open_list}>")
    return parts


def _run(run: Run) -> str:
    text = _e(run.text).replace("\n", "<br>")
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.italic:
        text = f"<em>{text}</em>"
    if run.url:
        text = f'<a href="{_e(run.url)}">{text}</a>'
    return text


def _e(text: str) -> str:
    return html.escape(text, quote=True)
