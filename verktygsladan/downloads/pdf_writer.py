"""A template or checklist as a tagged, fillable PDF, made with WeasyPrint.

The document is written as small semantic HTML and laid out by WeasyPrint as
PDF/UA-1: headings, lists and tables become PDF structure tags a screen
reader can follow, and fill-in boxes and checkboxes become AcroForm fields,
so the PDF can be filled in on screen as well as printed and written on.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable

import weasyprint
from weasyprint.urls import URLFetcher

from .model import LANGUAGE, LOGO_HEIGHT_CM, Document, Item, Section, Table
from .rich_text import Block, Run

__all__ = ["write"]

# Tables wider than this get a landscape page of their own: in portrait each
# column would be too narrow to write in.
MAX_PORTRAIT_COLUMNS = 6

STYLE = """
@page {
  size: A4;
  margin: 18mm 16mm 26mm 16mm;
  @bottom-left {
    width: 78%;
    vertical-align: top;
    padding-top: 3mm;
    font-size: 7pt;
    line-height: 1.3;
    color: #444;
  }
  @bottom-right {
    content: "Sida " counter(page) " av " counter(pages);
    width: 22%;
    vertical-align: top;
    text-align: right;
    padding-top: 3mm;
    font-size: 8pt;
    color: #444;
  }
}
@page wide { size: A4 landscape; }
/* No ligatures: "fi" and "ff" as single glyphs copy and search poorly. */
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; color: #111;
       font-variant-ligatures: none; }
body { margin: 0; }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 1.5mm; }
h2 { font-size: 13pt; line-height: 1.2; margin: 7mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
a { color: #0b4f8a; }
/* On paper the link text alone leads nowhere. */
a::after { content: " (" attr(href) ")"; }
.method { color: #333; margin-bottom: 5mm; }
/* Without the break after, the next section would start on the landscape page. */
section.wide { page: wide; break-after: page; }
.vagledning {
  background: #eef2f6;
  border-left: 3pt solid #5a7391;
  padding: 2mm 3mm 0.5mm;
  margin: 0 0 3mm;
  font-size: 9pt;
  font-style: italic;
  color: #333;
  break-inside: avoid;
}
.vagledning .label { font-style: normal; font-weight: bold; color: #5a7391; margin-bottom: 1mm; }
.field { margin: 0 0 3mm; break-inside: avoid; }
.field label { display: block; font-weight: bold; margin-bottom: 1mm; }
textarea, input[type="text"] {
  display: block;
  box-sizing: border-box;
  width: 100%;
  margin: 0;
  padding: 1mm;
  border: 0.75pt solid #666;
  background: transparent;
  font-family: "DejaVu Sans", sans-serif;
  font-size: 9pt;
}
.field textarea { height: 28mm; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.3; margin: 0 0 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #666; padding: 1.2mm; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
thead th { background: #e4e8ec; font-weight: bold; }
tbody th { font-weight: bold; background: #f6f7f8; }
td.writing { padding: 0; }
td.writing textarea, td.writing input { border: 0; height: 14mm; }
.checklist td.writing textarea, .checklist td.writing input { height: 11mm; }
.checklist td.done { text-align: center; }
input[type="checkbox"] { width: 4.5mm; height: 4.5mm; margin: 0.5mm 0 0; border: 0.75pt solid #111; }
.levels li { margin-bottom: 1mm; }
"""

# (header, width in %) of the checklist table.
CHECKLIST_COLUMNS = (("Klar", 8), ("Nivå", 8), ("Punkt", 36), ("Ansvarig", 16), ("Datum", 12), ("Kommentar", 20))


def write(document: Document) -> bytes:
    page = weasyprint.HTML(string=_document_html(document), url_fetcher=offline_fetcher())
    # pdf_identifier=True derives the file ID from the content, so it is stable.
    return page.write_pdf(pdf_variant="pdf/ua-1", pdf_forms=True, pdf_identifier=True)


def offline_fetcher() -> URLFetcher:
    # A download must not depend on, or leak requests to, anything outside it.
    return URLFetcher(allowed_protocols=("data",))


def _document_html(document: Document) -> str:
    body = [*_logo(document), f"<h1>{_e(document.title)}</h1>",
            f'<p class="method">Metod: {_e(document.method_title)}</p>',
            *_blocks(document.intro)]
    if document.is_checklist:
        body += _checklist(document)
    else:
        body += [_section(section, number) for number, section in enumerate(document.sections, start=1)]
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
        f"<style>{STYLE}{_footer_css(document)}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ])


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


def _section(section: Section, number: int) -> str:
    wide = section.table is not None and len(section.table.columns) > MAX_PORTRAIT_COLUMNS
    parts = ['<section class="wide">' if wide else "<section>", f"<h2>{_e(section.heading)}</h2>"]
    if section.guidance:
        parts += ['<div class="vagledning">', '<p class="label">Vägledning</p>', *_blocks(section.guidance), "</div>"]
    for index, label in enumerate(section.fill_in, start=1):
        field = f"falt-{number}-{index}"
        parts.append(f'<div class="field"><label for="{field}">{_e(label)}</label>'
                     f'<textarea id="{field}" name="{field}" title="{_e(label)}">{_e(section.filled_in(label))}'
                     "</textarea></div>")
    if section.table:
        parts.append(_table(section.table, f"tabell-{number}"))
    parts.append("</section>")
    return "\n".join(parts)


def _table(table: Table, name: str) -> str:
    header = "".join(f'<th scope="col">{_e(column)}</th>' for column in table.columns)
    rows = "".join(_table_row(table, heading, f"{name}-{number}", number)
                   for number, heading in enumerate(table.rows, start=1))
    return f"<table>{_columns(_column_widths(table))}<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"


def _table_row(table: Table, heading: str, name: str, number: int) -> str:
    # A field's name tells a screen reader user which cell it is: "Trygghet, Nuläge".
    row_name = heading or f"Rad {number}"
    cells = [f'<th scope="row">{_e(heading)}</th>' if heading
             else _writing_cell(f"{name}-1", f"{row_name}, {table.columns[0]}")]
    cells += [_writing_cell(f"{name}-{column_number}", f"{row_name}, {column}")
              for column_number, column in enumerate(table.columns[1:], start=2)]
    return f"<tr>{''.join(cells)}</tr>"


def _column_widths(table: Table) -> list[float]:
    # The body cells are empty, so widths follow the text in each column, within
    # limits: a "Nr" column still gets room to write, a long header no more than
    # its share. (The longest word in a column still sets its minimum width.)
    texts = [[column] for column in table.columns]
    texts[0] += table.row_headings
    weights = [min(max(len(text) for text in column_texts), 30) + 8 for column_texts in texts]
    return [100 * weight / sum(weights) for weight in weights]


def _columns(widths: Iterable[float]) -> str:
    return "".join(f'<col style="width: {width:.1f}%">' for width in widths)


def _writing_cell(field: str, title: str, multiline: bool = True) -> str:
    control = (f'<textarea id="{field}" name="{field}" title="{_e(title)}"></textarea>' if multiline
               else f'<input type="text" id="{field}" name="{field}" title="{_e(title)}">')
    return f'<td class="writing">{control}</td>'


# Checklist


def _checklist(document: Document) -> list[str]:
    parts = []
    if document.levels:
        parts += ["<h2>Nivåer</h2>", '<ul class="levels">',
                  *(f"<li><strong>{_e(name)}</strong>: {_e(meaning)}</li>" for name, meaning in document.levels),
                  "</ul>"]
    columns = _columns(width for _, width in CHECKLIST_COLUMNS)
    header = "".join(f'<th scope="col">{_e(column)}</th>' for column, _ in CHECKLIST_COLUMNS)
    rows = "".join(_checklist_row(item, number) for number, item in enumerate(document.items, start=1))
    parts += ["<h2>Punkter</h2>",
              f'<table class="checklist">{columns}<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>']
    return parts


def _checklist_row(item: Item, number: int) -> str:
    box = f"punkt-{number}"
    level = item.level or ""
    # The checkbox's accessible name carries the level too, so it is never lost.
    title = f"{level}: {item.text}" if level else item.text
    return (
        "<tr>"
        f'<td class="done"><input type="checkbox" id="{box}" name="{box}" title="{_e(title)}"></td>'
        f"<td>{_e(level)}</td>"
        f'<td><label for="{box}">{_e(item.text)}</label></td>'
        + _writing_cell(f"{box}-ansvarig", f"Ansvarig för punkt {number}", multiline=False)
        + _writing_cell(f"{box}-datum", f"Datum för punkt {number}", multiline=False)
        + _writing_cell(f"{box}-kommentar", f"Kommentar till punkt {number}")
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
