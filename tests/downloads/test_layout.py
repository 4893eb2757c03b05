"""The layout model on its own: what it decides for a document, before any writer renders it."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest

from verktygsladan.downloads import layout as layout_module
from verktygsladan.downloads.layout import (
    A3, A4, KEEP_FIRST_ROWS, KEEP_LAST_ROWS, MARK_WIDTH, SHORT_TABLE_ROWS, WRITING_WIDTH, Fonts, Page, Room,
    checklist_rows, layout, line_count, row_keeps, text_width)
from verktygsladan.downloads.model import Item, Section, Table


def template_with(corpus_template, *sections: Section):
    return dataclasses.replace(corpus_template, sections=sections)


def table_section(heading: str, table: Table) -> Section:
    return Section(heading, (), (), table)


def writing_columns(count: int) -> tuple[str, ...]:
    return tuple(f"Kolumn {number}" for number in range(1, count + 1))


def header_words_fit(shape, fonts: Fonts, room: Room) -> bool:
    return all(text_width(word, fonts.table, bold=True) + 2 * room.cell_padding <= column.width
               for column in shape.columns for word in column.header.split())


# Measuring text ------------------------------------------------------------------------------------------------------

def _font_file(pattern: str):
    if not shutil.which("fc-match"):
        pytest.skip("fontconfig (fc-match) saknas")
    path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True).stdout
    if "DejaVuSans" not in path:
        pytest.skip(f"{pattern} är inte installerat")
    return path


@pytest.mark.parametrize("bold", [False, True])
def test_widths_are_the_fonts_own(bold, real_documents):
    # The table in layout.py must be DejaVu Sans's: the font the PDF embeds and LibreOffice uses.
    from fontTools.ttLib import TTFont

    font = TTFont(_font_file("DejaVu Sans:bold" if bold else "DejaVu Sans"))
    advances, cmap, units = font["hmtx"], font.getBestCmap(), font["head"].unitsPerEm
    characters = {character for document in real_documents
                  for section in document.sections if section.table
                  for text in (*section.table.columns, *section.table.row_headings) for character in text}
    characters |= {character for document in real_documents for item in document.items for character in item.text}
    assert {"å", "ä", "ö", "–"} <= characters
    for character in sorted(characters):
        expected = advances[cmap[ord(character)]][0] / units * 10 * layout_module.CM_PER_PT
        assert text_width(character, 10, bold=bold) == pytest.approx(expected), character


def test_bold_is_wider_and_size_scales():
    assert text_width("Sammanhållen", 9, bold=True) > text_width("Sammanhållen", 9)
    assert text_width("Sammanhållen", 18) == pytest.approx(2 * text_width("Sammanhållen", 9))


def test_line_count_breaks_between_words():
    word = text_width("Kunskapslucka", 9)
    assert line_count("Kunskapslucka", word + 0.01, 9) == 1
    assert line_count("Kunskapslucka Kunskapslucka", word + 0.01, 9) == 2
    assert line_count("Kunskapslucka Kunskapslucka", 3 * word, 9) == 1
    assert line_count("", 1, 9) == 1


# Orientation ---------------------------------------------------------------------------------------------------------

def test_a_table_turns_its_part_landscape_only_when_its_columns_do_not_fit_portrait(corpus_template):
    fitting = int(Page(A4, False).text_width // WRITING_WIDTH)  # columns to write in that fit in portrait
    document = template_with(corpus_template,
                             table_section("Smal", Table(writing_columns(fitting), (), 3)),
                             table_section("Bred", Table(writing_columns(fitting + 1), (), 3)),
                             Section("Efteråt", (), ("Namn",), None))
    parts = layout(document).parts
    assert [part.page.landscape for part in parts] == [False, True, False]
    # Only a change of orientation starts a new page.
    assert [part.new_page for part in parts] == [False, True, True]
    assert [part.page.paper for part in parts] == [A4] * 3


def test_a_portrait_part_between_two_landscape_parts_turns_landscape(corpus_template):
    wide = Table(writing_columns(7), (), 3)
    document = template_with(corpus_template, Section("Först", (), ("Namn",), None), table_section("Bred 1", wide),
                             Section("Mellan", (), ("Namn",), None), table_section("Bred 2", wide))
    assert [part.page.landscape for part in layout(document).parts] == [False, True, True, True]


def test_one_long_word_can_turn_a_table_landscape(corpus_template):
    portrait = Page(A4, False).text_width
    word = "Samhällsbyggnadsförvaltningens" * 2
    few = int(portrait // WRITING_WIDTH) - 2
    assert text_width(word, Fonts().table, bold=True) + (few - 1) * WRITING_WIDTH > portrait
    document = template_with(corpus_template, table_section("Ord", Table((word, *writing_columns(few - 1)), (), 2)))
    assert layout(document).parts[0].page.landscape


def test_the_title_stands_on_the_first_parts_page(corpus_template):
    plan = layout(corpus_template)
    assert plan.first_page == plan.parts[0].page == Page(A4, False)


# Column widths -------------------------------------------------------------------------------------------------------

def test_widths_fill_the_text_width_and_follow_the_content(corpus_template):
    table = Table(("Nr", "Socialt mål", "Varför målet behövs (koppling till inventeringen)",
                   "Hur vi ser att målet nås"), (), 8)
    plan = layout(template_with(corpus_template, table_section("Mål", table)))
    part = plan.parts[0]
    widths = part.table.widths
    assert sum(widths) == pytest.approx(part.page.text_width, abs=0.01)
    nr, goal, why, how = widths
    assert nr == pytest.approx(MARK_WIDTH)  # a number needs no more
    assert why > how > goal  # the longer the header, the more room
    assert header_words_fit(part.table, plan.fonts, plan.room)
    assert [column.kind for column in part.table.columns] == ["mark", "write", "write", "write"]


def test_columns_with_the_same_content_are_equally_wide(corpus_template):
    table = Table(("Insats A", "Insats B", "Insats C"), (), 4)
    widths = layout(template_with(corpus_template, table_section("Lika", table))).parts[0].table.widths
    assert max(widths) - min(widths) < 0.05  # only the letters A, B and C differ


def test_row_headings_get_the_width_their_texts_need(corpus_template):
    headings = ("Sammanhållen stad", "Samspel", "Vardagsliv", "Identitet", "Hälsa och säkerhet")
    table = Table(("Tema", "Nuläge", "Brister och behov"), headings, 2)
    plan = layout(template_with(corpus_template, table_section("Matris", table)))
    shape = plan.parts[0].table
    first = shape.columns[0]
    assert first.kind == "label"
    inside = first.width - 2 * plan.room.cell_padding
    assert all(line_count(heading, inside, plan.fonts.table, bold=True) <= 2 for heading in headings)
    # No wider than the longest heading needs on one line: the rest is room to write in.
    assert first.width < max(text_width(h, plan.fonts.table, bold=True) for h in headings) + 2 * plan.room.cell_padding
    assert first.width < min(shape.widths[1:])


def test_checklist_columns_give_the_item_text_the_most_room(corpus_checklist):
    plan = layout(corpus_checklist)
    shape = plan.checklist.table
    assert [column.header for column in shape.columns] == ["Klar", "Nivå", "Punkt", "Ansvarig", "Datum", "Kommentar"]
    assert sum(shape.widths) == pytest.approx(plan.checklist.page.text_width, abs=0.01)
    widths = dict(zip((column.header for column in shape.columns), shape.widths))
    assert widths["Punkt"] == max(widths.values())
    assert widths["Klar"] == pytest.approx(MARK_WIDTH)
    assert header_words_fit(shape, plan.fonts, plan.room)


def test_a_checklist_without_levels_has_no_level_column(corpus_checklist):
    plain = dataclasses.replace(corpus_checklist, items=tuple(
        dataclasses.replace(item, level=None) for item in corpus_checklist.items))
    plan = layout(plain)
    assert not plan.checklist.with_levels
    assert "Nivå" not in [column.header for column in plan.checklist.table.columns]


def test_every_real_table_fits_its_page_without_breaking_a_header_word(real_documents):
    tables = 0
    for document in real_documents:
        plan = layout(document)
        shapes = [(part.page, part.table) for part in plan.parts if part.table]
        if plan.checklist:
            shapes.append((plan.checklist.page, plan.checklist.table))
        for page, shape in shapes:
            tables += 1
            assert sum(shape.widths) == pytest.approx(page.text_width, abs=0.01), document.id
            assert header_words_fit(shape, plan.fonts, plan.room), document.id
            # Headers that differ get widths that differ.
            if len({column.header for column in shape.columns}) == len(shape.columns) > 2:
                assert len({round(width, 2) for width in shape.widths}) > 1, document.id
    assert tables > 20


# Page breaks ---------------------------------------------------------------------------------------------------------

def test_a_short_table_is_never_split():
    assert row_keeps(SHORT_TABLE_ROWS) == (True,) * (SHORT_TABLE_ROWS - 1) + (False,)


def test_a_long_table_keeps_its_first_rows_with_the_header_and_its_last_rows_together():
    count = 20
    keeps = row_keeps(count)
    kept = {row for row, keep in enumerate(keeps) if keep}
    # Row r kept means no page break between r and r + 1.
    assert kept == set(range(KEEP_FIRST_ROWS - 1)) | set(range(count - KEEP_LAST_ROWS, count - 1))
    assert not keeps[-1]


def test_a_phase_keeps_its_heading_with_its_first_items_and_a_short_phase_stays_whole():
    items = tuple(Item(f"Punkt {n}", None, "Uppstart" if n <= 8 else "Samråd") for n in range(1, 11))
    rows, groups = checklist_rows(items)
    assert [row.text for row in rows if row.is_group] == ["Uppstart", "Samråd"]
    assert groups == [(0, 8), (9, 11)]
    keeps = row_keeps(len(rows), groups)
    assert keeps[0] and keeps[1]  # "Uppstart" with its first two items
    assert keeps[7]  # its last two items together
    assert not keeps[8]  # a page may break before "Samråd"
    assert keeps[9] and keeps[10] and not keeps[11]  # "Samråd" whole, with its two items, the table's end
    assert rows[1].number == 1 and rows[10].number == 9


def test_items_without_phases_have_no_heading_rows():
    items = tuple(Item(f"Punkt {n}", None) for n in range(1, 5))
    rows, groups = checklist_rows(items)
    assert groups == [] and [row.number for row in rows] == [1, 2, 3, 4]


def test_the_last_two_fields_of_a_section_stay_together(corpus_template):
    fields = ("Ett", "Två", "Tre", "Fyra")
    plan = layout(template_with(corpus_template, Section("Fält", (), fields, None)))
    assert plan.parts[0].fields_keep_with_next == (False, False, True, False)


def test_guidance_stays_with_what_follows_it_when_anything_does(corpus_template):
    guidance = corpus_template.sections[1].guidance
    document = template_with(corpus_template, Section("Bara vägledning", guidance, (), None),
                             Section("Vägledning och fält", guidance, ("Namn",), None))
    assert [part.guidance_keep_with_next for part in layout(document).parts] == [False, True]


# Printed large -------------------------------------------------------------------------------------------------------

def test_printed_large_every_page_is_a3_landscape_and_each_table_has_a_sheet(real_documents):
    document = next(d for d in real_documents if d.print_large)
    plan = layout(document, print_large=True)
    assert plan.paper == A3 and plan.pages == (Page(A3, True),)
    assert plan.fonts.table > Fonts().table
    assert plan.field_columns == 2
    for section, part in zip(document.sections, plan.parts):
        if part.table:
            assert part.new_page
            # Whole on its sheet, rows taller than on A4, and the estimated table within the sheet.
            assert part.table.kept_whole
            assert part.table.row_height > Room().row_height
            height = (layout_module.header_height(part.table, plan.fonts, plan.room)
                      + len(section.table.rows) * part.table.row_height)
            assert height < part.page.text_height


def test_a4_layout_of_a_template_printed_large_is_the_ordinary_one(real_documents):
    document = next(d for d in real_documents if d.print_large)
    assert layout(document) == layout(dataclasses.replace(document, print_large=False))
    assert layout(document).paper == A4
