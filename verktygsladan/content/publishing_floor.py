"""What a method must have before it is published, beyond what each field allows.

The schema checks one field at a time, so that a draft can be checked while it
is written. These rules look at the method as a whole: enough concrete steps,
a checklist and a template to work with, sources, the people involved, a place
among the other methods, and no text left over from the example method that
`make new-method` copies. `load_handbook` runs them, so `make check`, the build
and the tests all refuse the same methods with the same Swedish messages.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any, Callable

from .errors import FieldPath

MIN_STEPS = 5
MIN_STEP_TEXT = 80  # characters in a step's description: who does what, with what, and what comes out
MIN_CHECKLIST_ITEMS = 8
MIN_SOURCES = 3

# Addresses reserved for examples (RFC 2606): a link there is a placeholder nobody replaced.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")
# Notes an author leaves for later. "XXX" only in capitals: "xxx" may be part of a real word or code.
_PLACEHOLDER_NOTE = re.compile(r"\b(TODO|FIXME|XXX)\b|\blorem ipsum\b", re.IGNORECASE)
# A skeleton text counts as left over only if it is real prose, not a short word
# that a real method may share with the example (a role id, "2 timmar").
_MIN_SKELETON_TEXT = 10

# Fields whose text a real method may rightly share with the example: labels
# ("Datum", "Ärendets namn"), a law's name and paragraph, a time ("1–2 timmar").
_LABEL_FIELDS = {"fill_in", "columns", "row_headings", "heading", "law", "section", "time"}

Error = Callable[[FieldPath, str], None]


def check_floor(method: Any, related: dict[str, list], others: int, error: Error,
                text_error: Callable[[int | None, str], None]) -> None:
    """The editorial floor of a published method; `related` is Handbook.related(method), `others` how many
    other methods the handbook has."""
    if len(method.steps) < MIN_STEPS:
        error(("steps",), f"Metoden har {len(method.steps)} steg. En publicerad metod behöver minst {MIN_STEPS} "
                          "steg, så att en planerare kan genomföra den från sidan.")
    for index, step in enumerate(method.steps):
        length = len(" ".join(step.description.split()))
        if length < MIN_STEP_TEXT:
            error(("steps", index, "description"),
                  f"Steget \"{step.title}\" beskrivs med {length} tecken. Skriv minst {MIN_STEP_TEXT}: vem som gör "
                  "vad, med vilket underlag och vad som ska komma ut.")
    if not any(len(checklist.items) >= MIN_CHECKLIST_ITEMS for checklist in method.checklists):
        error(("checklists",), f"Metoden behöver en checklista med minst {MIN_CHECKLIST_ITEMS} punkter, som en "
                               "planerare kan bocka av när metoden används.")
    if not method.templates:
        error(("templates",), "Metoden behöver minst en mall med något att fylla i (\"fill_in\" eller \"table\").")
    for index, template in enumerate(method.templates):
        if not any(section.fill_in or section.table for section in template.sections):
            error(("templates", index), f"Mallen \"{template.title}\" har inget att fylla i. Ge minst ett avsnitt "
                                        "\"fill_in\" eller \"table\".")
    if not method.people.participants:
        error(("people", "participants"), "Ange vilka roller som deltar (\"participants\"), inte bara vem som leder. "
                                          "Metoderna bygger på samarbete mellan förvaltningar.")
    if len(method.sources) < MIN_SOURCES:
        error(("sources",), f"Metoden har {len(method.sources)} källor. En publicerad metod behöver minst "
                            f"{MIN_SOURCES}, så att läsaren kan kontrollera uppgifterna.")
    # A missing list has no line of its own: point to the field it belongs after.
    if not method.when_not_to_use:
        error(("when_to_use",), "Lägg till \"when_not_to_use\" efter \"when_to_use\", med minst en punkt om när "
                                "metoden inte passar.")
    if not (method.tips or method.pitfalls):
        error(("outputs",), "Lägg till \"tips\" eller \"pitfalls\" efter \"outputs\", med minst ett tips eller "
                            "en fallgrop.")
    if not method.text.background:
        text_error(None, "Skriv avsnittet \"## Bakgrund\": hur metoden togs fram, av vilken organisation, och vad "
                         "som inte är känt.")
    # With a single method there is nothing to relate to (a test corpus, a first method).
    if not any(related.values()) and others:
        error(("related",), "Ange minst en relaterad metod under \"related\", så att metoden får en plats bland de "
                            "andra.")


def skeleton_texts(example: Any, example_text: str) -> tuple[set[str], set[str]]:
    """The prose of the example method, whitespace squashed: (values of its method.yml data `example`,
    paragraphs of its text.md `example_text`)."""
    values: set[str] = set()
    _collect(example, values)
    paragraphs = {p for p, _ in _paragraphs(example_text) if _is_prose(p)}
    return {v for v in values if _is_prose(v)}, paragraphs


def check_leftovers(data: Any, text: str, skeleton: tuple[set[str], set[str]], error: Error,
                    text_error: Callable[[int | None, str], None]) -> None:
    """Placeholders in method.yml (`data`) and text.md (`text`): example addresses, notes for later, and
    text identical to the example method's."""
    values, paragraphs = skeleton
    for path, value in _leaves(data, ()):
        squashed = " ".join(value.split())
        if squashed in values and not _LABEL_FIELDS.intersection(map(str, path)):
            error(path, f"Texten \"{_short(squashed)}\" är kvar från exempelmetoden (methods/_exempel). Skriv "
                        "metodens egen text här.")
        for message in _placeholders(value):
            error(path, message)
    for paragraph, line in _paragraphs(text):
        if paragraph in paragraphs:
            text_error(line, f"Stycket \"{_short(paragraph)}\" är kvar från exempelmetoden (methods/_exempel). "
                             "Skriv metodens egen text.")
        for message in _placeholders(paragraph):
            text_error(line, message)


def _placeholders(text: str) -> list[str]:
    """Why `text` still holds a placeholder: an example address or a note for later."""
    found = []
    for url in re.findall(r"https?://[^\s)<>\"']+", text):
        host = (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.")
        if host in PLACEHOLDER_HOSTS or host.endswith(tuple("." + h for h in PLACEHOLDER_HOSTS)):
            found.append(f"Adressen {url} är en exempeladress. Skriv adressen till den riktiga källan.")
    note = _PLACEHOLDER_NOTE.search(text)
    if note:
        found.append(f"Texten innehåller \"{note.group(0)}\", som ser ut som något som ska skrivas klart. "
                     "Skriv klart texten.")
    return found


def _collect(data: Any, into: set[str]) -> None:
    for path, value in _leaves(data, ()):
        # A law's name is not a placeholder wherever it is used again, e.g. as a source's title.
        if not _LABEL_FIELDS.intersection(map(str, path)):
            into.add(" ".join(value.split()))


def _leaves(data: Any, path: FieldPath):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, path + (str(key),))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def _paragraphs(text: str) -> list[tuple[str, int]]:
    """(paragraph with whitespace squashed, its first line, 1-based) for every paragraph that is not a heading."""
    found, lines, start = [], [], 0
    for number, line in enumerate(text.splitlines() + [""], start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            found.append((" ".join(" ".join(lines).split()), start))
            lines = []
    return found


def _is_prose(text: str) -> bool:
    return len(text) >= _MIN_SKELETON_TEXT and " " in text


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
