"""Every real download on paper: Word and OpenDocument files printed by LibreOffice, PDFs as they are.

What is checked is what a reader holding the printout sees: no page left
nearly empty, the same content on pages of the same orientation in Word,
OpenDocument and the PDF, columns as wide as the layout model decided with
no header word broken, the SKA matrix whole on A3 sheets, and a checklist's
phases in every format. Pages are read with poppler: pdfinfo for sizes,
pdftotext for text and word positions, pdftoppm for the ink on each page.
"""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

from conftest import CORPUS, copy_project
from corpus_edits import give_phases_and_print_large
from libreoffice import print_to_pdf
from verktygsladan.content import load_handbook
from poppler import PDF_STRING, pdf_objects, pdf_string, run, structure_tags
from verktygsladan.downloads import docx_writer, odt_writer, pdf_writer, xlsx_writer
from verktygsladan.downloads.formats import FORMATS
from verktygsladan.downloads.layout import CM_PER_PT, DocumentLayout, Fonts, layout
from verktygsladan.downloads.model import documents_for

OFFICE = {"docx": docx_writer, "odt": odt_writer}
# The three formats laid out page by page; A3 is the large print of the PDF.
PAGED = ("docx", "odt", "pdf")
MOST_EMPTY = 0.85




@dataclasses.dataclass
class Printout:
    """One download as printed: its PDF, and per page its size in points, its text and its words."""

    path: Path
    sizes: list[tuple[float, float]]
    texts: list[str]

    @property
    def orientations(self) -> list[bool]:
        """Per page: True for landscape."""
        return [width > height for width, height in self.sizes]

    def words(self) -> list[tuple[int, float, float, str]]:
        """(page from 0, x, y, word) of every word, from poppler's bounding boxes."""
        found, page = [], -1
        for line in run("pdftotext", "-bbox", self.path, "-").splitlines():
            if "<page " in line:
                page += 1
            match = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)</word>', line)
            if match:
                found.append((page, float(match.group(1)), float(match.group(2)), _unescape(match.group(3))))
        return found


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def read(path: Path) -> Printout:
    info = run("pdfinfo", "-f", "1", "-l", "9999", path)
    sizes = [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]
    texts = run("pdftotext", path, "-").split("\f")[: len(sizes)]
    return Printout(path, sizes, texts)


@pytest.fixture(scope="module")
def printed(handbook, built_site, site_printouts) -> dict[tuple[str, str], Printout]:
    """(document id, "docx" | "odt" | "pdf" | "pdf-a3") → the printout, for every real document: the
    built site's own PDFs, and its Word and OpenDocument files as LibreOffice prints them."""
    paths = {}
    for method in handbook.methods:
        folder = built_site / "metoder" / method.slug
        for document in documents_for(method, handbook):
            for format_ in (f for f in FORMATS if f.extension == "pdf" and f.applies_to(document)):
                paths[document.id, "pdf-a3" if format_.only_for_print_large else "pdf"] = \
                    folder / format_.file_name(document.id)
            for extension in OFFICE:
                paths[document.id, extension] = site_printouts[f"{method.slug}/{document.id}.{extension}"]
    with ThreadPoolExecutor(4) as pool:
        return dict(zip(paths, pool.map(read, paths.values())))


@pytest.fixture(scope="module")
def documents(real_documents) -> dict:
    return {document.id: document for document in real_documents}


# No page left nearly empty -------------------------------------------------------------------------------------------

def filled(printout: Printout, plan: DocumentLayout) -> list[float]:
    """How far down each page's body the content reaches, from 0 (nothing) to 1 (the bottom margin).

    Each page is rendered in grey at 40 dpi by pdftoppm, and a pixel row with
    any non-white pixel counts as ink; an empty table's cells count too, as
    their borders are ink. The footer is the lowest group of ink rows inside
    the bottom margin, its lines less than 4 mm apart; the lowest ink above it
    is where the content ends. The share is that depth below the top margin
    over the body's height (page height less top and bottom margin, which the
    layout model sets for every format). Content runs from the top of a page
    down, so what lies below the share is the page's empty part.
    """
    dpi = 40
    per_cm = dpi / 2.54
    first = plan.first_page
    shares = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(printout.path), f"{folder}/s"], check=True)
        pages = sorted(Path(folder).glob("s-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for page in pages:
            header, width, height, data = _pgm(page.read_bytes())
            inked = [min(data[row * width:(row + 1) * width]) < 245 for row in range(height)]
            limit = height - int((first.bottom_margin + 0.3) * per_cm)
            gap = int(0.4 * per_cm) + 1
            row = height - 1
            while row > limit and not inked[row]:
                row -= 1
            while row > limit:  # through the footer's lines, up to a gap or the margin's top
                if inked[row]:
                    row -= 1
                    continue
                blank = 0
                while row - blank > 0 and not inked[row - blank]:
                    blank += 1
                if blank >= gap:
                    break
                row -= blank
            while row > 0 and not inked[row]:
                row -= 1
            body = height - (first.margin + first.bottom_margin) * per_cm
            shares.append(max(0.0, (row - first.margin * per_cm) / body))
    return shares


def _pgm(data: bytes) -> tuple[bytes, int, int, bytes]:
    """A binary greyscale PGM as pdftoppm writes it: header, width, height, pixels."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    return match.group(0), int(match.group(1)), int(match.group(2)), data[match.end():]


@pytest.mark.parametrize("kind", [*PAGED, "pdf-a3"])
def test_no_page_but_the_last_is_more_than_85_percent_empty(printed, documents, kind):
    checked = 0
    empty_pages = []
    for (document_id, printed_kind), printout in printed.items():
        if printed_kind != kind:
            continue
        plan = layout(documents[document_id], print_large=kind == "pdf-a3")
        shares = filled(printout, plan)
        assert len(shares) == len(printout.sizes)
        for page, share in enumerate(shares[:-1], start=1):
            checked += 1
            if share < 1 - MOST_EMPTY:
                empty_pages.append(f"{document_id} sida {page}: {share:.0%} ifylld")
        # The last page may be short, but never hold nothing but the footer.
        if shares[-1] == 0:
            empty_pages.append(f"{document_id} sida {len(shares)}: tom")
    assert checked > 0
    assert empty_pages == []


# The same orientation in every format --------------------------------------------------------------------------------

def _squashed(text: str) -> str:
    return "".join(text.split())


def parts_per_page(printout: Printout, headings: list[str]) -> list[set[int]]:
    """For each page, the parts (by index) whose content is on it: every one whose heading is on the
    page, and the one before if anything stands above the first of those headings (a part running
    on). -1 is the title, before the first part."""
    found, part = [], -1
    for text in (_squashed(text) for text in printout.texts):
        on_page, position = set(), 0
        while part + 1 < len(headings) and (at := text.find(_squashed(headings[part + 1]), position)) >= 0:
            if not on_page and at > 0:
                on_page.add(part)
            part, position = part + 1, at + 1
            on_page.add(part)
        found.append(on_page or {part})
    assert part == len(headings) - 1, f"{printout.path.name}: rubriken \"{headings[part + 1]}\" hittades inte"
    return found


def test_word_opendocument_and_pdf_put_every_part_on_pages_of_the_orientation_the_layout_decides(printed, documents):
    """Every page of every Word (printed by LibreOffice), OpenDocument and PDF download is portrait or
    landscape as the layout model decides for each part on it, found by the parts' headings in
    pdftotext's text; so the three agree page for page on the same content, even where one of them
    needs a page more. And they turn the paper the same times, in the same order."""
    differing = []
    turned = 0
    for document in documents.values():
        plan = layout(document)
        if plan.checklist:
            expected, headings = [plan.checklist.page.landscape], []
        else:
            expected, headings = [part.page.landscape for part in plan.parts], [s.heading for s in document.sections]
        turned += any(expected)
        runs = {}
        for kind in PAGED:
            printout = printed[document.id, kind]
            for page, (landscape, parts) in enumerate(zip(printout.orientations, parts_per_page(printout, headings))):
                wanted = {plan.first_page.landscape if part < 0 else expected[part] for part in parts}
                if wanted != {landscape}:
                    differing.append(f"{document.id}.{kind} sida {page + 1}: {'liggande' if landscape else 'stående'}")
            # Runs of pages of one orientation: Word, OpenDocument and the PDF turn the paper as often.
            runs[kind] = [landscape for index, landscape in enumerate(printout.orientations)
                          if index == 0 or landscape != printout.orientations[index - 1]]
        assert runs["docx"] == runs["odt"] == runs["pdf"], document.id
    assert differing == []
    assert turned > 0, "no real document has a landscape part: the check would prove nothing"


# Columns as the layout decides them ----------------------------------------------------------------------------------

def header_rows(words, headers: list[str]) -> list[tuple[int, float, list[float]]]:
    """Every row of words holding each header's first word, left to right, in reading order:
    (page, y, x of each). A table's header row, repeated on each page the table runs onto."""
    firsts = [header.split()[0] for header in headers]
    lines: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for page, x, y, word in words:
        lines.setdefault((page, round(y)), []).append((x, word))
    rows = []
    for (page, y), line in sorted(lines.items()):
        line.sort()
        xs, position = [], 0
        for first in firsts:
            match = next((i for i in range(position, len(line)) if line[i][1] == first), None)
            if match is None:
                break
            xs.append(line[match][0])
            position = match + 1
        if len(xs) == len(firsts):
            rows.append((page, float(y), xs))
    return rows


def _tables(document, plan: DocumentLayout):
    if plan.checklist:
        yield [column.header for column in plan.checklist.table.columns], plan.checklist.table, plan.checklist.page
    for section, part in zip(document.sections, plan.parts):
        if section.table:
            yield list(section.table.columns), part.table, part.page


def _bare(word: str) -> str:
    return word.strip(".,:;!?()–-\"”“'…")


def test_columns_are_as_wide_as_the_layout_decides_and_no_header_word_breaks(printed, documents):
    tables = 0
    for document in documents.values():
        plan = layout(document)
        known = {_bare(word) for text in _texts(document) for word in text.split()}
        for kind in PAGED:
            printout = printed[document.id, kind]
            words = printout.words()
            for headers, shape, page in _tables(document, plan):
                found = header_rows(words, headers)
                assert found, f"{document.id}.{kind}: tabellhuvudet {headers} hittades inte"
                page_number, _, xs = found[0]
                tables += 1
                # Each header starts where the layout puts its column (the cell's padding is the same in each).
                starts = [sum(shape.widths[:index]) for index in range(len(headers))]
                seen = [(x - xs[0]) * CM_PER_PT for x in xs]
                assert seen == pytest.approx(starts, abs=0.25), f"{document.id}.{kind}: {headers}"
                # No header word in pieces: every word whole on the page, and no piece of one that
                # is not a word of the document itself.
                on_page = {_bare(word) for p, _, _, word in words if p == page_number}
                for header in headers:
                    for word in map(_bare, header.split()):
                        assert word in on_page, f"{document.id}.{kind}: \"{word}\" i \"{header}\" är delat"
                        pieces = {token for token in on_page if token not in known and len(token) > 1
                                  and token != word and (word.startswith(token) or word.endswith(token))}
                        assert not pieces, f"{document.id}.{kind}: \"{word}\" delat i {sorted(pieces)}"
    assert tables > 60


def _texts(document) -> list[str]:
    """Every text the document prints, its own and the writers' fixed words."""
    texts = [document.title, document.method_title, document.footer, *(block.text for block in document.intro),
             "Metod: Vägledning Nivåer Punkter Sida av Klar Nivå Punkt Ansvarig Datum Kommentar"]
    texts += [name + " " + meaning for name, meaning in document.levels]
    texts += [item.text + " " + (item.level or "") + " " + (item.phase or "") for item in document.items]
    for section in document.sections:
        texts += [section.heading, *section.fill_in, *(block.text for block in section.guidance)]
        if section.table:
            texts += [*section.table.columns, *section.table.row_headings]
    return texts


# The SKA matrix on A3 ------------------------------------------------------------------------------------------------


def test_a_template_printed_large_is_a_tagged_a3_landscape_pdf_with_each_table_whole_on_a_sheet(printed, documents):
    large = [(document_id, printout) for (document_id, kind), printout in printed.items() if kind == "pdf-a3"]
    assert large, "no template is marked print_large"
    for document_id, printout in large:
        document = documents[document_id]
        info = run("pdfinfo", printout.path)
        assert re.search(r"^Tagged:\s+yes$", info, re.M) and re.search(r"^Form:\s+AcroForm$", info, re.M)
        assert all(abs(width - 42.0 / CM_PER_PT) < 1 and abs(height - 29.7 / CM_PER_PT) < 1
                   for width, height in printout.sizes), printout.sizes
        assert "(A3)" in run("pdfinfo", "-f", "1", "-l", str(len(printout.sizes)), printout.path)
        tags = structure_tags(printout.path)
        words = printout.words()
        for section in (s for s in document.sections if s.table):
            for heading in section.table.columns:
                assert ("TH", heading) in tags, heading
            for heading in section.table.row_headings:
                assert ("TH", heading) in tags, heading
            # Whole on one sheet: its header row stands on one page only, with every row heading below it.
            (header,) = header_rows(words, list(section.table.columns))
            page, top, _ = header
            below = {word for p, _, y, word in words if p == page and y > top}
            for heading in section.table.row_headings:
                assert set(heading.split()) <= below, heading


# Phases in every format ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def phased_corpus(tmp_path_factory):
    """The corpus example, its checklist given phases as an editor would: a checklist with phases
    to test whatever the real methods hold."""
    project = copy_project(tmp_path_factory.mktemp("skeden") / "projekt", methods_from=CORPUS / "valid")
    give_phases_and_print_large(project)
    handbook = load_handbook(project)
    return handbook, next(d for d in documents_for(handbook.method("exempel"), handbook) if d.is_checklist)


def print_all(document, folder: Path) -> dict[str, Printout]:
    """The document in each paged format, the office files printed by LibreOffice."""
    prints = {}
    for kind in PAGED:
        (folder / kind).mkdir(parents=True)
        if kind in OFFICE:
            (pdf,) = print_to_pdf(folder / kind, kind, {document.id: OFFICE[kind].write(document)}).values()
        else:
            pdf = folder / kind / f"{document.id}.pdf"
            pdf.write_bytes(pdf_writer.write(document))
        prints[kind] = read(pdf)
    return prints


def test_checklist_phases_are_named_in_every_format(phased_corpus, printed, documents, tmp_path):
    handbook, corpus = phased_corpus
    checklists = [corpus, *(d for d in documents.values() if d.is_checklist and any(i.phase for i in d.items))]
    names = {term.name for term in handbook.vocabulary.terms("phases").values()}
    for checklist in checklists:
        phases = list(dict.fromkeys(item.phase for item in checklist.items if item.phase))
        assert len(phases) > 1 and set(phases) <= names, checklist.id
        prints = {kind: printed[checklist.id, kind] for kind in PAGED if (checklist.id, kind) in printed}
        if not prints:  # the corpus checklist is not among the real documents
            prints = print_all(checklist, tmp_path / checklist.id)
        for kind, printout in prints.items():
            text = _squashed(" ".join(printout.texts))
            # Each phase named once, before its first item and after the items of the phase before.
            positions = [text.find(_squashed(phase)) for phase in phases]
            firsts = [text.find(_squashed(next(i.text for i in checklist.items if i.phase == phase)))
                      for phase in phases]
            assert all(p >= 0 for p in positions), (checklist.id, kind)
            assert positions == sorted(positions), (checklist.id, kind)
            assert all(p < first for p, first in zip(positions, firsts)), (checklist.id, kind)
        # Excel has no rows across a table: each item names its phase in the "Skede" column.
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx_writer.write(checklist)))["Checklista"]
        (table,) = sheet.tables.values()
        header, *rows = [[cell.value for cell in row] for row in sheet[table.ref]]
        assert [row[header.index("Skede")] for row in rows] == [item.phase for item in checklist.items]
        assert {"Status", "Punkt", "Nivå", "Nr"} <= set(header)


# Punctuation ---------------------------------------------------------------------------------------------------------

# A question or exclamation mark, or a colon, followed by more punctuation ("Varför?.", "om?,"), or two
# full stops that are not an ellipsis. "kap.," (an abbreviation before a comma) is fine.
DOUBLED = re.compile(r"[?!:][.,;:]|(?<!\.)\.\.(?!\.)")


def _field_names(pdf: Path) -> list[str]:
    """The accessible names (/TU) of a PDF's form fields, from its objects, compressed or not."""
    return [pdf_string(token) for token in re.findall(r"/TU " + PDF_STRING, pdf_objects(pdf.read_bytes()))]


def test_no_sentence_ends_in_doubled_punctuation(printed, documents):
    found = []
    for (document_id, kind), printout in printed.items():
        texts = [" ".join(text.split()) for text in printout.texts]
        if kind.startswith("pdf"):
            texts += _field_names(printout.path)
        found += [f"{document_id}.{kind}: …{text[max(0, match.start() - 30):match.end() + 10]}…"
                  for text in texts for match in DOUBLED.finditer(text)]
    for document in (d for d in documents.values() if d.has_tables):
        for sheet in openpyxl.load_workbook(io.BytesIO(xlsx_writer.write(document))).worksheets:
            found += [f"{document.id}.xlsx: {value}" for row in sheet.iter_rows(values_only=True) for value in row
                      if isinstance(value, str) and DOUBLED.search(value)]
    assert found == []
    # Row headings that are questions exist, so the field names above were put to the test.
    assert any(heading.endswith("?") for d in documents.values() for s in d.sections if s.table
               for heading in s.table.row_headings)


# One family ----------------------------------------------------------------------------------------------------------

def test_every_format_sets_its_text_in_the_layouts_one_family(printed, documents):
    family = Fonts().family
    for (document_id, kind), printout in printed.items():
        lines = run("pdffonts", printout.path).splitlines()[2:]
        fonts = {line.split()[0].split("+")[-1] for line in lines}
        # LibreOffice may take the checkbox glyph (Word's "☐") from its symbol font.
        text_fonts = {font for font in fonts if font != "OpenSymbol"}
        assert text_fonts and all(font.replace("-", "").startswith(family.replace(" ", "")) for font in text_fonts), \
            (document_id, kind)
    for document in (d for d in documents.values() if d.has_tables):
        book = openpyxl.load_workbook(io.BytesIO(xlsx_writer.write(document)))
        assert {cell.font.name for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
                if cell.has_style} == {family}, document.id
