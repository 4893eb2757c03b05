"""Where everything in a download goes on paper, decided once for every format.

`layout(document)` turns a `Document` into a `DocumentLayout`: the page of
each part (portrait or landscape), every table's column widths, which rows
and fields must stay on the page of the one after them, and the fonts and
the room to write in. The Word, OpenDocument and PDF writers render it as it
is, so the three put the same content on pages of the same orientation; the
Excel writer takes its font, column widths and print orientation from it.

Fonts: one family, DejaVu Sans, in every format and every style, and the
sizes in `Fonts`. It is the font the PDF embeds and LibreOffice ships on
every platform, and text is measured here with its own advance widths
(below). Word and Excel, which may not have it, are told to fall back to a
sans-serif, Arial in Word, which is narrower, so a column sized here does
not break a word there either.

The rules, and why:

- Orientation. A table turns its part landscape when its columns' minimum
  widths do not fit the portrait text width: each column needs its longest
  word, and a column to write in needs `WRITING_WIDTH` besides. A portrait
  part between two landscape parts turns landscape too, rather than being
  alone on a sheet turned twice. One rule, so every format agrees.
- Column widths. A column is as wide as its longest word at least, so no
  header breaks inside a word. A column for a tick or a number ("Nr") is
  only that wide; a column of row headings is as wide as its headings need
  to fit on two lines; the room that is left goes to the columns people
  write in (or to the checklist's item text), more to those whose header
  says more. The widths fill the text width.
- Page breaks. Only a change of orientation starts a new page (and, printed
  large, a table). A heading stays with what follows it; header rows repeat on
  every page; rows never split. A short table is kept whole; a longer one
  keeps its first `KEEP_FIRST_ROWS` rows with its header and its last
  `KEEP_LAST_ROWS` rows together, so no row is left alone on a page. A
  checklist phase keeps its heading row with its first items, and a short
  phase stays whole. A section's fill-in fields are boxes, the label at the
  top inside each, stacked as the rows of one table, so the same row rules
  hold for them: the last two stay together. Guidance is never split.
- Printing large (A3). Every page is landscape, text is larger, fields stand
  two side by side, each table starts on a sheet of its own and, when it
  fits, stays whole there with rows tall enough to fill the sheet (but for
  the parts without a table that follow it): it is worked on around a table.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace

from .model import Document, Item, Section, Table

CM_PER_PT = 2.54 / 72


# Paper and pages --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Paper:
    name: str  # as CSS and PDF viewers name it
    width: float  # portrait, centimetres
    height: float


A4 = Paper("A4", 21.0, 29.7)
A3 = Paper("A3", 29.7, 42.0)

MARGIN = 2.0  # top, left and right, centimetres
# The footer (two or three short lines and the page number) sits inside the bottom margin.
BOTTOM_MARGIN = 2.5
FOOTER_DISTANCE = 1.0  # from the page's bottom edge to the footer


@dataclass(frozen=True)
class Page:
    paper: Paper
    landscape: bool

    @property
    def width(self) -> float:
        return self.paper.height if self.landscape else self.paper.width

    @property
    def height(self) -> float:
        return self.paper.width if self.landscape else self.paper.height

    @property
    def margin(self) -> float:
        return MARGIN

    @property
    def bottom_margin(self) -> float:
        return BOTTOM_MARGIN

    @property
    def footer_distance(self) -> float:
        return FOOTER_DISTANCE

    @property
    def text_width(self) -> float:
        return self.width - 2 * MARGIN

    @property
    def text_height(self) -> float:
        return self.height - MARGIN - BOTTOM_MARGIN


# Fonts, spacing and room to write -----------------------------------------------------------------------------------

# DejaVu Sans's line (ascender plus descender) in ems: what "single" line spacing means in a word processor.
NATURAL_LINE_HEIGHT = (1901 + 483) / 2048


@dataclass(frozen=True)
class Fonts:
    """One family for everything; sizes in points."""

    family: str = "DejaVu Sans"
    fallback: str = "Arial"  # named where a format can name one: narrower, so nothing measured here overflows
    title: float = 18
    heading: float = 13
    body: float = 10
    guidance: float = 9.5
    table: float = 9
    footer: float = 7.5
    # Proportional, of the font's own line: what Word's "multiple" and LibreOffice's "proportional" mean.
    line_spacing: float = 1.15

    @property
    def line_height(self) -> float:
        """The line height as a multiple of the font size, as CSS's line-height wants it."""
        return round(self.line_spacing * NATURAL_LINE_HEIGHT, 3)

    def line(self, size: float) -> float:
        """One line of text of this size, in centimetres."""
        return size * self.line_height * CM_PER_PT

    def scaled(self, factor: float) -> Fonts:
        return replace(self, title=self.title * factor, heading=self.heading * factor, body=self.body * factor,
                       guidance=self.guidance * factor, table=self.table * factor)


@dataclass(frozen=True)
class Spacing:
    """Space around blocks, in points."""

    heading_before: float = 14
    heading_after: float = 5
    paragraph_after: float = 5
    block_after: float = 8  # after the fields and after a table


@dataclass(frozen=True)
class Room:
    """Room to write by hand, in centimetres."""

    field_height: float = 2.2  # a fill-in box, its label at the top inside it
    row_height: float = 1.2  # a row of a template's table
    checklist_row_height: float = 1.0
    cell_padding: float = 0.15  # left and right of a cell's text
    cell_padding_vertical: float = 0.08

    def with_rows_scaled(self, factor: float) -> Room:
        return replace(self, row_height=self.row_height * factor,
                       checklist_row_height=self.checklist_row_height * factor)


@dataclass(frozen=True)
class Colours:
    """Shades as hex RGB without "#"; text stays near-black, so nothing depends on colour."""

    header_fill: str = "DCE3EB"
    row_heading_fill: str = "F2F4F6"
    group_fill: str = "EEF1F4"  # a checklist phase's heading row
    guidance_fill: str = "F0F3F6"
    guidance_rule: str = "5A7391"
    quiet_text: str = "595959"  # 7:1 on white
    border: str = "000000"


BORDER_WIDTH = 0.5  # points: every box and cell, as Word's own table grid draws them
# Points: the empty paragraph Word and Writer need after a document's closing table is this high,
# so a table that fills the last page does not push it onto an empty page of its own.
CLOSING_LINE_PT = 1


# Tables -------------------------------------------------------------------------------------------------------------

# A column to write in needs room for a few handwritten words on a line.
WRITING_WIDTH = 3.0
# A tick box or a two-digit number.
MARK_WIDTH = 1.2
# Headers may wrap onto this many lines before their column asks for more width; row headings onto two.
HEADER_LINES = 3
LABEL_LINES = 2
# Row headings take at most this share of the width (more only if a single word needs it).
LABEL_MAX_SHARE = 0.3
# A checklist's item text takes at least this share.
TEXT_SHARE = 0.45
# A word needs a little more than its advance widths: cell borders, hinting and rounding in each program.
WORD_SLACK = 1.06
# Columns for a number, whatever comes before: "Nr", "Mål nr".
_NUMBER_HEADER = re.compile(r"(^|\s)(nr|nummer)$", re.IGNORECASE)

KEEP_FIRST_ROWS = 2  # kept with the header row
KEEP_LAST_ROWS = 3  # kept together at the end
SHORT_TABLE_ROWS = 6  # a table this short is never split
SHORT_GROUP_ITEMS = 4  # a checklist phase this short is never split
KEEP_GROUP_ENDS = 2  # a longer phase keeps its heading with its first items, and its last items together


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # centimetres
    kind: str  # "mark" (a tick or a number), "label" (written in advance), "text" (an item) or "write"


@dataclass(frozen=True)
class TableLayout:
    columns: tuple[Column, ...]
    row_height: float  # at least; a row grows with its text
    # One per body row, in the order the rows are written: True keeps the row on the page of the next one.
    keep_with_next: tuple[bool, ...]

    @property
    def widths(self) -> tuple[float, ...]:
        return tuple(column.width for column in self.columns)

    @property
    def width(self) -> float:
        return sum(self.widths)

    @property
    def kept_whole(self) -> bool:
        return all(self.keep_with_next[:-1])


@dataclass(frozen=True)
class Part:
    """One section of a template, laid out."""

    page: Page
    new_page: bool  # starts on a new page: its page differs from the part before, or a large print's table
    table: TableLayout | None
    # One per fill-in field: True keeps the field on the page of the next one.
    fields_keep_with_next: tuple[bool, ...]
    # Guidance is never split; it stays with the fields or table after it, when there are any.
    guidance_keep_with_next: bool = False


@dataclass(frozen=True)
class ChecklistRow:
    text: str  # the item's text, or the phase's name on a phase's heading row
    item: Item | None  # None on a phase's heading row
    number: int  # the item's place, from 1; 0 on a heading row

    @property
    def is_group(self) -> bool:
        return self.item is None


@dataclass(frozen=True)
class ChecklistLayout:
    page: Page
    table: TableLayout  # keep_with_next follows `rows`
    rows: tuple[ChecklistRow, ...]
    with_levels: bool


@dataclass(frozen=True)
class DocumentLayout:
    paper: Paper
    fonts: Fonts
    spacing: Spacing
    room: Room
    colours: Colours
    first_page: Page  # where the title stands
    parts: tuple[Part, ...]  # one per section of a template; empty for a checklist
    checklist: ChecklistLayout | None
    field_columns: int = 1  # fill-in fields side by side

    @property
    def pages(self) -> tuple[Page, ...]:
        """Every kind of page the document uses, the first page's first."""
        kinds = [self.first_page, *(part.page for part in self.parts)]
        if self.checklist:
            kinds.append(self.checklist.page)
        return tuple(dict.fromkeys(kinds))


# The layout -------------------------------------------------------------------------------------------------------

# Printed large, text grows a quarter and a table's rows half as much again, at least.
LARGE_TEXT = 1.25
LARGE_ROOM = 1.5
# Printed large, a table's rows grow to fill its sheet, up to this tall.
LARGE_ROW_MAX = 4.0
# Printed large, this share of a sheet is left free below a table, as heights here are estimates:
# a table that overflowed its sheet by a line would take a second one.
LARGE_HELD_BACK = 0.08
# Above and below the text in a guidance box, centimetres.
GUIDANCE_PADDING = 0.25
# Printed large, a line across the whole sheet is too long to write on: fields stand two side by side.
LARGE_FIELD_COLUMNS = 2


def layout(document: Document, *, print_large: bool = False) -> DocumentLayout:
    """The document on A4, portrait unless a table needs landscape; or on A3 landscape to print large."""
    paper = A3 if print_large else A4
    fonts = Fonts().scaled(LARGE_TEXT) if print_large else Fonts()
    # Printed large, a fill-in box is already wide enough to write a lot in: only table rows grow.
    room = Room().with_rows_scaled(LARGE_ROOM) if print_large else Room()
    spacing = Spacing()
    portrait, landscape = Page(paper, False), Page(paper, True)
    field_columns = LARGE_FIELD_COLUMNS if print_large else 1
    if document.is_checklist:
        page = landscape if print_large else portrait
        checklist = _checklist(document, page, fonts, room)
        return DocumentLayout(paper, fonts, spacing, room, Colours(), page, (), checklist, field_columns)
    if print_large:
        wide = [True] * len(document.sections)
    else:
        wide = _sandwiched([_needs_landscape(s.table, portrait, fonts, room) if s.table else False
                            for s in document.sections])
    parts: list[Part] = []
    for index, (section, landscape_part) in enumerate(zip(document.sections, wide)):
        page = landscape if landscape_part else portrait
        table = _table(section.table, page, fonts, room) if section.table else None
        new_page = bool(parts) and page != parts[-1].page
        if print_large and table is not None:
            # The table-less parts up to the next table share the sheet if there is room for them.
            following = []
            for later in document.sections[index + 1:]:
                if later.table:
                    break
                following.append(later)
            reserve = sum(_part_height(later, page, fonts, spacing, room, field_columns) for later in following)
            table = _fill_sheet(section, table, page, fonts, spacing, room, reserve)
            new_page = bool(parts)
        parts.append(Part(page, new_page, table, _field_keeps(len(section.fill_in)),
                          guidance_keep_with_next=bool(section.fill_in or section.table)))
    first = parts[0].page if parts else portrait
    return DocumentLayout(paper, fonts, spacing, room, Colours(), first, tuple(parts), None, field_columns)


def _sandwiched(wide: list[bool]) -> list[bool]:
    """A portrait part between two landscape parts turns landscape."""
    result = list(wide)
    for index in range(1, len(wide) - 1):
        if not wide[index] and wide[index - 1] and wide[index + 1]:
            result[index] = True
    return result


# Template tables

@dataclass(frozen=True)
class _Spec:
    header: str
    kind: str
    texts: tuple[str, ...] = ()  # written in advance in the column
    lines: int = LABEL_LINES  # how many lines those texts may take


def _specs(table: Table) -> list[_Spec]:
    specs = []
    for index, header in enumerate(table.columns):
        if index == 0 and table.labels:
            specs.append(_Spec(header, "label", table.labels))
        elif _NUMBER_HEADER.search(header.strip()):
            specs.append(_Spec(header, "mark"))
        else:
            specs.append(_Spec(header, "write"))
    return specs


def _needs_landscape(table: Table, portrait: Page, fonts: Fonts, room: Room) -> bool:
    return sum(_minimum(spec, fonts.table, room) for spec in _specs(table)) > portrait.text_width


def _table(table: Table, page: Page, fonts: Fonts, room: Room) -> TableLayout:
    specs = _specs(table)
    widths = column_widths(specs, page.text_width, fonts.table, room)
    columns = tuple(Column(spec.header, width, spec.kind) for spec, width in zip(specs, widths))
    return TableLayout(columns, room.row_height, row_keeps(len(table.rows)))


def _fill_sheet(section: Section, table: TableLayout, page: Page, fonts: Fonts, spacing: Spacing,
                room: Room, reserve: float) -> TableLayout:
    """Printed large: the table whole on its sheet, when it fits, with rows tall enough to fill the sheet
    but for `reserve`, the room the parts after it need, if the rows can spare it."""
    rows = len(table.keep_with_next)
    above = (_heading_height(fonts, spacing) + _blocks_height(section.guidance, page.text_width, fonts, spacing)
             + header_height(table, fonts, room))
    # Estimates, so some room is held back: a table that overflows by a line would take a second sheet.
    available = (1 - LARGE_HELD_BACK) * page.text_height - above
    if rows == 0 or available < rows * table.row_height:
        return table
    if available - reserve >= rows * table.row_height:
        available -= reserve
    height = min(LARGE_ROW_MAX, available / rows)
    return replace(table, row_height=round(height, 2), keep_with_next=(True,) * (rows - 1) + (False,))


def _heading_height(fonts: Fonts, spacing: Spacing) -> float:
    return fonts.line(fonts.heading) + (spacing.heading_before + spacing.heading_after) * CM_PER_PT


def _field_height(spacing: Spacing, room: Room) -> float:
    """A fill-in field, its label inside, and its share of the space after the fields."""
    return room.field_height + spacing.block_after * CM_PER_PT / 2


def _part_height(section: Section, page: Page, fonts: Fonts, spacing: Spacing, room: Room, columns: int) -> float:
    """Roughly how tall a part without a table is."""
    return (_heading_height(fonts, spacing) + _blocks_height(section.guidance, page.text_width, fonts, spacing)
            + math.ceil(len(section.fill_in) / columns) * _field_height(spacing, room))


def header_height(table: TableLayout, fonts: Fonts, room: Room) -> float:
    lines = max(line_count(column.header, column.width - 2 * room.cell_padding, fonts.table, bold=True)
                for column in table.columns)
    return lines * fonts.line(fonts.table) + 2 * room.cell_padding_vertical


def _blocks_height(blocks, width: float, fonts: Fonts, spacing: Spacing) -> float:
    """Guidance: its "Vägledning" label, its paragraphs and the box around them."""
    if not blocks:
        return 0.0
    # The box's padding and rule take some of the width.
    lines = 1 + sum(line_count(block.text, width - 1.5, fonts.guidance) for block in blocks)
    return (lines * fonts.line(fonts.guidance) + (len(blocks) + 1) * spacing.paragraph_after * CM_PER_PT
            + spacing.block_after * CM_PER_PT + GUIDANCE_PADDING)


# Checklists

def _checklist(document: Document, page: Page, fonts: Fonts, room: Room) -> ChecklistLayout:
    with_levels = any(item.level for item in document.items)
    levels = tuple(name for name, _ in document.levels) or tuple(item.level for item in document.items if item.level)
    specs = [
        _Spec("Klar", "mark"),
        *([_Spec("Nivå", "label", levels, lines=1)] if with_levels else []),
        _Spec("Punkt", "text", tuple(item.text for item in document.items)),
        _Spec("Ansvarig", "write"),
        _Spec("Datum", "write"),
        _Spec("Kommentar", "write"),
    ]
    widths = column_widths(specs, page.text_width, fonts.table, room)
    columns = tuple(Column(spec.header, width, spec.kind) for spec, width in zip(specs, widths))
    rows, groups = checklist_rows(document.items)
    keeps = row_keeps(len(rows), groups)
    return ChecklistLayout(page, TableLayout(columns, room.checklist_row_height, keeps), rows, with_levels)


def checklist_rows(items: tuple[Item, ...]) -> tuple[tuple[ChecklistRow, ...], list[tuple[int, int]]]:
    """The rows in order, a heading row before each phase when the items have phases, and each
    phase's (heading row, last row) positions."""
    rows: list[ChecklistRow] = []
    groups: list[tuple[int, int]] = []
    phased = any(item.phase for item in items)
    current: str | None = None
    for number, item in enumerate(items, start=1):
        if phased and item.phase and (number == 1 or item.phase != current):
            groups.append((len(rows), len(rows)))
            rows.append(ChecklistRow(item.phase, None, 0))
        current = item.phase
        rows.append(ChecklistRow(item.text, item, number))
        if groups:
            groups[-1] = (groups[-1][0], len(rows) - 1)
    return tuple(rows), groups


# Keeping rows and fields together

def row_keeps(count: int, groups: list[tuple[int, int]] | None = None) -> tuple[bool, ...]:
    """For each of `count` body rows, whether it stays on the page of the row after it.

    `groups` are (heading row, last row) of groups with a heading row of their own. A page may
    still break before a group's heading row, unless the table's own rules keep it there.
    """
    if count == 0:
        return ()
    keep = [False] * count
    if count <= SHORT_TABLE_ROWS:
        keep = [True] * count
    else:
        for row in range(min(KEEP_FIRST_ROWS, count) - 1):
            keep[row] = True
        for row in range(max(0, count - KEEP_LAST_ROWS), count - 1):
            keep[row] = True
    for start, end in groups or []:
        items = end - start
        if items <= SHORT_GROUP_ITEMS:
            span = range(start, end)
        else:
            span = [*range(start, start + KEEP_GROUP_ENDS), *range(end - KEEP_GROUP_ENDS + 1, end)]
        for row in span:
            keep[row] = True
    keep[-1] = False  # what follows the table is not the table's business
    return tuple(keep)


def _field_keeps(count: int) -> tuple[bool, ...]:
    # The last field never stands alone on a page: it stays with the one before.
    return tuple(index == count - 2 for index in range(count))


# Column widths

def _floor(spec: _Spec, size: float, room: Room) -> float:
    """The longest word of the header or of the column's texts, which must never break."""
    header = [text_width(word, size, bold=True) for word in spec.header.split()]
    texts = [text_width(word, size, bold=spec.kind == "label") for text in spec.texts for word in text.split()]
    return max(header + texts, default=0.0) * WORD_SLACK + 2 * room.cell_padding


def _minimum(spec: _Spec, size: float, room: Room) -> float:
    floor = _floor(spec, size, room)
    if spec.kind == "mark":
        return max(floor, MARK_WIDTH)
    if spec.kind == "write":
        return max(floor, WRITING_WIDTH)
    return floor


def _wanted(spec: _Spec, available: float, size: float, room: Room) -> float:
    floor = _minimum(spec, size, room)
    header = text_width(spec.header, size, bold=True) / HEADER_LINES + 2 * room.cell_padding
    if spec.kind == "mark":
        return floor
    if spec.kind == "label":
        texts = max((text_width(text, size, bold=True) for text in spec.texts), default=0.0)
        return max(floor, min(LABEL_MAX_SHARE * available, max(texts / spec.lines, header)))
    if spec.kind == "text":
        return max(floor, TEXT_SHARE * available)
    return max(floor, header)


def _weight(spec: _Spec, wanted: float, size: float) -> float:
    """How much of the spare room a column gets: a column to write in, room to write plus its header's
    share, so a column whose header says more gets more; the item text, what it wanted."""
    if spec.kind == "write":
        return WRITING_WIDTH + text_width(spec.header, size, bold=True) / HEADER_LINES
    return wanted


def column_widths(specs: list[_Spec], available: float, size: float, room: Room) -> list[float]:
    """Widths in centimetres that fill `available`; see the module's docstring for the rules."""
    # A tick box or a number keeps its width; any other column gives up room down to its longest word.
    floors = [_minimum(spec, size, room) if spec.kind == "mark" else _floor(spec, size, room) for spec in specs]
    wanted = [_wanted(spec, available, size, room) for spec in specs]
    spare = available - sum(wanted)
    if spare >= 0:
        # The room left goes to the item text, or else to the columns people write in.
        growing = [i for i, spec in enumerate(specs) if spec.kind == "text"] or \
                  [i for i, spec in enumerate(specs) if spec.kind == "write"] or list(range(len(specs)))
        weights = {i: _weight(specs[i], wanted[i], size) for i in growing}
        total = sum(weights.values())
        widths = [width + spare * weights.get(i, 0.0) / total for i, width in enumerate(wanted)]
    elif sum(floors) <= available:
        # Too little room for what the columns want: each gives up the same share of what it has above its floor.
        share = (available - sum(floors)) / (sum(wanted) - sum(floors))
        widths = [floor + (want - floor) * share for floor, want in zip(floors, wanted)]
    else:
        # Not even the longest words fit: only here may a word break.
        widths = [available * floor / sum(floors) for floor in floors]
    return [round(width, 3) for width in widths]


# Measuring text -------------------------------------------------------------------------------------------------------

# DejaVu Sans and DejaVu Sans Bold advance widths, in 1/2048 em, of the characters 32 to 126.
_REGULAR = (
    651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
    1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
    1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
)
_BOLD = (
    713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748,
    1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188,
    2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741,
    1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024,
    1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362, 702, 2134, 1458, 1407,
    1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716,
)
# Punctuation beyond ASCII that the handbook uses: (regular, bold).
_OTHER = {"–": (1024, 1024), "—": (2048, 2048), "…": (2048, 2048), "’": (651, 778), "‘": (651, 778),
          "”": (1061, 1346), "“": (1061, 1346), "·": (651, 778), "§": (1024, 1024), "°": (1024, 1024),
          "×": (1716, 1716), "≥": (1716, 1716), "≤": (1716, 1716), "→": (1716, 1716), "«": (1253, 1323),
          "»": (1253, 1323), "•": (1208, 1309), "\u00a0": (651, 713)}
_UNITS_PER_EM = 2048
# Anything else counts as wide as a capital: better a column a little too wide than a word broken.
_UNKNOWN = 1600


def _advance(character: str, bold: bool) -> int:
    code = ord(character)
    if 32 <= code < 127:
        return (_BOLD if bold else _REGULAR)[code - 32]
    if character in _OTHER:
        return _OTHER[character][bold]
    # å, ä, ö, é, ü… are as wide as their letter without the mark in DejaVu Sans.
    base = unicodedata.normalize("NFD", character)[0]
    if base != character and 32 <= ord(base) < 127:
        return _advance(base, bold)
    return _UNKNOWN


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of text on one line, in centimetres, at `size` points."""
    units = sum(_advance(character, bold) for character in text)
    return units / _UNITS_PER_EM * size * CM_PER_PT


def line_count(text: str, width: float, size: float, *, bold: bool = False) -> int:
    """How many lines text takes in `width` centimetres, broken between words as a word processor does."""
    if not text.strip():
        return 1
    space = text_width(" ", size, bold=bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            word_width = text_width(word, size, bold=bold)
            if used and used + space + word_width > width:
                lines += 1
                used = 0.0
            if used == 0.0 and word_width > width:
                lines += math.ceil(word_width / width) - 1
                used = word_width % width
            else:
                used += (space if used else 0.0) + word_width
    return lines
