"""OpenDocument downloads, read back with odfpy as a reader's program reads them, and opened in LibreOffice."""

from __future__ import annotations

import dataclasses
import io
import pickle
import re
import subprocess
import sys
import zipfile

import pytest
from lxml import etree
from odf import chart, opendocument, teletype
from odf import draw, form, office, style, table, text
from odf.namespaces import DCNS, DRAWNS, FONS, FORMNS, METANS, OFFICENS, STYLENS, TABLENS, TEXTNS, XLINKNS, XMLNS

from libreoffice import print_to_pdf, printed_text
from verktygsladan.downloads.layout import layout
from verktygsladan.downloads.model import HANDBOOK_NAME, LANGUAGE, LICENCE
from verktygsladan.downloads.odt_writer import write
from verktygsladan.downloads.rich_text import Block, Run

CHECKLIST_HEADER = ["Klar", "Nivå", "Punkt", "Ansvarig", "Datum", "Kommentar"]
MIMETYPE = b"application/vnd.oasis.opendocument.text"


def load(data: bytes):
    return opendocument.load(io.BytesIO(data))


def squash(value: str) -> str:
    return " ".join(value.split())


def plain(element) -> str:
    return teletype.extractText(element)


def body(odt) -> list:
    """Headings, paragraphs, lists and tables in reading order (the form definitions left out)."""
    return [child for child in odt.text.childNodes if child.qname != (OFFICENS, "forms")]


def headings(odt, level: int) -> list[str]:
    return [plain(h) for h in odt.getElementsByType(text.H) if h.getAttrNS(TEXTNS, "outline-level") == str(level)]


def paragraphs_in(odt, style_name: str) -> list[str]:
    return [plain(p) for p in odt.getElementsByType(text.P) if p.getAttrNS(TEXTNS, "style-name") == style_name]


def properties(odt, style_name: str, kind: str) -> dict[str, str]:
    """One kind of properties ("text", "paragraph", "table-row", …) of a style, following its parents."""
    found: dict[str, str] = {}
    while style_name:
        element = odt.getStyleByName(style_name)
        for child in element.childNodes:
            if child.qname == (STYLENS, f"{kind}-properties"):
                found = {name: value for (_, name), value in child.attributes.items()} | found
        style_name = element.getAttrNS(STYLENS, "parent-style-name")
    return found


def cm(length: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(cm|mm|in|pt)", length).groups()
    return float(value) * {"cm": 1, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72}[unit]


def rows_of(grid) -> tuple[list, list]:
    """(header rows, body rows) of a table."""
    header = [row for rows in grid.getElementsByType(table.TableHeaderRows) for row in rows.childNodes]
    rows = [row for row in grid.childNodes if row.qname == (TABLENS, "table-row")]
    return header, rows


def cell_texts(row) -> list[str]:
    return [plain(cell) for cell in row.childNodes]


def table_with_header(odt, header) -> table.Table:
    (grid,) = [t for t in odt.getElementsByType(table.Table)
               if rows_of(t)[0] and cell_texts(rows_of(t)[0][0]) == list(header)]
    return grid


def min_row_height(odt, row) -> float:
    return cm(properties(odt, row.getAttrNS(TABLENS, "style-name"), "table-row").get("min-row-height", "0cm"))


def is_bold(odt, paragraph) -> bool:
    return properties(odt, paragraph.getAttrNS(TEXTNS, "style-name"), "text").get("font-weight") == "bold"


def meta_value(odt, namespace: str, name: str) -> list[str]:
    return [plain(e) for e in odt.meta.childNodes if e.qname == (namespace, name)]


def master_page(odt, name: str):
    (page,) = [p for p in odt.masterstyles.childNodes if p.getAttrNS(STYLENS, "name") == name]
    return page


def page_layout(odt, master: str) -> dict[str, str]:
    name = master_page(odt, master).getAttrNS(STYLENS, "page-layout-name")
    (layout,) = [e for e in odt.automaticstyles.childNodes if e.getAttrNS(STYLENS, "name") == name]
    (props,) = [c for c in layout.childNodes if c.qname == (STYLENS, "page-layout-properties")]
    return {name: value for (_, name), value in props.attributes.items()}


def checkboxes(odt) -> list:
    return odt.getElementsByType(form.Checkbox)


@pytest.fixture(scope="module")
def checklist_bytes(corpus_checklist):
    return write(corpus_checklist)


@pytest.fixture(scope="module")
def template_bytes(corpus_template):
    return write(corpus_template)


@pytest.fixture(scope="module")
def checklist_odt(checklist_bytes):
    return load(checklist_bytes)


@pytest.fixture(scope="module")
def template_odt(template_bytes):
    return load(template_bytes)


# Both kinds ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_title_method_and_intro_open_the_document(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    odt = request.getfixturevalue(f"{kind}_odt")
    first, method, *rest = body(odt)
    assert first.qname == (TEXTNS, "h") and first.getAttrNS(TEXTNS, "outline-level") == "1"
    assert plain(first) == document.title
    assert plain(method) == f"Metod: {document.method_title}"
    assert headings(odt, 1) == [document.title]
    assert all(block.text in [plain(e) for e in rest] for block in document.intro)


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_language_is_swedish_in_styles_and_metadata(kind, request):
    odt = request.getfixturevalue(f"{kind}_odt")
    (default,) = [s for s in odt.styles.childNodes if s.qname == (STYLENS, "default-style")
                  and s.getAttrNS(STYLENS, "family") == "paragraph"]
    (props,) = [c for c in default.childNodes if c.qname == (STYLENS, "text-properties")]
    assert (props.getAttrNS(FONS, "language"), props.getAttrNS(FONS, "country")) == ("sv", "SE")
    assert meta_value(odt, DCNS, "language") == [LANGUAGE]


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_metadata_is_fixed_to_the_method_date(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    odt = request.getfixturevalue(f"{kind}_odt")
    midnight = f"{document.date.isoformat()}T00:00:00"
    assert meta_value(odt, DCNS, "title") == [document.title]
    assert meta_value(odt, METANS, "initial-creator") == meta_value(odt, DCNS, "creator") == [document.author]
    assert meta_value(odt, DCNS, "subject") == meta_value(odt, DCNS, "description") == [document.description]
    assert meta_value(odt, METANS, "creation-date") == meta_value(odt, DCNS, "date") == [midnight]
    assert meta_value(odt, METANS, "keyword") == [document.kind, document.method_title]
    # The generator is the only other entry, and it holds nothing that changes from run to run.
    (generator,) = meta_value(odt, METANS, "generator")
    assert re.fullmatch(r"ODFPY/[\d.]+", generator)


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_footer_names_method_handbook_licence_source_and_page_numbers(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    odt = request.getfixturevalue(f"{kind}_odt")
    for master in ("Standard", "Liggande"):
        footer = master_page(odt, master).getElementsByType(style.Footer)[0]
        source, numbering = [plain(p) for p in footer.childNodes]
        assert source == document.footer
        for part in (document.method_title, HANDBOOK_NAME, LICENCE, document.page_url):
            assert part in source
        assert re.fullmatch(r"Sida \d+ av \d+", numbering)
        assert len(footer.getElementsByType(text.PageNumber)) == len(footer.getElementsByType(text.PageCount)) == 1


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_pages_are_a4_with_margins(kind, request):
    odt = request.getfixturevalue(f"{kind}_odt")
    portrait, landscape = page_layout(odt, "Standard"), page_layout(odt, "Liggande")
    assert (cm(portrait["page-width"]), cm(portrait["page-height"])) == (21.0, 29.7)
    assert (cm(landscape["page-width"]), cm(landscape["page-height"])) == (29.7, 21.0)
    assert (portrait["print-orientation"], landscape["print-orientation"]) == ("portrait", "landscape")
    for layout in (portrait, landscape):
        assert min(cm(layout[f"margin-{side}"]) for side in ("left", "right", "top")) >= 2
        assert cm(layout["margin-bottom"]) >= 1  # the footer sits above it


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_package_is_an_opendocument_text(kind, request):
    archive = zipfile.ZipFile(io.BytesIO(request.getfixturevalue(f"{kind}_bytes")))
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == MIMETYPE
    manifest = etree.fromstring(archive.read("META-INF/manifest.xml"))
    manifest_ns = manifest.nsmap["manifest"]
    assert manifest.get(f"{{{manifest_ns}}}version") == "1.2"
    listed = {entry.get(f"{{{manifest_ns}}}full-path") for entry in manifest}
    assert listed == {"/", "content.xml", "styles.xml", "meta.xml", "settings.xml"}
    for name in ("content.xml", "styles.xml", "meta.xml", "settings.xml"):
        root = etree.fromstring(archive.read(name))  # well-formed, every prefix declared
        assert root.get(f"{{{OFFICENS}}}version") == "1.2"


@pytest.mark.parametrize("kind", ["checklist", "template"])
def test_same_document_gives_same_bytes(kind, request):
    document = request.getfixturevalue(f"corpus_{kind}")
    first = request.getfixturevalue(f"{kind}_bytes")
    assert write(document) == first
    entries = zipfile.ZipFile(io.BytesIO(first)).infolist()
    midnight = (document.date.year, document.date.month, document.date.day, 0, 0, 0)
    assert {entry.date_time for entry in entries} == {midnight}


def test_same_bytes_whatever_odfpy_did_before(corpus_checklist, checklist_bytes, template_bytes):
    # odfpy collects namespaces process-wide; elements of other kinds made or loaded
    # earlier must not change the next file.
    chart.Chart(attributes={"class": "chart:bar"})
    load(template_bytes)
    assert write(corpus_checklist) == checklist_bytes
    fresh = subprocess.run(
        [sys.executable, "-c", "import pickle, sys; from verktygsladan.downloads.odt_writer import write; "
                               "sys.stdout.buffer.write(write(pickle.load(sys.stdin.buffer)))"],
        input=pickle.dumps(corpus_checklist), capture_output=True, check=True)
    assert fresh.stdout == checklist_bytes


# Checklists ----------------------------------------------------------------------------------------------------

def test_checklist_has_level_legend_and_item_heading(checklist_odt, corpus_checklist):
    assert headings(checklist_odt, 2) == ["Nivåer", "Punkter"]
    legend = paragraphs_in(checklist_odt, "Text_20_body")
    for name, meaning in corpus_checklist.levels:
        assert f"{name} – {meaning}" in legend


def test_every_item_has_its_level_and_room_for_who_when_and_comment(checklist_odt, corpus_checklist):
    header, rows = rows_of(table_with_header(checklist_odt, CHECKLIST_HEADER))
    assert len(rows) == len(corpus_checklist.items)
    for row, item in zip(rows, corpus_checklist.items):
        assert cell_texts(row) == ["", item.level or "", item.text, "", "", ""]
        assert min_row_height(checklist_odt, row) >= 0.9
    assert {"Kärna", "Bör"} <= {item.level for item in corpus_checklist.items}
    assert "ä" in "".join(item.text for item in corpus_checklist.items)


def test_checklist_header_is_bold_and_repeats_on_every_page(checklist_odt):
    grid = table_with_header(checklist_odt, CHECKLIST_HEADER)
    header, rows = rows_of(grid)
    assert len(header) == 1
    assert all(is_bold(checklist_odt, cell.childNodes[0]) for cell in header[0].childNodes)
    # Only the header row sits in table:table-header-rows, which Writer repeats on every page.
    assert all(row.parentNode is grid for row in rows)


def test_every_item_has_an_unticked_form_checkbox_in_its_row(checklist_odt, corpus_checklist):
    (forms,) = checklist_odt.getElementsByType(office.Forms)
    assert forms.getAttrNS(FORMNS, "apply-design-mode") == "false"  # a click ticks, it does not select
    boxes = checkboxes(checklist_odt)
    assert len(boxes) == len(corpus_checklist.items)
    ids = [box.getAttrNS(XMLNS, "id") for box in boxes]
    assert ids == [box.getAttrNS(FORMNS, "id") for box in boxes] and len(set(ids)) == len(ids)
    for box, item in zip(boxes, corpus_checklist.items):
        assert box.getAttrNS(FORMNS, "control-implementation") == "ooo:com.sun.star.form.component.CheckBox"
        assert box.getAttrNS(FORMNS, "current-state") == "unchecked"
        (help_text,) = [p for p in box.getElementsByType(form.Property)
                        if p.getAttrNS(FORMNS, "property-name") == "HelpText"]
        assert help_text.getAttrNS(OFFICENS, "string-value") == f"Klar: {item.text}"
    _, rows = rows_of(table_with_header(checklist_odt, CHECKLIST_HEADER))
    for row, control_id in zip(rows, ids):
        (control,) = row.childNodes[0].getElementsByType(draw.Control)
        assert control.getAttrNS(DRAWNS, "control") == control_id
        assert control.getAttrNS(TEXTNS, "anchor-type") == "as-char"


def test_form_controls_prefix_is_declared(checklist_bytes):
    # Writer resolves the "ooo:" in form:control-implementation and drops controls it cannot resolve.
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(checklist_bytes)).read("content.xml"))
    assert root.nsmap["ooo"] == "http://openoffice.org/2004/office"


def test_checklist_without_levels_has_no_level_column(corpus_checklist):
    plain_items = dataclasses.replace(corpus_checklist, items=tuple(
        dataclasses.replace(item, level=None) for item in corpus_checklist.items))
    odt = load(write(plain_items))
    _, rows = rows_of(table_with_header(odt, ["Klar", "Punkt", "Ansvarig", "Datum", "Kommentar"]))
    assert [cell_texts(row)[1] for row in rows] == [item.text for item in plain_items.items]
    assert headings(odt, 2) == ["Punkter"]
    assert len(checkboxes(odt)) == len(plain_items.items)


# Templates -----------------------------------------------------------------------------------------------------

def test_every_section_is_an_outline_heading(template_odt, corpus_template):
    assert headings(template_odt, 2) == [s.heading for s in corpus_template.sections]
    heading_style = template_odt.getStyleByName("Heading_20_2")
    assert heading_style.getAttrNS(STYLENS, "default-outline-level") == "2"


def test_guidance_has_its_own_visibly_different_style(template_odt, corpus_template):
    guidance = [block.text for section in corpus_template.sections for block in section.guidance]
    assert guidance
    assert paragraphs_in(template_odt, "Vagledning") == guidance
    named = template_odt.getStyleByName("Vagledning")
    assert named.parentNode.qname == (OFFICENS, "styles")  # a named style the reader can find and reuse
    assert named.getAttrNS(STYLENS, "display-name") == "Vägledning"
    look = properties(template_odt, "Vagledning", "text")
    assert look["font-style"] == "italic"
    assert look["color"].lower() not in ("#000000", "#000")
    assert cm(properties(template_odt, "Vagledning", "paragraph")["margin-left"]) > 0


def labels_in(odt) -> list[str]:
    """Fill-in labels: paragraphs in the "Fältetikett" style or a variant of it."""
    return [plain(p) for p in odt.getElementsByType(text.P)
            if "Faltetikett" in (p.getAttrNS(TEXTNS, "style-name"),
                                 odt.getStyleByName(p.getAttrNS(TEXTNS, "style-name")).getAttrNS(STYLENS,
                                                                                                 "parent-style-name"))]


def test_every_fill_in_field_is_a_box_with_its_label_at_the_top(template_odt, corpus_template):
    sections = [section for section in corpus_template.sections if section.fill_in]
    assert sections
    assert labels_in(template_odt) == [label for section in sections for label in section.fill_in]
    for section in sections:
        # Bordered boxes stacked as the rows of one table, so Tab moves from box to box.
        (boxes,) = [t for t in template_odt.getElementsByType(table.Table)
                    if [cell_texts(row)[0] for row in rows_of(t)[1]] == list(section.fill_in)]
        _, rows = rows_of(boxes)
        for row in rows:
            (cell,) = row.childNodes
            assert is_bold(template_odt, cell.childNodes[0])
            assert min_row_height(template_odt, row) >= 2
            sides = properties(template_odt, cell.getAttrNS(TABLENS, "style-name"), "table-cell")
            assert all(sides[f"border-{side}"] != "none" for side in ("left", "right", "bottom"))
        first = properties(template_odt, rows[0].childNodes[0].getAttrNS(TABLENS, "style-name"), "table-cell")
        assert first["border-top"] != "none"


def test_writer_keeps_table_rows_with_the_next_as_word_does(checklist_bytes):
    # Without this compatibility setting Writer ignores "keep with next" in table rows.
    settings = etree.fromstring(zipfile.ZipFile(io.BytesIO(checklist_bytes)).read("settings.xml"))
    config = settings.nsmap["config"]
    (item,) = settings.findall(f".//{{{config}}}config-item[@{{{config}}}name='TableRowKeep']")
    assert item.text == "true"


def test_tables_have_repeated_bold_header_row_headings_and_room_to_write(template_odt, corpus_template):
    for section in (s for s in corpus_template.sections if s.table):
        header, rows = rows_of(table_with_header(template_odt, section.table.columns))
        assert len(header) == 1
        assert all(is_bold(template_odt, cell.childNodes[0]) for cell in header[0].childNodes)
        assert [cell_texts(row)[0] for row in rows] == list(section.table.rows)
        assert all(texts[1:] == [""] * (len(section.table.columns) - 1) for texts in map(cell_texts, rows))
        assert all(min_row_height(template_odt, row) >= 1 for row in rows)


def test_rich_text_keeps_lists_emphasis_and_links(corpus_template):
    numbered = (Block((Run("Första steget"),), "number"), Block((Run("Andra steget"),), "number"))
    intro = (Block((Run("Läs mer i "), Run("handboken", url="https://example.org/metoder/"), Run(".")),),
             Block((Run("En punkt", bold=True),), "bullet"), *numbered)
    sections = tuple(dataclasses.replace(section, guidance=numbered) for section in corpus_template.sections)
    odt = load(write(dataclasses.replace(corpus_template, intro=intro, sections=sections)))
    (link,) = [a for a in odt.getElementsByType(text.A) if plain(a) == "handboken"]
    assert link.getAttrNS(XLINKNS, "href") == "https://example.org/metoder/"
    lists = odt.text.getElementsByType(text.List)
    assert [[plain(item) for item in lst.childNodes] for lst in lists] == [
        ["En punkt"], ["Första steget", "Andra steget"], *[["Första steget", "Andra steget"]] * len(sections)]
    list_styles = [lst.getAttrNS(TEXTNS, "style-name") for lst in lists]
    assert len(set(list_styles[1:2] + list_styles[2:])) == 2  # guidance lists are indented like guidance
    (bold,) = [span for span in odt.getElementsByType(text.Span) if plain(span) == "En punkt"]
    assert properties(odt, bold.getAttrNS(TEXTNS, "style-name"), "text")["font-weight"] == "bold"
    # Guidance list items keep the guidance style.
    assert paragraphs_in(odt, "Vagledning") == ["Första steget", "Andra steget"] * len(sections)


def test_footer_links_to_the_method_page_when_the_site_address_is_known(corpus_checklist):
    url = "https://verktygsladan.example.se/metoder/exempel/"
    odt = load(write(dataclasses.replace(corpus_checklist, page_url=url)))
    footer = master_page(odt, "Standard").getElementsByType(style.Footer)[0]
    (link,) = footer.getElementsByType(text.A)
    assert link.getAttrNS(XLINKNS, "href") == plain(link) == url
    assert plain(footer.childNodes[0]).endswith(f"Licens {LICENCE} · {url}")


# Every real document -------------------------------------------------------------------------------------------

def test_every_real_document_is_a_complete_odt_file(real_documents):
    assert real_documents
    for document in real_documents:
        data = write(document)
        assert data[30:38] == b"mimetype" and MIMETYPE in data[:80], document.id
        odt = load(data)
        assert headings(odt, 1) == [document.title], document.id
        assert meta_value(odt, DCNS, "title") == [document.title]
        assert meta_value(odt, DCNS, "language") == [LANGUAGE]
        footer = master_page(odt, "Standard").getElementsByType(style.Footer)[0]
        assert document.method_title in plain(footer), document.id
        if document.is_checklist:
            assert len(checkboxes(odt)) == len(document.items), document.id
            _, rows = rows_of(table_with_header(odt, CHECKLIST_HEADER))
            # A phase's heading row is a single cell spanning the row.
            seen = [(cell_texts(row)[0],) if spans_the_row(row) else tuple(cell_texts(row)[1:3]) for row in rows]
            assert seen == expected_checklist_rows(document, lambda item: (item.level or "", item.text)), document.id
        else:
            assert headings(odt, 2) == [s.heading for s in document.sections], document.id
            assert labels_in(odt) == [label for s in document.sections for label in s.fill_in], document.id
            for section in (s for s in document.sections if s.table):
                header, rows = rows_of(table_with_header(odt, section.table.columns))
                assert len(header) == 1, document.id
                assert [cell_texts(row)[0] for row in rows] == list(section.table.rows), document.id


def spans_the_row(row) -> bool:
    return row.childNodes[0].getAttrNS(TABLENS, "number-columns-spanned") == str(len(row.childNodes))


def expected_checklist_rows(document, item_row) -> list[tuple]:
    """The checklist's rows as the reader should see them: each phase's name on a row of its own
    before the phase's items, when the items have phases."""
    rows, phase = [], None
    for item in document.items:
        if item.phase and item.phase != phase:
            rows.append((item.phase,))
        phase = item.phase or phase
        rows.append(item_row(item))
    return rows


def widest_template(real_documents):
    return max((d for d in real_documents if d.sections), key=lambda d: max(
        (len(s.table.columns) for s in d.sections if s.table), default=0))


def test_wide_tables_get_landscape_pages(real_documents):
    document = widest_template(real_documents)
    odt = load(write(document))
    # A heading whose style names a master page starts a page of that kind, until the next such heading.
    page_of, current = {}, "Standard"
    for heading in odt.getElementsByType(text.H):
        style_name = heading.getAttrNS(TEXTNS, "style-name")
        current = odt.getStyleByName(style_name).getAttrNS(STYLENS, "master-page-name") or current
        page_of[plain(heading)] = current
    plan = layout(document)
    assert page_of[document.title] == "Standard"
    for section, part in zip(document.sections, plan.parts):
        assert page_of[section.heading] == ("Liggande" if part.page.landscape else "Standard"), section.heading
    assert "Liggande" in page_of.values()
    # Every table spans its page's text width, in the layout's column widths.
    for section, part in zip(document.sections, plan.parts):
        if not section.table:
            continue
        _, rows = rows_of(table_with_header(odt, section.table.columns))
        grid = rows[0].parentNode
        assert cm(properties(odt, grid.getAttrNS(TABLENS, "style-name"), "table")["width"]) == pytest.approx(
            part.page.text_width, abs=0.01)
        widths = [cm(properties(odt, column.getAttrNS(TABLENS, "style-name"), "table-column")["column-width"])
                  for column in grid.getElementsByType(table.TableColumn)]
        assert widths == pytest.approx(part.table.widths, abs=0.001), section.heading


# Opened in LibreOffice -----------------------------------------------------------------------------------------

def run(*command) -> str:
    return subprocess.run([str(part) for part in command], check=True, capture_output=True, text=True).stdout


def pdf_info(pdf) -> dict[str, str]:
    lines = run("pdfinfo", pdf).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def bookmarks(pdf) -> list[str]:
    """Titles in the PDF (outline entries and the document title), as LibreOffice writes them: UTF-16 hex."""
    return [bytes.fromhex(value).decode("utf-16") for value in re.findall(rb"/Title<([0-9A-F]+)>", pdf.read_bytes())
            for value in [value.decode()]]


def assert_numbered_pages(printed: str) -> None:
    pages = re.findall(r"Sida (\d+) av (\d+)", printed)
    assert pages == [(str(page), str(len(pages))) for page in range(1, len(pages) + 1)]


def test_libreoffice_prints_checklist_and_templates(tmp_path, corpus_template, real_documents, swedish_checklist):
    checklist = swedish_checklist
    wide = widest_template(real_documents)
    pdfs = print_to_pdf(tmp_path, "odt", {"checklista": write(checklist), "mall": write(corpus_template),
                                     "bred": write(wide)})

    printed = printed_text(pdfs["checklista"])
    assert squash(checklist.title) in printed
    for item in checklist.items:
        # The level stands on the same line, just before the item.
        assert squash(f"{item.level or ''} {item.text}") in printed
    assert all(column in printed for column in CHECKLIST_HEADER)
    assert_numbered_pages(printed)
    # Writer loaded every checkbox as a form control: each became a PDF check box field.
    assert pdf_info(pdfs["checklista"])["Form"] == "AcroForm"
    assert len(re.findall(rb"/FT\s*/Btn", pdfs["checklista"].read_bytes())) == len(checklist.items)
    assert {checklist.title, "Nivåer", "Punkter"} <= set(bookmarks(pdfs["checklista"]))

    template = printed_text(pdfs["mall"])
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
    assert {corpus_template.title, *(s.heading for s in corpus_template.sections)} <= set(bookmarks(pdfs["mall"]))
    info = pdf_info(pdfs["mall"])
    assert (info["Title"], info["Author"]) == (corpus_template.title, corpus_template.author)

    pages = run("pdfinfo", "-f", "1", "-l", "99", pdfs["bred"])
    sizes = set(re.findall(r"size:\s+([\d.]+ x [\d.]+) pts", pages))
    assert sizes == {"595.304 x 841.89", "841.89 x 595.304"}  # A4 portrait and A4 landscape
    assert_numbered_pages(printed_text(pdfs["bred"]))
