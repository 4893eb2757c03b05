"""The process map ("Vilken metod när?") places each method exactly where its data says.

The Markdown is converted with the Markdown extensions the page relies on,
so the tests read the HTML the site will have. Expectations come from the
handbook and the vocabulary, never from a list kept here.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup

from verktygsladan.content import load_handbook
from verktygsladan.pages import process_map
from verktygsladan.pages.process_map import MAIN_FLOW, NO_METHOD, process_lanes, render_process_map
from verktygsladan.content.sequence import sequence


def rendered(handbook) -> BeautifulSoup:
    body = render_process_map(handbook).split("---\n", 2)[2]
    return BeautifulSoup(markdown.markdown(body, extensions=["md_in_html", "attr_list", "tables", "toc"]),
                         "html.parser")


def words(element) -> str:
    return " ".join(element.get_text().split())


def linked_slugs(element) -> list[str]:
    return [a["href"].removesuffix(".md") for a in element.select("a[href]")]


def expected_slugs(handbook, phase_id: str) -> list[str]:
    """The phase's methods in the order of use that the relations give (tested in test_sequence.py)."""
    members = [m for m in handbook.methods if phase_id in m.phases]
    return [m.slug for _, group in sequence(members, handbook.vocabulary) for m in group]


def phases(handbook):
    return handbook.vocabulary.terms("phases")


def test_every_phase_has_one_box_with_exactly_its_methods(handbook):
    soup = rendered(handbook)
    boxes = soup.select(".vl-process [data-phase]")
    assert sorted(box["data-phase"] for box in boxes) == sorted(phases(handbook))
    for box in boxes:
        phase_id = box["data-phase"]
        assert words(box.select_one(".vl-process__phase")) == phases(handbook)[phase_id].name
        assert linked_slugs(box) == expected_slugs(handbook, phase_id), phase_id


def test_each_method_appears_at_each_of_its_phases_and_nowhere_else(handbook):
    soup = rendered(handbook)
    for method in handbook.methods:
        placed = {box["data-phase"] for box in soup.select(".vl-process [data-phase]")
                  if f"{method.slug}.md" in [a["href"] for a in box.select("a[href]")]}
        assert placed == set(method.phases), method.slug
    every_link = soup.select(".vl-process a[href]")
    assert len(every_link) == sum(len(m.phases) for m in handbook.methods)


def test_main_flow_keeps_process_order_and_tracks_stand_beside_it(handbook):
    lanes = process_lanes(handbook)
    assert lanes[0].track is None and lanes[0].name == MAIN_FLOW
    for lane in lanes:
        in_lane = [term_id for term_id, term in phases(handbook).items() if term.track == lane.track]
        assert [p.id for p in lane.phases] == in_lane, lane.name
    soup = rendered(handbook)
    for lane, section in zip(lanes, soup.select("section.vl-process__lane")):
        assert words(section.select_one(".vl-process__lane-title")) == lane.name
        assert [box["data-phase"] for box in section.select("[data-phase]")] == [p.id for p in lane.phases]
        # A sequence is an ordered list; phases beside the main flow are not a sequence.
        assert section.select_one(".vl-process__flow").name == ("ul" if lane.track else "ol")
    main_section = soup.select_one("section.vl-process__lane--main")
    side = soup.select_one(".vl-process__side")
    assert (side is not None) == any(lane.track for lane in lanes)
    assert main_section.find_parent(class_="vl-process__side") is None


def test_grouped_sub_phases_share_one_nested_frame(handbook):
    soup = rendered(handbook)
    groups = {term.group for term in phases(handbook).values() if term.group}
    assert groups, "Vokabulären har inga grupperade skeden att pröva."
    for frame in soup.select(".vl-process__group"):
        name = words(frame.select_one(".vl-process__group-title"))
        members = [box["data-phase"] for box in frame.select("[data-phase]")]
        assert members and all(phases(handbook)[phase_id].group == name for phase_id in members)
        assert frame.select_one("ol.vl-process__flow--group, ul.vl-process__flow--group")
    framed = {box["data-phase"] for box in soup.select(".vl-process__group [data-phase]")}
    assert framed == {term_id for term_id, term in phases(handbook).items() if term.group}


def test_table_carries_the_same_placement_as_the_map(handbook):
    soup = rendered(handbook)
    table = soup.select_one(".vl-process-table table")
    assert words(table.caption)
    # A <p> in a table is invalid HTML; browsers move it out and leave empty paragraphs behind.
    assert table.find("p") is None
    rows = table.select("tbody tr")
    assert [row["data-phase"] for row in rows] == list(phases(handbook))
    for row in rows:
        phase_id = row["data-phase"]
        header = row.select_one("th[scope=row]")
        assert words(header).startswith(phases(handbook)[phase_id].name)
        assert linked_slugs(row) == linked_slugs(soup.select_one(f'.vl-process [data-phase="{phase_id}"]'))
        term = phases(handbook)[phase_id]
        for part in (term.track, term.group):
            if part:
                assert part in words(header.select_one(".vl-process-table__place"))


def test_intro_explains_reading_the_map_and_the_order_within_a_phase(handbook):
    page = render_process_map(handbook)
    meta = yaml.safe_load(page.split("---")[1])
    assert meta["render_macros"] is False
    intro = words(rendered(handbook))
    assert "uppifrån och ned" in intro
    assert all(label in intro for label in ("Börja med", "Parallellt", "Därefter"))
    assert "(<arbetsgangar.md>)" in page
    assert "(#tabell)" in page


def test_a_phase_without_methods_says_so(corpus_project):
    handbook = load_handbook(corpus_project)
    soup = rendered(handbook)
    for phase_id in phases(handbook):
        box = soup.select_one(f'.vl-process [data-phase="{phase_id}"]')
        row = soup.select_one(f'tr[data-phase="{phase_id}"]')
        if expected_slugs(handbook, phase_id):
            assert NO_METHOD not in words(box)
        else:
            assert words(box.select_one(".vl-process__empty")) == NO_METHOD
            assert NO_METHOD in words(row)


def _edit_vocabulary(project: Path, edit) -> None:
    path = project / "methods" / "vocabulary.yml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_without_tracks_or_groups_the_map_is_one_flow(corpus_project):
    _edit_vocabulary(corpus_project, lambda text: re.sub(r"^    (track|group): .*\n", "", text, flags=re.MULTILINE))
    handbook = load_handbook(corpus_project)
    lanes = process_lanes(handbook)
    assert len(lanes) == 1 and all(step.group is None for step in lanes[0].steps)
    soup = rendered(handbook)
    assert [box["data-phase"] for box in soup.select("ol.vl-process__flow > li > [data-phase]")] == \
        list(phases(handbook))
    assert not soup.select(".vl-process__side, .vl-process__group")
    assert not soup.select(".vl-process-table__place")


def test_a_new_track_in_the_vocabulary_gets_its_own_lane(corpus_project, text_rules_off):
    first = next(iter(load_handbook(corpus_project).vocabulary.terms("phases")))
    _edit_vocabulary(corpus_project, lambda text: text.replace(
        f"  - id: {first}\n", f"  - id: {first}\n    track: Eget <spår> *med* [tecken]\n", 1))
    handbook = load_handbook(corpus_project)
    soup = rendered(handbook)
    lane = next(s for s in soup.select("section.vl-process__lane--track")
                if words(s.select_one(".vl-process__lane-title")) == "Eget <spår> *med* [tecken]")
    assert [box["data-phase"] for box in lane.select("[data-phase]")] == [first]
    assert not soup.select("section.vl-process__lane em, section.vl-process__lane spår")


def test_method_and_phase_text_is_shown_exactly_as_written(corpus_project, text_rules_off):
    method_file = corpus_project / "methods" / "exempel" / "method.yml"
    odd = "Kort <b>namn</b> *med* [tecken] & _mer_"
    method_file.write_text(re.sub(r"^short_title: .*$", f'short_title: "{odd}"',
                                  method_file.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE),
                           encoding="utf-8")
    handbook = load_handbook(corpus_project)
    soup = rendered(handbook)
    for phase_id in handbook.method("exempel").phases:
        box = soup.select_one(f'.vl-process [data-phase="{phase_id}"]')
        assert [words(a) for a in box.select("a")] == [odd]
    assert not soup.select(".vl-process b, .vl-process em, .vl-process-table b")


def test_the_code_names_no_phase_and_no_method(handbook):
    source = inspect.getsource(process_map)
    for term_id, term in phases(handbook).items():
        for value in (term_id, term.name, term.group, term.track):
            if value:
                assert value not in source, value
    for method in handbook.methods:
        for value in (method.slug, method.title, method.short_title):
            assert value not in source, value
