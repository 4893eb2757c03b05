"""The method finder (Metodväljare): filters on phase, question, target group, time and roles.

The page is the full list of methods, rendered here, so it works without
JavaScript. Each card carries its facet values in data attributes named after
the filter's query-string parameter (`data-skede="planbesked genomforande"`),
and the filter form uses the same names and values, so the script
(docs/assets/javascripts/verktygsladan.js) only compares strings it finds in
the page: it knows no vocabulary, no method and no Swedish text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

import yaml

from ..content import Handbook, Method
from ..content.sequence import PARALLEL, START, THEN, before_relations, feed_relations, first_phase, sequence
from ..site_layout import FINDER_PATH
from .markdown import count_of, link, plain, span
from .local_content import local_heading, local_method_note, local_summary
from .method_page import method_page_path



@dataclass(frozen=True)
class EffortBand:
    """A span of calendar weeks a reader can choose. `max_weeks` None means no upper limit."""

    id: str
    name: str
    min_weeks: int
    max_weeks: int | None

    def overlaps(self, low: int, high: int) -> bool:
        return low <= (self.max_weeks if self.max_weeks is not None else high) and high >= self.min_weeks


# Contiguous and without gaps, so every whole number of weeks falls in exactly one band.
EFFORT_BANDS = (
    EffortBand("hogst-4-veckor", "Högst 4 veckor", 0, 4),
    EffortBand("1-3-manader", "1–3 månader (5–13 veckor)", 5, 13),
    EffortBand("langre", "Längre än 3 månader", 14, None),
)


def bands_for_weeks(low: int, high: int) -> list[str]:
    """Every band a method taking low–high weeks can fall in: it fits a reader who has that much time."""
    return [band.id for band in EFFORT_BANDS if band.overlaps(low, high)]


def _roles(method: Method) -> list[str]:
    return list(dict.fromkeys([*method.people.lead, *method.people.participants]))


@dataclass(frozen=True)
class Facet:
    """One group of checkboxes. `param` is both the query-string name and the card's data attribute."""

    param: str
    legend: str
    values_of: Callable[[Method], list[str]]
    vocabulary: str | None = None
    help: str = ""

    def terms(self, handbook: Handbook) -> list[tuple[str, str]]:
        """Every value the facet can have, as (id, name), in the order readers see them."""
        if self.vocabulary is None:
            return [(band.id, band.name) for band in EFFORT_BANDS]
        return [(term_id, term.name) for term_id, term in handbook.vocabulary.terms(self.vocabulary).items()]


FACETS = (
    Facet("skede", "Planeringsskede", lambda m: m.phases, "phases"),
    Facet("fraga", "Vad vill ni åstadkomma?", lambda m: m.questions, "questions"),
    Facet("malgrupp", "Målgrupp", lambda m: m.target_groups, "target_groups"),
    Facet("tid", "Tid från start till resultat", lambda m: bands_for_weeks(m.effort.weeks.min, m.effort.weeks.max),
          help="En metod som kan ta olika lång tid finns med under varje tid som den kan ta."),
    Facet("roll", "Vilka behöver vara med?", _roles, "roles",
          help="Roller som leder eller deltar i metoden."),
)


def facet(param: str) -> Facet:
    return next(f for f in FACETS if f.param == param)


@dataclass(frozen=True)
class FacetValue:
    id: str
    name: str
    count: int


def facet_values(handbook: Handbook, facet: Facet) -> list[FacetValue]:
    """The values at least one method has, in vocabulary order, with how many methods have each."""
    values = []
    for term_id, name in facet.terms(handbook):
        count = sum(term_id in facet.values_of(method) for method in handbook.methods)
        if count:
            values.append(FacetValue(term_id, name, count))
    return values


def _joined(ids: list[str]) -> str:
    return " ".join(ids)


def _methods_text(count: int) -> str:
    return count_of(count, "metod", "metoder")


# --- The finder page -------------------------------------------------------

def render_method_finder(handbook: Handbook) -> str:
    total = len(handbook.methods)
    front_matter = {
        "title": "Metodväljare",
        "description": "Hitta metoder efter planeringsskede, syfte, målgrupp, tid och vilka som behöver vara med.",
        # Method text is data: the macros plugin must never evaluate it.
        "render_macros": False,
        "edit_path": "",  # generated: nothing to edit
        # The filters take the room a table of contents would have.
        "hide": ["toc"],
    }
    return "\n\n".join([
        "---\n" + yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False) + "---",
        "# Metodväljare",
        "Hitta metoder efter planeringsskede, vad ni vill åstadkomma, målgrupp, tid och vilka som behöver "
        "vara med.\n{ .vl-lead }",
        '<noscript><p class="vl-finder__nojs">Filtren behöver JavaScript. Här nedanför finns alla '
        f"{_methods_text(total)} ändå, och varje kort visar metodens status, skeden, tid, deltagare och vem "
        "som leder arbetet.</p></noscript>",
        '<div class="vl-finder" markdown>',
        _form(handbook),
        _results(handbook),
        "</div>",
    ]) + "\n"


def _form(handbook: Handbook) -> str:
    # Shown from the start, so the page does not shift when the script runs; overrides/main.html
    # hides it when JavaScript is off, since the boxes could not filter anything then.
    lines = [
        # The search index skips the form: every vocabulary term would otherwise lead to this page.
        '<form class="vl-finder__form" data-vl-finder autocomplete="off" data-pagefind-ignore="all" '
        'aria-labelledby="vl-finder-filter-heading" aria-describedby="vl-finder-help">',
        '<h2 id="vl-finder-filter-heading">Filtrera</h2>',
        '<p id="vl-finder-help" class="vl-finder__help">Kryssa i det som stämmer för er, så ändras listan '
        "direkt. Inom en grupp räcker det att metoden passar ett av valen. Väljer du i flera grupper måste "
        "den passa i alla. Siffran visar hur många metoder som har värdet.</p>",
        # At the top: below five long groups it would be far from where a reader starts.
        '<button type="button" class="md-button vl-finder__clear" data-vl-finder-clear>Rensa alla filter</button>',
    ]
    for current in FACETS:
        values = facet_values(handbook, current)
        if not values:
            continue
        help_id = f"vl-finder-{current.param}-help"
        described = f' aria-describedby="{help_id}"' if current.help else ""
        lines.append(f'<fieldset class="vl-finder__facet"{described}>')
        lines.append(f"<legend>{escape(current.legend)}</legend>")
        if current.help:
            lines.append(f'<p id="{help_id}" class="vl-finder__facet-help">{escape(current.help)}</p>')
        lines.append('<ul class="vl-finder__options">')
        for value in values:
            box_id = escape(f"vl-finder-{current.param}-{value.id}")
            lines.append(
                f'<li><input type="checkbox" id="{box_id}" name="{escape(current.param)}" '
                f'value="{escape(value.id)}"> <label for="{box_id}">{escape(value.name)} '
                f'<span class="vl-finder__count">{value.count}'
                f'<span class="vl-visually-hidden"> {"metod" if value.count == 1 else "metoder"}</span>'
                "</span></label></li>")
        lines.append("</ul>")
        lines.append("</fieldset>")
    # Stays in view at the bottom of the form, so a reader far down the groups still sees what a
    # click did. Not a live region: the status beside the results already announces it.
    lines.append(f'<p class="vl-finder__jump"><span data-vl-finder-shown>{_methods_text(len(handbook.methods))}'
                 '</span> <a href="#metoder">Till metoderna</a></p>')
    lines.append("</form>")
    return "\n".join(lines)


def _results(handbook: Handbook) -> str:
    total = len(handbook.methods)
    total_text = _methods_text(total)
    none_text = "Ingen metod passar alla filter som du har valt."
    # The script fills in {shown}; Python owns the words, so the script holds no Swedish.
    texts = {"some": "{shown} av " + total_text, "none": f"0 av {total_text}. {none_text}"}
    status = ('<p class="vl-finder__status" role="status" aria-live="polite" aria-atomic="true" '
              f'data-vl-finder-status data-text-some="{escape(texts["some"])}" '
              f'data-text-none="{escape(texts["none"])}">{escape(total_text)}</p>')
    empty = ('<div class="vl-finder__empty" data-vl-finder-empty hidden>\n'
             "<p>Ta bort något av valen, eller börja om med alla metoder.</p>\n"
             '<button type="button" class="md-button md-button--primary" data-vl-finder-clear>'
             "Rensa alla filter</button>\n</div>")
    # In the order of use for all methods; the script redoes it for the methods a filter leaves.
    ordered = [(label, method) for label, group in sequence(handbook.methods, handbook.vocabulary)
               for method in group]
    cards = [_card(method, handbook, label) for label, method in ordered]
    order_texts = (f'data-text-start="{escape(START)}" data-text-then="{escape(THEN)}" '
                   f'data-text-parallel="{escape(PARALLEL)} med {{names}}" data-text-and=" och "')
    return "\n\n".join([
        f'<div class="vl-finder__results" data-vl-finder-order {order_texts} markdown>',
        # tabindex lets the script move focus here after "Rensa alla filter" hides the button that had it.
        '## Metoder { #metoder tabindex="-1" }',
        status,
        empty,
        # Cards repeat the method pages: the search index leads to those instead.
        '<div class="vl-finder__cards" markdown data-pagefind-ignore="all">',
        *cards,
        "</div>",
        "</div>",
    ])


def order_data(method: Method, handbook: Handbook) -> str:
    """What the script needs to place the card in order among any set of cards, by the same rule as
    content.sequence: the methods that come before it, the methods it feeds, and its first phase."""
    order = list(handbook.vocabulary.terms("phases"))
    before = sorted({r.first for r in before_relations(handbook.methods) if r.second == method.slug})
    feeds = sorted({r.second for r in feed_relations(handbook.methods) if r.first == method.slug})
    return (f'data-vl-slug="{escape(method.slug)}" data-vl-name="{escape(method.short_title)}" '
            f'data-vl-before="{escape(" ".join(before))}" data-vl-feeds="{escape(" ".join(feeds))}" '
            f'data-vl-rank="{first_phase(method, order):02d} {escape(method.title)}"')


def _card(method: Method, handbook: Handbook, label: str) -> str:
    vocabulary = handbook.vocabulary
    weeks, people = method.effort.weeks, method.effort.participants
    facts = [
        ("Status", vocabulary.name("statuses", method.trust.status)),
        ("Skeden", ", ".join(vocabulary.names("phases", method.phases))),
        ("Tid", span(weeks.min, weeks.max, "vecka", "veckor")),
        ("Deltagare", span(people.min, people.max, "person", "personer")),
        ("Leds av", ", ".join(vocabulary.names("roles", method.people.lead))),
    ]
    if method.is_local:
        facts.insert(0, ("Ursprung", local_method_note(method, handbook)))
    if method.local is not None:
        facts.append((local_heading(handbook), local_summary(method, handbook)))
    data = " ".join(f'data-{f.param}="{escape(_joined(f.values_of(method)))}"' for f in FACETS)
    return "\n".join([
        f'<article class="vl-finder__card" data-vl-card {data} {order_data(method, handbook)} markdown>',
        "",
        f'<p class="vl-finder__order" data-vl-order>{escape(label)}</p>',
        "",
        # Search should lead to the method's own page, not to its card here.
        f"### {link(method.title, method_page_path(method))} {{ data-search-exclude }}",
        "",
        plain(method.summary),
        "",
        "\n\n".join(f"{term}\n:   {plain(value)}" for term, value in facts),
        "",
        "</article>",
    ])


# --- The start page's entry into the finder --------------------------------

SUMMARY_FACETS = ("skede", "fraga")


def finder_summary(handbook: Handbook, link_prefix: str = "") -> str:
    """Phases and questions as links into the finder with that filter chosen.

    Plain links, so they work without JavaScript; `link_prefix` is the path from
    the calling page to the generated pages, and MkDocs checks every link.
    """
    target = link_prefix + FINDER_PATH
    parts = ['<div class="vl-finder-summary" markdown>',
             "Metodväljaren visar de metoder som passar er, efter planeringsskede, vad ni vill åstadkomma, "
             "målgrupp, tid och vilka som behöver vara med. Börja med ett skede eller ett syfte, eller "
             f"{link('öppna metodväljaren med alla filter', target)}."]
    headings = {"skede": "Vilket skede är ni i?", "fraga": "Vad vill ni åstadkomma?"}
    for param in SUMMARY_FACETS:
        items = [f"- {link(value.name, f'{target}?{param}={value.id}')} ({_methods_text(value.count)})"
                 for value in facet_values(handbook, facet(param))]
        if items:
            parts.append(f'<div class="vl-finder-summary__group" markdown>\n\n'
                         f"### {plain(headings[param])}\n\n" + "\n".join(items) + "\n\n</div>")
    parts.append("</div>")
    return "\n\n".join(parts)
