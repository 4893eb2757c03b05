"""The page of worked paths ("Arbetsgångar"): routes through several methods, step by step."""

from __future__ import annotations

from ..content import Handbook
from ..content.text_rules import inert_markdown as md
from .local_content import listed_title
from .markdown import link, list_item, plain
from .method_page import method_page_path, step_anchor

INTRO = (
    "En arbetsgång är en väg genom flera metoder för en situation som ofta återkommer. Den visar vilka steg "
    "ni tar, i vilken ordning och vad varje steg ger just här. Stegen länkar till metodernas egna beskrivningar, "
    "där ni hittar vem som gör vad och vilka mallar som hör till.\n\n"
    "Ordningen är kontrollerad mot metoderna: en arbetsgång kan inte ta en metods steg i fel ordning eller "
    "lägga en metod före en metod som den ger underlag till. *Samtidigt* betyder att steget görs vid sidan "
    "av steget före, inte efter det.")
GUIDANCE = ("Vägledning från handboken. Arbetsgången bygger på metodernas egna steg och på hur metoderna "
            "hänger ihop. Den är inte hämtad från en källa som beskriver just den här ordningen.")


def render_worked_paths_page(handbook: Handbook) -> str:
    # An edition's repository does not hold the regional file, so it gets no edit link.
    source = "" if handbook.edition else "methods/arbetsgangar.yml"
    parts = [f"---\ntitle: Arbetsgångar\nrender_macros: false\nedit_path: '{source}'\n---",
             "# Arbetsgångar", INTRO]
    if not handbook.worked_paths:
        parts.append("Det finns inga arbetsgångar i den här utgåvan av handboken.")
    methods = {m.slug: m for m in handbook.methods}
    contents = [link(p.title, f"#{p.id}") for p in handbook.worked_paths]
    if len(contents) > 1:
        parts.append("\n".join(list_item(item) for item in contents))
    for worked_path in handbook.worked_paths:
        section = [f"## {plain(worked_path.title)} {{ #{worked_path.id} }}", md(worked_path.situation)]
        if worked_path.sources:
            section.append("Källor: " + ", ".join(link(s.title, s.url) for s in worked_path.sources) + ".")
        else:
            section.append(f"*{plain(GUIDANCE)}*")
        items = []
        for entry in worked_path.steps:
            method = methods[entry.method]
            name = plain(listed_title(method, method.short_title))
            step = next((s for s in method.steps if s.id == entry.step), None)
            target = method_page_path(method) + (f"#{step_anchor(step)}" if step else "")
            heading = (f"**{name}, steg {method.steps.index(step) + 1}:** {link(step.title, target)}" if step
                       else f"**{link(method.short_title, target)}**")
            when = " *(samtidigt som steget före)*" if entry.alongside else ""
            items.append(list_item(f"{heading}{when}\n\n{md(entry.text)}", "1."))
        section.append('<div class="vl-path" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>")
        parts.append("\n\n".join(section))
    return "\n\n".join(parts) + "\n"
