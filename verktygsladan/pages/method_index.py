"""The method index: one card per method, in the handbook's method order."""

from __future__ import annotations

from ..content import Handbook, Method
from ..content.errors import join_swedish
from .markdown import count_of, link, plain, span
from .local_content import local_method_note, local_summary
from .method_page import method_page_path


def method_cards(handbook: Handbook, link_prefix: str = "", heading_level: int = 3) -> str:
    """Cards as Markdown. `link_prefix` is the path from the calling page to the method pages;
    `heading_level` keeps the calling page's heading outline unbroken."""
    cards = [_card(method, handbook, link_prefix, heading_level) for method in handbook.methods]
    # Cards repeat other pages: not what the page that lists them is about, so the search index skips them.
    return '<div class="vl-cards" markdown data-pagefind-ignore="all">\n\n' + "\n\n".join(cards) + "\n\n</div>"


def _card(method: Method, handbook: Handbook, link_prefix: str, heading_level: int) -> str:
    vocabulary = handbook.vocabulary
    weeks = method.effort.weeks
    facts = [
        f"Status: {vocabulary.name('statuses', method.trust.status)}",
        f"Tid: {span(weeks.min, weeks.max, 'vecka', 'veckor')}",
        "Skeden: " + join_swedish(vocabulary.names("phases", method.phases)),
    ]
    if method.is_local:
        facts.insert(0, local_method_note(method, handbook))
    if method.local is not None:
        facts.append(local_summary(method, handbook))
    return "\n".join([
        '<article class="vl-card" markdown>',
        "",
        f"{'#' * heading_level} {link(method.title, link_prefix + method_page_path(method))}",
        "",
        plain(method.summary),
        "",
        "\n".join(f"- {plain(fact)}" for fact in facts),
        "",
        "</article>",
    ])


def render_method_index(handbook: Handbook) -> str:
    count = len(handbook.methods)
    return "\n\n".join([
        "---\ntitle: Alla metoder\nrender_macros: false\nedit_path: ''\n---",
        "# Alla metoder",
        f"Verktygslådan har {count_of(count, 'metod', 'metoder')}. Varje kort visar metodens status, "
        "hur lång tid den brukar ta och i vilka skeden av planeringen den används.",
        method_cards(handbook, heading_level=2),
    ]) + "\n"
