"""A method's page, as Markdown, from its validated content.

The order of `SECTIONS` is the page layout. A section whose content is empty
returns None and is left out, so readers never meet an empty heading.
"""

from __future__ import annotations

import html
import urllib.parse
from typing import Callable

import yaml

from ..content import Handbook, Method, next_review
from ..content.errors import join_swedish
from ..content.schema import Checklist, MethodText, Related, Template
from ..content.text_rules import inert_markdown as md
from .download_links import Downloads, bundle_button, download_row
from .local_content import (
    local_checklist_items,
    local_examples,
    local_heading,
    local_method_note,
    edit_path,
    local_section,
    step_notes,
)
from .markdown import bullet_list, definition, link, list_item, plain, sentence, span

def document_anchor(document: Checklist | Template) -> str:
    kind = "checklista" if isinstance(document, Checklist) else "mall"
    return f"{kind}-{document.id}"


def method_page_path(method: Method) -> str:
    """Where the page lives, relative to the generated folder."""
    return f"{method.slug}.md"


def render_method_page(method: Method, handbook: Handbook, downloads: Downloads | None = None) -> str:
    front_matter = {
        "title": method.short_title,
        "description": method.summary,
        # Method text is data: the macros plugin must never evaluate it.
        "render_macros": False,
        "source_file": method.source_file,
        # Where "Redigera sidan" leads, relative to edit_base_url; empty means no edit link.
        "edit_path": edit_path(method, handbook),
        # Shown in the footer, so a reader on any screen of the page sees how current it is.
        "last_reviewed": method.trust.last_reviewed.isoformat(),
        "next_review": next_review(method).isoformat(),
    }
    header = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False) + "---"
    return header + "\n\n" + render_method_body(method, handbook, downloads)


def render_method_body(method: Method, handbook: Handbook, downloads: Downloads | None = None) -> str:
    """The page without front matter; also the method's chapter in the print edition."""
    parts = [
        f"# {plain(method.title)}",
        f"{plain(method.summary)}\n{{ .vl-lead }}",
        *([f"**{plain(note)}**"] if (note := local_method_note(method, handbook)) else []),
        _facts(method, handbook),
        *([section] if (section := local_section(method, handbook)) else []),
        _steps_at_a_glance(method, handbook),
    ]
    for heading, render in SECTIONS:
        body = render(method, handbook, downloads)
        if body:
            parts.append(f"## {heading}\n\n{body}")
    return "\n\n".join(parts) + "\n"


def _facts(method: Method, handbook: Handbook) -> str:
    vocabulary = handbook.vocabulary
    trust = method.trust
    effort = method.effort
    facts = [
        ("Status", vocabulary.name("statuses", trust.status)),
        ("Planeringsskeden", ", ".join(vocabulary.names("phases", method.phases))),
        ("Tid", span(effort.weeks.min, effort.weeks.max, "vecka", "veckor")),
        ("Deltagare", span(effort.participants.min, effort.participants.max, "person", "personer")),
        ("Leds av", ", ".join(vocabulary.names("roles", method.people.lead))),
        ("Svårighetsgrad", vocabulary.name("difficulties", method.difficulty)),
        ("Ansvarig", trust.owner),
        ("Senast granskad", trust.last_reviewed.isoformat()),
    ]
    entries = "\n\n".join(definition(plain(term), plain(value)) for term, value in facts)
    return f'<div class="vl-facts" markdown>\n\n## I korthet {{ #i-korthet }}\n\n{entries}\n\n</div>'


def step_anchor(step) -> str:
    """The step's heading id: from its stable id, so links into a step survive a new title."""
    return f"steg-{step.id}"


def _steps_at_a_glance(method: Method, handbook: Handbook) -> str:
    """"Så gör ni": every step in one short list right after "I korthet", so a reader who
    knows why can start working without scrolling through the background."""
    items = []
    for step in method.steps:
        when = [handbook.vocabulary.name("phases", step.phase)] if step.phase else []
        if step.time:
            when.append(step.time)
        suffix = f" ({plain(' · '.join(when))})" if when else ""
        items.append(list_item(f"{link(step.title, '#' + step_anchor(step))}{suffix}", "1."))
    return ("## Så gör ni { #sa-gor-ni }\n\n" + "\n".join(items)
            + "\n\nStegen beskrivs utförligt under [Steg för steg](#steg-for-steg).")


def _names(handbook: Handbook, vocabulary: str, term_ids: list[str]) -> str:
    """Vocabulary names as escaped Markdown, in vocabulary order."""
    return ", ".join(plain(name) for name in handbook.vocabulary.names(vocabulary, term_ids))


def _purpose(method: Method, handbook: Handbook, downloads: Downloads | None) -> str:
    return md(method.text.purpose)


def _background(method: Method, handbook: Handbook, downloads: Downloads | None) -> str | None:
    return md(method.text.background) if method.text.background else None


def _when(method: Method, handbook: Handbook, downloads: Downloads | None) -> str:
    parts = [bullet_list(map(md, method.when_to_use))]
    if method.when_not_to_use:
        parts.append("### När passar den inte?\n\n" + bullet_list(map(md, method.when_not_to_use)))
    parts.append("### Frågor och målgrupper\n\n" + bullet_list([
        f"**Metoden hjälper till att:** {_names(handbook, 'questions', method.questions)}",
        f"**Målgrupper:** {_names(handbook, 'target_groups', method.target_groups)}",
    ]))
    return "\n\n".join(parts)


def _people(method: Method, handbook: Handbook, downloads: Downloads | None) -> str:
    people, effort = method.people, method.effort
    items = [f"**Leder arbetet:** {_names(handbook, 'roles', people.lead)}"]
    if people.participants:
        items.append(f"**Deltar:** {_names(handbook, 'roles', people.participants)}")
    items.append(f"**Omfattning:** {span(effort.weeks.min, effort.weeks.max, 'vecka', 'veckor')} och "
                 f"{span(effort.participants.min, effort.participants.max, 'deltagare', 'deltagare')}")
    parts = [bullet_list(items)]
    if people.description:
        parts.append(md(people.description))
    if effort.note:
        parts.append(md(effort.note))
    if effort.needs_check:
        parts.append(to_check(effort.needs_check))
    return "\n\n".join(parts)


def to_check(text: str) -> str:
    """The visible marker of a fact that still needs checking; the words say it, not a colour."""
    return f"**Uppgift att kontrollera:** {plain(sentence(text))}"


def _steps(method: Method, handbook: Handbook, downloads: Downloads | None) -> str:
    parts = []
    for number, step in enumerate(method.steps, start=1):
        lines = [f"### {number}. {plain(step.title)} {{ #{step_anchor(step)} }}", "", md(step.description)]
        if step.phase:
            lines[2:2] = [f"*Skede: {plain(handbook.vocabulary.name('phases', step.phase))}*", ""]
        extras = []
        if step.time:
            extras.append(f"**Tidsåtgång:** {plain(step.time)}")
        if step.uses:
            documents = [method.document(ref) for ref in step.uses]
            extras.append("**Använd:** " + join_swedish(link(d.title, f"#{document_anchor(d)}") for d in documents))
        if extras:
            lines += ["", bullet_list(extras)]
        note = step_notes(method, step, handbook)
        if note:
            lines += ["", note]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _outputs(method: Method, handbook: Handbook, downloads: Downloads | None) -> str:
    return bullet_list(map(md, method.outputs))


def _tips(method: Method, handbook: Handbook, downloads: Downloads | None) -> str | None:
    parts = []
    if method.tips:
        parts.append("### Tips\n\n" + bullet_list(map(md, method.tips)))
    if method.pitfalls:
        parts.append("### Fallgropar\n\n" + bullet_list(map(md, method.pitfalls)))
    return "\n\n".join(parts) or None


def _legal(method: Method, handbook: Handbook, downloads: Downloads | None) -> str | None:
    blocks = []
    for basis in method.legal_basis:
        heading = f"**{plain(basis.law)}, {plain(basis.section)}**"
        # The site's name is the link text: the sentence around it already says what the text is.
        source = link(_site_name(basis.url), basis.url) if basis.url else ""
        if basis.as_of:
            blocks.append(f"{heading}\n\n{md(basis.statement)}\n\n"
                          f"*Kontrollerad {basis.as_of.isoformat()} mot lagtexten eller vägledningen på* {source}.")
            continue
        # An unchecked fact is boxed and dated with the review that left it open,
        # so nobody reads it as settled law.
        body = (f"{heading}\n\n{md(basis.statement)}\n\n**Att kontrollera:** {plain(sentence(basis.needs_check))} "
                f"Läget när sidan granskades {method.trust.last_reviewed.isoformat()}."
                + (f" Källa: {source}." if source else ""))
        blocks.append('!!! warning "Rättsläge att kontrollera"\n\n'
                      + "\n".join(f"    {line}" if line.strip() else "" for line in body.splitlines()))
    return "\n\n".join(blocks) or None


def _site_name(url: str) -> str:
    """"boverket.se" for https://www.boverket.se/sv/…"""
    host = urllib.parse.urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _examples(method: Method, handbook: Handbook, downloads: Downloads | None) -> str | None:
    parts = []
    for example in method.examples:
        parts.append(f"### {plain(example.municipality)}, {example.year}\n\n{md(example.description)}\n\n"
                     f"Källa: {link(f'Beskrivning av exemplet från {example.municipality}', example.source_url)}")
    parts += local_examples(method, handbook)
    return "\n\n".join(parts) or None


def _documents(method: Method, handbook: Handbook, downloads: Downloads | None) -> str | None:
    parts = []
    if downloads and method.slug in downloads.pending:
        parts.append(_pending_note(downloads.pending[method.slug]))
    if downloads and method.documents() and method.slug in downloads.by_method:
        parts.append(bundle_button(downloads.by_method[method.slug]))
    for template in method.templates:
        lines = [f"### Mall: {plain(template.title)} {{ #{document_anchor(template)} }}", "", md(template.description)]
        if downloads:
            lines += ["", download_row(downloads.by_document.get(template.id, []))]
        lines += ["", "Mallen har de här avsnitten:"]
        for section in template.sections:
            content = [f"**{plain(section.heading)}**"]
            if section.guidance:
                content.append(md(section.guidance))
            if section.fill_in:
                content.append(sentence("Fält att fylla i: " + join_swedish(plain(f) for f in section.fill_in)))
            if section.table:
                content.append(sentence("Tabell med kolumnerna "
                                        + join_swedish(plain(c) for c in section.table.all_columns)))
                if section.table.row_headings:
                    content.append(sentence("Rader: " + join_swedish(plain(r) for r in section.table.row_headings)))
                if section.table.dissimilarity_index:
                    content.append(f"Sista raden: {plain(section.table.result_row)}. Kalkylarket (Excel) räknar "
                                   "ut andelarna och indexet när ni har skrivit in antalen.")
            # A blank line before each item keeps multi-paragraph items in one list. Bullets, not
            # numbers: some templates number their own headings ("1. Ärendet"), and the steps refer to them.
            lines += ["", list_item("\n\n".join(content))]
        parts.append("\n".join(lines))
    for checklist in method.checklists:
        lines = [f"### Checklista: {plain(checklist.title)} {{ #{document_anchor(checklist)} }}", ""]
        if checklist.description:
            lines += [md(checklist.description), ""]
        if downloads:
            lines += [download_row(downloads.by_document.get(checklist.id, [])), ""]
        lines.append(_checklist_form(checklist, method, handbook, downloads))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) or None


def _pending_note(failure: str) -> str:
    # Only the preview (make serve) makes downloads in the background; a published page never has this.
    if failure:
        return ('!!! failure "Nedladdningarna kunde inte skapas"\n\n'
                f"    {plain(' '.join(failure.split()))}\n\n    Sidorna visar filerna från den senaste versionen som gick att skapa.")
    return ('!!! info "Nedladdningarna skapas"\n\n'
            "    Förhandsvisningen gör om mallarna och checklistorna efter din ändring. Till dess leder länkarna "
            "till filerna från den förra versionen, och en ny metod har inga länkar än. Sidan laddas om av sig "
            "själv när filerna är klara.")


def _checklist_form(checklist: Checklist, method: Method, handbook: Handbook,
                    downloads: Downloads | None = None) -> str:
    """The items as real checkboxes that work without JavaScript.

    verktygsladan.js finds the fieldset by data-vl-checklist, adds the plans,
    the progress and the reset button, and saves the state per plan. It fills
    in the Excel file named by data-vl-excel for export; that path is relative
    to the generated folder, so the script finds the file through the page's
    own download link, which MkDocs has made relative to the page. The legend
    and labels are Markdown spans (md_in_html) so that abbreviations are
    explained there too; plain() keeps the text exactly as written.
    """
    local = local_checklist_items(method, checklist)
    groups = [(phase, [_checkbox(checklist, number, item, handbook) for number, item in entries])
              for phase, entries in checklist_groups(checklist, handbook)]
    if local:
        whose = f'<span class="vl-checklist__local">{plain(local_heading(handbook))}:</span> '
        groups.append(("", [_checkbox(checklist, number, item, handbook, whose)
                            for number, item in enumerate(local, start=len(checklist.items) + 1)]))
    excel = next((f.path for f in (downloads.by_document.get(checklist.id, []) if downloads else [])
                  if f.path.endswith(".xlsx")), "")
    excel_attribute = f' data-vl-excel="{html.escape(excel)}"' if excel else ""
    lines = [
        f'<fieldset class="vl-checklist" data-vl-checklist="{checklist.id}"{excel_attribute} markdown>',
        f'<legend id="vl-checklista-{checklist.id}" markdown="span">{plain(checklist.title)}</legend>',
    ]
    for index, (phase, items) in enumerate(groups, start=1):
        named = ""
        if phase:
            # The list is named by its phase, so a screen reader hears which phase an item belongs to.
            label = f"vl-skede-{checklist.id}-{index}"
            lines.append(f'<p class="vl-checklist__phase" id="{label}" markdown="span">{plain(phase)}</p>')
            named = f' aria-labelledby="{label}"'
        lines += [f'<ul class="vl-checklist__items"{named} markdown>', *items, "</ul>"]
    lines.append("</fieldset>")
    return "\n".join(lines)


def _checkbox(checklist: Checklist, number: int, item, handbook: Handbook, whose: str = "") -> str:
    # Checklist ids are identifiers unique in the handbook and the number is the
    # item's place, so the id is unique and stays the same between builds.
    box = f"vl-punkt-{checklist.id}-{number}"
    level = (f'<strong class="vl-checklist__level">'
             f"{plain(handbook.vocabulary.name('checklist_levels', item.level))}:</strong> " if item.level else "")
    return (f'<li markdown="span"><input type="checkbox" id="{box}"> '
            f'<label for="{box}">{whose}{level}{plain(item.text)}</label></li>')


def checklist_groups(checklist: Checklist, handbook: Handbook) -> list[tuple[str, list[tuple[int, object]]]]:
    """The checklist's items with their place (from 1), grouped by planning phase in the vocabulary's
    order when the checklist gives phases; otherwise one group without a name."""
    numbered = list(enumerate(checklist.items, start=1))
    if not any(item.phase for item in checklist.items):
        return [("", numbered)]
    order = list(handbook.vocabulary.terms("phases"))
    groups = []
    for phase in order:
        entries = [(number, item) for number, item in numbered if item.phase == phase]
        if entries:
            groups.append((handbook.vocabulary.name("phases", phase), entries))
    return groups


def _indicators(method: Method, handbook: Handbook, downloads: Downloads | None) -> str | None:
    if not method.indicators:
        return None
    table = ["| Indikator | Del av GR:s definition | Datakälla | Nivå |", "| --- | --- | --- | --- |"]
    details = []
    for indicator in method.indicators:
        dimensions = _names(handbook, "gr_dimensions", indicator.gr_dimensions)
        levels = _names(handbook, "geographic_levels", indicator.levels)
        table.append(f"| {link(indicator.name, f'#indikator-{indicator.id}')} | {dimensions} "
                     f"| {plain(indicator.data_source)} | {levels} |")
        facts = [("Mäter", md(indicator.measures)), ("Varför", md(indicator.why)), ("Del av GR:s definition", dimensions),
                 ("Datakälla", plain(indicator.data_source))]
        if indicator.kolada_id:
            checked = "kontrollerad" if indicator.kolada_id_checked else "behöver kontrolleras mot Kolada"
            facts.append(("Kolada-kod", f"{plain(indicator.kolada_id)} ({checked})"))
        facts.append(("Geografisk nivå", levels))
        if indicator.breakdowns:
            facts.append(("Kan delas upp på", _names(handbook, "breakdowns", indicator.breakdowns)))
        if indicator.formula:
            facts.append(("Formel", plain(indicator.formula)))
        if indicator.interpretation:
            facts.append(("Så tolkas värdet", md(indicator.interpretation)))
        if indicator.needs_check:
            facts.append(("Uppgift att kontrollera", plain(sentence(indicator.needs_check))))
        details.append(f"### {plain(indicator.name)} {{ #indikator-{indicator.id} }}\n\n"
                       + "\n\n".join(definition(plain(term), value) for term, value in facts))
    return "\n\n".join(["\n".join(table), *details])


def _related(method: Method, handbook: Handbook, downloads: Downloads | None) -> str | None:
    items = []
    for relation, methods in handbook.related(method).items():
        if methods:
            links = join_swedish(link(m.title, method_page_path(m)) for m in methods)
            items.append(f"**{Related.fields[relation].label}:** {links}")
    # "feeds" in both directions, with the step, so a reader sees where the result goes.
    feeds = [(method, handbook.method(f.method), f.step) for f in method.feeds or []
             if f.method in {m.slug for m in handbook.methods}]
    feeds += [(other, method, f.step) for other in handbook.methods for f in other.feeds or [] if f.method == method.slug]
    for feeder, target, step_id in feeds:
        step = next((s for s in target.steps if s.id == step_id), None)
        if step is None:
            continue
        where = link(f"{target.short_title}, steg {target.steps.index(step) + 1}: {step.title}",
                     f"{method_page_path(target) if target is not method else ''}#{step_anchor(step)}")
        if feeder is method:
            items.append(f"**Resultatet används i:** {where}")
        else:
            items.append(f"**Får underlag från:** {link(feeder.title, method_page_path(feeder))}, till {where}")
    return bullet_list(items) or None


def _sources(method: Method, handbook: Handbook, downloads: Downloads | None) -> str:
    items = []
    for source in method.sources:
        year = f", {source.year}" if source.year else ""
        items.append(f"{link(source.title, source.url)}. {plain(source.publisher)}{year}."
                     + (f" {to_check(source.needs_check)}" if source.needs_check else ""))
    return bullet_list(items)


def _changelog(method: Method, handbook: Handbook, downloads: Downloads | None) -> str:
    trust = method.trust
    vocabulary = handbook.vocabulary
    lines = [bullet_list([
        f"**Status:** {plain(vocabulary.name('statuses', trust.status))}. "
        f"{md(vocabulary.terms('statuses')[trust.status].description or '')}".rstrip(),
        "**Prövad i:** " + (join_swedish(plain(t) for t in trust.tested_in) if trust.tested_in
                            else "Ingen kommun ännu, enligt källorna.")
        + (f"\n\n**Det här har prövats:** {md(trust.tested_what)}" if trust.tested_what else ""),
        f"**Ursprung:** {plain(trust.origin.project)}"
        + (f", med finansiering från {plain(trust.origin.funder)}" if trust.origin.funder else "")
        + f", {trust.origin.year}.",
        f"**Ansvarig:** {plain(trust.owner)}",
        f"**Senast granskad:** {trust.last_reviewed.isoformat()}. "
        f"**Nästa granskning:** senast {next_review(method).isoformat()}.",
    ]), "", "| Datum | Vad ändrades | Varför |", "| --- | --- | --- |"]
    for change in sorted(trust.changelog, key=lambda c: c.date, reverse=True):
        lines.append(f"| {change.date.isoformat()} | {plain(change.change)} | {plain(change.reason)} |")
    return "\n".join(lines)


SECTIONS: list[tuple[str, Callable[[Method, Handbook, Downloads | None], str | None]]] = [
    # What a reader needs to run the method comes first; the background follows the work.
    (MethodText.purpose.label, _purpose),
    ("När passar metoden?", _when),
    ("Vem gör vad?", _people),
    ("Steg för steg", _steps),
    ("Resultat", _outputs),
    ("Mallar och checklistor", _documents),
    ("Tips och fallgropar", _tips),
    ("Juridik", _legal),
    ("Exempel", _examples),
    ("Indikatorer", _indicators),
    (MethodText.background.label, _background),
    ("Relaterade metoder", _related),
    ("Källor", _sources),
    ("Status och ändringslogg", _changelog),
]
