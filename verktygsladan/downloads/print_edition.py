"""The whole handbook as one tagged PDF: cover, table of contents, every method, page numbers.

It is rendered from the same Markdown as the method pages on the site, so
the print edition says exactly what the web says.
"""

from __future__ import annotations

import base64
import html
import re

import markdown

from ..content import Handbook
from ..content.glossary import abbreviations
from ..pages.local_content import listed_title
from ..pages.markdown import sentence
from ..pages.method_page import render_method_body
from ..pages.safe_links import SafeLinks
from ..site_layout import GENERATED_DIR
from .model import HANDBOOK_NAME, LICENCE, SOURCE_NOTE, method_date
from .pdf_writer import tagged_pdf

_STYLE = """
@page {
  size: A4;
  margin: 22mm 20mm 24mm;
  @bottom-left { content: string(method); font-size: 8pt; color: #444; }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-size: 8pt; color: #444; }
}
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; }
h1 { font-size: 20pt; string-set: method content(); page-break-before: always; margin-top: 0; }
h2 { font-size: 14pt; margin-top: 1.4em; page-break-after: avoid; }
h3 { font-size: 11.5pt; page-break-after: avoid; }
a { color: #1a3a8a; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 9pt; }
th, td { border: 1px solid #777; padding: 3pt 5pt; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
dt { font-weight: bold; margin-top: 0.4em; }
dd { margin-left: 1.2em; }
abbr { text-decoration: none; }
.cover { page-break-after: always; padding-top: 60mm; }
.cover h1 { page-break-before: avoid; font-size: 28pt; string-set: none; }
.cover p { font-size: 12pt; }
.cover .logo { max-width: 60mm; max-height: 30mm; }
nav h2 { page-break-before: avoid; }
nav ol { list-style: none; padding: 0; }
nav li { margin: 0.35em 0; }
nav a { color: #111; text-decoration: none; }
nav a::after { content: leader(".") target-counter(attr(href), page); }
.admonition { border: 1.5pt solid #9a4d00; padding: 2pt 10pt 4pt; margin: 1em 0; page-break-inside: avoid; }
.admonition-title { font-weight: bold; margin-bottom: 0.3em; }
.vl-facts { border: 1px solid #777; border-left: 4pt solid #334; padding: 0 10pt 6pt; margin: 1em 0; }
.vl-lead { font-size: 11.5pt; }
.vl-edit-link { display: none; }
.vl-checklist { border: 0; padding: 0; margin: 0.6em 0; }
.vl-checklist legend { display: none; }
.vl-checklist__items { list-style: none; padding: 0; }
.vl-checklist__items li { margin: 0.3em 0; }
"""


def render_print_edition(handbook: Handbook, site_url: str = "") -> bytes:
    glossary = abbreviations(handbook.glossary)
    try:
        return _pdf(_document(handbook, glossary, site_url))
    except Exception as error:  # noqa: BLE001 - reported per method below
        raise PrintEditionFailed(_which_method_fails(handbook, glossary, site_url, error)) from error


def _document(handbook: Handbook, glossary: dict[str, str], site_url: str) -> str:
    date = max(method_date(m) for m in handbook.methods)
    contents = "\n".join(
        f'<li><a href="#{m.slug}">{html.escape(listed_title(m, m.title))}</a></li>' for m in handbook.methods)
    chapters = "\n".join(_chapter(m, handbook, glossary, site_url) for m in handbook.methods)
    where = f"<p>Webbplats: {html.escape(site_url)}</p>" if site_url else ""
    edition = handbook.edition
    title = f"{HANDBOOK_NAME} – {edition.name}" if edition else HANDBOOK_NAME
    whose = (f"<p>{html.escape(edition.name)}s utgåva. {sentence('Utgivare: ' + html.escape(edition.settings.publisher))} "
             "Det som organisationen har lagt till är markerat i texten.</p>") if edition else ""
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta name="author" content="Verktygslådan">
<meta name="description" content="Utskriftsutgåva av handboken med alla {len(handbook.methods)} metoder.">
<meta name="dcterms.created" content="{date.isoformat()}T00:00:00Z">
<meta name="dcterms.modified" content="{date.isoformat()}T00:00:00Z">
<style>{_STYLE}</style>
</head>
<body>
<section class="cover">
{_logo(edition)}
<h1>{html.escape(title)}</h1>
{whose}
<p>Utskriftsutgåva med alla {len(handbook.methods)} metoder, senast ändrad {date.isoformat()}.</p>
<p>{html.escape(SOURCE_NOTE)}. Texterna får användas enligt licensen {LICENCE}.</p>
{where}
</section>
<nav aria-label="Innehåll">
<h2>Innehåll</h2>
<ol>
{contents}
</ol>
</nav>
{chapters}
</body>
</html>"""


class PrintEditionFailed(Exception):
    """The print edition could not be made. The message names the method whose chapter failed."""


def _pdf(document: str) -> bytes:
    return tagged_pdf(document)


def _which_method_fails(handbook: Handbook, glossary: dict[str, str], site_url: str, error: Exception) -> str:
    # Only after a failure: each chapter alone, to tell the editor which method to look at.
    for method in handbook.methods:
        try:
            _pdf(f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{html.escape(method.title)}'
                 f'</title></head><body>{_chapter(method, handbook, glossary, site_url)}</body></html>')
        except Exception as chapter_error:  # noqa: BLE001
            return (f"Utskriftsutgåvan kunde inte skapas: kapitlet om metoden \"{method.title}\" "
                    f"({method.source_file}) gick inte att göra till PDF. Tekniskt meddelande: "
                    f"{type(chapter_error).__name__}: {chapter_error}.")
    return f"Utskriftsutgåvan kunde inte skapas. Tekniskt meddelande: {type(error).__name__}: {error}."


def _chapter(method, handbook: Handbook, glossary: dict[str, str], site_url: str) -> str:
    source = render_method_body(method, handbook)
    body = markdown.markdown(
        # "toc" gives headings the ids the website gives them, which the method text links to.
        source, extensions=["admonition", "attr_list", "def_list", "md_in_html", "tables", "abbr", "toc", SafeLinks()],
        extension_configs={"abbr": {"glossary": glossary}}, output_format="html")
    body = _scope_anchors(body, method.slug, {m.slug for m in handbook.methods}, site_url)
    return f'<section id="{method.slug}" lang="sv">\n{body}\n</section>'


# A link to a page of the handbook, as method text writes it: "metod.md#rubrik" or "../sida.md".
_PAGE_LINK = re.compile(r'href="(\.\./)?([a-z0-9-]+)\.md(?:#([^"]*))?"')


def _scope_anchors(body: str, slug: str, chapters: set[str], site_url: str) -> str:
    # Every method has a "Syfte" and an "I korthet"; prefixing ids keeps them
    # unique in one document. Links to other methods become links to their
    # chapters; links to the handbook's other pages go to the website, or
    # are left as text when the site's address is not known.
    body = re.sub(r'id="([^"]+)"', lambda m: f'id="{slug}-{m.group(1)}"', body)
    body = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{slug}-{m.group(1)}"', body)

    def page_link(match: re.Match) -> str:
        up, name, fragment = match.groups()
        if not up and name in chapters:
            return f'href="#{name}-{fragment}"' if fragment else f'href="#{name}"'
        if not site_url:
            return ""
        page = "" if name == "index" else f"{name}/"
        address = f"{site_url.rstrip('/')}/{'' if up else GENERATED_DIR + '/'}{page}"
        return f'href="{html.escape(address + ("#" + fragment if fragment else ""))}"'

    body = _PAGE_LINK.sub(page_link, body)
    return re.sub(r'<h1 id="[^"]*">', "<h1>", body)


def _logo(edition) -> str:
    if edition is None or edition.settings.logo is None:
        return ""
    path = edition.logo_path()
    kind = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img class="logo" src="data:{kind};base64,{data}" alt="{html.escape(edition.settings.logo.alt)}">'
