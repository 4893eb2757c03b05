"""What goes into a download, independent of its file format.

`documents_for` turns a method's templates and checklists into `Document`s.
Each writer (Word, OpenDocument, PDF, Excel) renders the same `Document`,
so the formats cannot say different things, and none of them can drift from
the web page, which is rendered from the same method.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..content import Handbook, Method
from ..content.schema import Checklist, Template
from ..content.logo_file import logo_size
from .rich_text import Block, blocks_from_markdown

HANDBOOK_NAME = "Verktygslådan – metoder för socialt hållbar samhällsplanering"
SOURCE_NOTE = "Bygger på Göteborgsregionens verktygslåda för socialt hållbar samhällsplanering (2019)"
LICENCE = "CC BY 4.0"
LANGUAGE = "sv-SE"
# An edition's logo stands this high above the title in every format that can hold it.
LOGO_HEIGHT_CM = 1.2


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    row_headings: tuple[str, ...]
    empty_rows: int
    # A last row that sums up the table ("Olikhetsindex D = …"); a spreadsheet computes it.
    result_row: str = ""
    dissimilarity_index: bool = False

    @property
    def labels(self) -> tuple[str, ...]:
        """The text written in advance in the first column."""
        return self.row_headings + ((self.result_row,) if self.result_row else ())

    @property
    def rows(self) -> tuple[str, ...]:
        """First-column text of every row; empty rows have an empty heading."""
        return self.row_headings + ("",) * self.empty_rows + ((self.result_row,) if self.result_row else ())


@dataclass(frozen=True)
class Section:
    heading: str
    guidance: tuple[Block, ...]
    fill_in: tuple[str, ...]
    table: Table | None
    filled: tuple[tuple[str, str], ...] = ()  # (fill-in label, text already written in it)

    def filled_in(self, label: str) -> str:
        return dict(self.filled).get(label, "")


@dataclass(frozen=True)
class Item:
    text: str
    level: str | None  # the level's name as readers see it, e.g. "Ska"
    # The planning phase's name as readers see it ("Detaljplan – uppstart"), when the checklist has phases.
    phase: str | None = None


@dataclass(frozen=True)
class DocumentLogo:
    """An edition's logo, for the top of every document."""

    mime: str  # "image/png" or "image/svg+xml"
    data: bytes
    alt: str
    width: float
    height: float

    @property
    def is_png(self) -> bool:
        return self.mime == "image/png"

    def width_for(self, height: float) -> float:
        return height * self.width / self.height


@dataclass(frozen=True)
class Document:
    """One template or checklist of one method, ready to be written in any format."""

    id: str
    kind: str  # "Mall" or "Checklista"
    title: str
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    levels: tuple[tuple[str, str], ...]  # (name, meaning) of the checklist levels, for a legend
    method_title: str
    page_url: str
    author: str
    date: datetime.date
    # The edition's organisation ("Lerums kommun") and logo; empty in the regional handbook.
    organisation: str = ""
    logo: DocumentLogo | None = None
    # A template printed large and worked on around a table: it also comes as an A3 PDF.
    print_large: bool = False

    @property
    def is_checklist(self) -> bool:
        return self.kind == "Checklista"

    @property
    def has_tables(self) -> bool:
        return self.is_checklist or any(section.table for section in self.sections)

    @property
    def footer(self) -> str:
        edition = f"{self.organisation} · " if self.organisation else ""
        where = f" · {self.page_url}" if self.page_url else ""
        return f"{edition}{self.method_title} · {HANDBOOK_NAME} · {SOURCE_NOTE} · Licens {LICENCE}{where}"

    @property
    def description(self) -> str:
        return " ".join(block.text for block in self.intro)


def cell_name(row: str, column: str) -> str:
    """A table cell's name for a screen reader, "Trygghet, Nuläge". A row heading that is a question
    already ends a sentence, so no comma is added after its question mark."""
    return f"{row} {column}" if row.rstrip().endswith(_SENTENCE_END) else f"{row}, {column}"


_SENTENCE_END = (".", "?", "!", ":", "…")


def method_date(method: Method) -> datetime.date:
    """The day the method last changed: the timestamp of every file made from it."""
    return max([method.trust.last_reviewed, *(change.date for change in method.trust.changelog)])


def method_page_url(method: Method, site_url: str) -> str:
    """The page's address, for a file that has left the website; empty when the site's address is
    not configured, since a relative path would lead nowhere from a printed page."""
    return f"{site_url.rstrip('/')}/metoder/{method.slug}/" if site_url else ""


# A field that asks for the organisation is filled in with the edition's name.
ORGANISATION_FIELDS = ("kommun", "kommunens namn", "organisation", "organisationens namn")
# Every template opens with these, so that a filled-in copy can be filed and found again.
IDENTITY_HEADING = "Om dokumentet"
IDENTITY_FIELDS = ("Kommun", "Plan eller projekt", "Diarienummer", "Datum", "Ansvarig (roll och förvaltning)",
                   "Version")


def documents_for(method: Method, handbook: Handbook, site_url: str = "") -> list[Document]:
    organisation = handbook.edition.name if handbook.edition else ""
    common = dict(method_title=method.title, page_url=method_page_url(method, site_url),
                  author=method.trust.owner, date=method_date(method), organisation=organisation,
                  logo=_logo(handbook))
    levels = tuple((term.name, term.description or "") for term in handbook.vocabulary.terms("checklist_levels").values())
    documents = [_template(t, common) for t in method.templates]
    documents += [_checklist(c, method, handbook, levels, common) for c in method.checklists]
    return documents


def _logo(handbook: Handbook) -> DocumentLogo | None:
    edition = handbook.edition
    if edition is None or edition.settings.logo is None:
        return None
    path = edition.logo_path()
    width, height = logo_size(path)
    mime = "image/png" if path.suffix.lower() == ".png" else "image/svg+xml"
    return DocumentLogo(mime, path.read_bytes(), edition.settings.logo.alt, width, height)


def _filled(labels: tuple[str, ...], organisation: str) -> tuple[tuple[str, str], ...]:
    return tuple((label, organisation) for label in labels if organisation and label.casefold() in ORGANISATION_FIELDS)


def _template(template: Template, common: dict) -> Document:
    organisation = common["organisation"]
    identity = Section(heading=IDENTITY_HEADING, guidance=(), fill_in=IDENTITY_FIELDS, table=None,
                       filled=_filled(IDENTITY_FIELDS, organisation))
    sections = (identity,) + tuple(
        Section(
            heading=section.heading,
            guidance=blocks_from_markdown(section.guidance) if section.guidance else (),
            fill_in=tuple(section.fill_in),
            filled=_filled(tuple(section.fill_in), organisation),
            table=Table(section.table.all_columns, tuple(section.table.row_headings), section.table.empty_rows or 0,
                        section.table.result_row, bool(section.table.dissimilarity_index)) if section.table else None,
        )
        for section in template.sections
    )
    return Document(id=template.id, kind="Mall", title=template.title, intro=blocks_from_markdown(template.description),
                    sections=sections, items=(), levels=(), print_large=bool(template.print_large), **common)


def _checklist(checklist: Checklist, method: Method, handbook: Handbook, levels: tuple, common: dict) -> Document:
    level = lambda item: handbook.vocabulary.name("checklist_levels", item.level) if item.level else None  # noqa: E731
    phase = lambda item: handbook.vocabulary.name("phases", item.phase) if item.phase else None  # noqa: E731
    items = tuple(Item(item.text, level(item), phase(item)) for item in checklist.items)
    if method.local is not None:
        # Said in the text itself, so that every format shows whose item it is. In a checklist grouped
        # by phase they are a group of their own, named as the web page names it.
        local = f"I {common['organisation']}"
        group = local if any(item.phase for item in checklist.items) else None
        items += tuple(Item(f"{local}: {item.text}", level(item), group)
                       for item in method.local.checklist_items if item.checklist == checklist.id)
    intro = blocks_from_markdown(checklist.description) if checklist.description else ()
    return Document(id=checklist.id, kind="Checklista", title=checklist.title, intro=intro, sections=(),
                    items=items, levels=levels, **common)


__all__ = ["Block", "Document", "Item", "Section", "Table", "cell_name", "documents_for", "method_date"]
