""""Vilken metod när?": the planning process with each method placed at its phases.

Everything comes from the vocabulary's `phases` list (its order is the
process order, `group` gathers sub-phases such as the detailed plan's, and
`track` moves a phase into a lane beside the main flow) and from each
method's `phases`. No phase or method is named in this module.

The map is an ordered list of boxes that verktygsladan.css lays out as a
flow; the arrows are CSS pseudo-elements without text, so assistive
technology hears only the list. A table below carries the same information.
HTML elements use md_in_html (`markdown` attributes) so that method links
stay Markdown links to `<slug>.md`, which MkDocs resolves and checks.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..content import Handbook, Method
from ..content.errors import join_swedish
from ..content.sequence import sequence
from ..site_layout import WORKED_PATHS_PATH
from .markdown import link, plain
from .local_content import listed_title
from .method_page import method_page_path


MAIN_FLOW = "Huvudflödet"
NO_METHOD = "Ingen metod i verktygslådan ännu."


@dataclass(frozen=True)
class PhaseBox:
    id: str
    name: str
    group: str | None
    track: str | None
    methods: tuple[Method, ...]


@dataclass(frozen=True)
class Step:
    """One place in a lane: a phase on its own, or consecutive phases that share a group."""

    group: str | None
    phases: tuple[PhaseBox, ...]


@dataclass(frozen=True)
class Lane:
    """The main flow (track None) or the phases of one track, in process order."""

    track: str | None
    steps: tuple[Step, ...]

    @property
    def name(self) -> str:
        return self.track or MAIN_FLOW

    @property
    def phases(self) -> list[PhaseBox]:
        return [phase for step in self.steps for phase in step.phases]


def phase_boxes(handbook: Handbook) -> list[PhaseBox]:
    """Every phase in process order, each with the methods that name it, in handbook order."""
    return [PhaseBox(id=term_id, name=term.name, group=getattr(term, "group", None),
                     track=getattr(term, "track", None),
                     methods=tuple(m for m in handbook.methods if term_id in m.phases))
            for term_id, term in handbook.vocabulary.terms("phases").items()]


def process_lanes(handbook: Handbook) -> list[Lane]:
    """The main flow first, then one lane per track in the order the tracks first appear."""
    by_track: dict[str | None, list[PhaseBox]] = {None: []}
    for phase in phase_boxes(handbook):
        by_track.setdefault(phase.track, []).append(phase)
    return [Lane(track, _steps(phases)) for track, phases in by_track.items() if phases]


def _steps(phases: list[PhaseBox]) -> tuple[Step, ...]:
    steps: list[Step] = []
    for phase in phases:
        if phase.group and steps and steps[-1].group == phase.group:
            steps[-1] = Step(phase.group, steps[-1].phases + (phase,))
        else:
            steps.append(Step(phase.group, (phase,)))
    return tuple(steps)


def render_process_map(handbook: Handbook) -> str:
    lanes = process_lanes(handbook)
    front_matter = "\n".join([
        "---",
        "title: Vilken metod när?",
        "description: Planeringsprocessens skeden med de metoder som används i varje skede.",
        "render_macros: false",
        "edit_path: ''",
        # The map needs the width; the page's few headings are all in view anyway.
        "hide:",
        "  - toc",
        "---",
    ])
    return "\n\n".join([
        front_matter,
        "# Vilken metod när?",
        _intro(lanes),
        '## Processkarta { #processkarta }',
        _map(lanes, handbook.vocabulary),
        '## Samma uppgifter som tabell { #tabell }',
        _table(handbook, lanes),
    ]) + "\n"


def _intro(lanes: list[Lane]) -> str:
    main = lanes[0].phases if lanes and lanes[0].track is None else []
    paragraphs = []
    if main:
        paragraphs.append(
            f"Kartan visar i vilka skeden av planeringen verktygslådans metoder används, från "
            f"{plain(_lower_first(main[0].name))} till {plain(_lower_first(main[-1].name))}. Läs den uppifrån "
            "och ned: varje ruta är ett skede, och pilarna visar i vilken ordning skedena brukar komma. I verkligheten "
            "överlappar skedena ofta varandra.")
    paragraphs.append("I varje ruta står de metoder som används i skedet. En metod kan stå i flera rutor. Följ "
                      "länken för att läsa hur metoden genomförs.")
    groups = list(dict.fromkeys(step.group for lane in lanes for step in lane.steps if step.group))
    if groups:
        named = join_swedish(f"”{plain(group)}”" for group in groups)
        paragraphs.append(f"Delskeden som hör ihop står i en gemensam ram med en egen rubrik, som {named}.")
    tracks = [lane for lane in lanes if lane.track]
    if tracks:
        named = join_swedish(f"”{plain(lane.name)}”" for lane in tracks)
        paragraphs.append(f"Skeden som pågår vid sidan av {MAIN_FLOW.lower()} står för sig under rubriken {named}. "
                          f"På en bred skärm står de bredvid {MAIN_FLOW.lower()}, annars under det.")
    paragraphs.append("Inom ett skede står metoderna i den ordning de används: *Börja med*, *Parallellt* (vid sidan "
                      "av en metod som börjar före och får underlag från den) och *Därefter*. För vanliga situationer "
                      f"finns hela vägen steg för steg under {link('Arbetsgångar', WORKED_PATHS_PATH)}. "
                      "[Samma uppgifter finns också som tabell](#tabell) under kartan.")
    return "\n\n".join(paragraphs)


def _lower_first(name: str) -> str:
    # A name is capitalised as a heading; mid-sentence it is not, but an abbreviation ("ÖP") keeps its capitals.
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def _map(lanes: list[Lane], vocabulary) -> str:
    numbered = list(enumerate(lanes, start=1))
    tracks = [(index, lane) for index, lane in numbered if lane.track]
    # The outer div is the CSS query container; a container cannot query its own width.
    lines = ['<div class="vl-process" markdown>',
             f'<div class="vl-process__lanes{" vl-process__lanes--tracks" if tracks else ""}" markdown>']
    for index, lane in numbered:
        if not lane.track:
            lines += _lane(lane, index, vocabulary)
    if tracks:
        # One column beside the main flow holds every track, so the layout does not depend on how many there are.
        lines.append('<div class="vl-process__side" markdown>')
        for index, lane in tracks:
            lines += _lane(lane, index, vocabulary)
        lines.append("</div>")
    lines += ["</div>", "</div>"]
    return "\n".join(lines)


def _lane(lane: Lane, index: int, vocabulary) -> list[str]:
    heading_id = f"processkarta-spar-{index}"
    kind = "track" if lane.track else "main"
    # The main flow is a sequence; a track's phases run alongside it, so their order is not a sequence.
    tag = "ul" if lane.track else "ol"
    lines = [
        f'<section class="vl-process__lane vl-process__lane--{kind}" aria-labelledby="{heading_id}" markdown>',
        f'<h3 class="vl-process__lane-title" id="{heading_id}" markdown="span">{plain(lane.name)}</h3>',
    ]
    if lane.track:
        lines.append(f'<p class="vl-process__lane-note">Pågår vid sidan av {MAIN_FLOW.lower()}.</p>')
    lines.append(f'<{tag} class="vl-process__flow" aria-labelledby="{heading_id}" markdown>')
    for number, step in enumerate(lane.steps, start=1):
        if step.group:
            lines += _group(step, f"{heading_id}-grupp-{number}", tag, vocabulary)
        else:
            lines += ['<li class="vl-process__step" markdown>', *_box(step.phases[0], "h4", vocabulary), "</li>"]
    lines += [f"</{tag}>", "</section>"]
    return lines


def _group(step: Step, heading_id: str, tag: str, vocabulary) -> list[str]:
    lines = [
        '<li class="vl-process__step vl-process__step--group" markdown>',
        f'<section class="vl-process__group" aria-labelledby="{heading_id}" markdown>',
        f'<h4 class="vl-process__group-title" id="{heading_id}" markdown="span">{plain(step.group or "")}</h4>',
        f'<{tag} class="vl-process__flow vl-process__flow--group" aria-labelledby="{heading_id}" markdown>',
    ]
    for phase in step.phases:
        lines += ['<li class="vl-process__step" markdown>', *_box(phase, "h5", vocabulary), "</li>"]
    lines += [f"</{tag}>", "</section>", "</li>"]
    return lines


def _box(phase: PhaseBox, heading: str, vocabulary) -> list[str]:
    phase_id = html.escape(phase.id)
    lines = [
        f'<div class="vl-process__box" data-phase="{phase_id}" markdown>',
        f'<{heading} class="vl-process__phase" id="skede-{phase_id}" markdown="span">{plain(phase.name)}</{heading}>',
    ]
    if phase.methods:
        groups = sequence(list(phase.methods), vocabulary)
        for label, methods in groups:
            name = f"Metoder i skedet {phase.name}" + (f": {label}" if len(groups) > 1 else "")
            if len(groups) > 1:
                lines.append(f'<p class="vl-process__order" aria-hidden="true">{html.escape(label)}</p>')
            lines.append(f'<ul class="vl-process__methods" aria-label="{html.escape(name)}" markdown>')
            lines += [f'<li markdown="span">{_method_link(method)}</li>' for method in methods]
            lines.append("</ul>")
    else:
        lines.append(f'<p class="vl-process__empty">{NO_METHOD}</p>')
    lines.append("</div>")
    return lines


def _method_link(method: Method) -> str:
    return link(listed_title(method, method.short_title), method_page_path(method))


def _table(handbook: Handbook, lanes: list[Lane]) -> str:
    where = {phase.id: _place(lane, step) for lane in lanes for step in lane.steps for phase in step.phases}
    lines = [
        '<div class="vl-process-table" markdown>',
        # "span", not block: Markdown does not count <caption> as a block and would wrap it in a <p>.
        '<table markdown="span">',
        "<caption>" + plain("Planeringsskedena i processens ordning och de metoder som används i varje skede. "
                            "Under skedets namn står om det ingår i en grupp eller pågår vid sidan av "
                            f"{MAIN_FLOW.lower()}.") + "</caption>",
        '<thead><tr><th scope="col">Skede</th><th scope="col">Metoder</th></tr></thead>',
        '<tbody markdown>',
    ]
    for phase in phase_boxes(handbook):
        place = f' <span class="vl-process-table__place">{plain(where[phase.id])}</span>' if where[phase.id] else ""
        groups = sequence(list(phase.methods), handbook.vocabulary)
        methods = (" ".join(f"{label}: " + ", ".join(_method_link(m) for m in found) + "." for label, found in groups)
                   if len(groups) > 1 else ", ".join(_method_link(m) for _, found in groups for m in found)
                   ) or plain(NO_METHOD)
        lines += [
            f'<tr data-phase="{html.escape(phase.id)}" markdown>',
            f'<th scope="row" markdown="span">{plain(phase.name)}{place}</th>',
            f'<td markdown="span">{methods}</td>',
            "</tr>",
        ]
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def _place(lane: Lane, step: Step) -> str:
    """Where a phase sits in the map, in words; empty for a phase on its own in the main flow."""
    parts = [lane.name] if lane.track else []
    if step.group:
        parts.append(f"del av {step.group}" if parts else f"Del av {step.group}")
    return ", ".join(parts)
