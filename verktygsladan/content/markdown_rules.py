"""What method text may contain.

Method text is written by editors through pull requests and ends up in the
page as Markdown. Raw HTML, script links and attribute lists would let a pull
request inject markup or scripts into the site, so they are refused with a
message that says what to write instead.
"""

from __future__ import annotations

import re

_HTML_TAG = re.compile(r"</?\s*[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
_HTML_SPECIAL = re.compile(r"<!--|<!\[CDATA\[|<!DOCTYPE|<\?", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):")
_REFERENCE_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*):[^\s<>]*>")
_ATTRIBUTE_LIST = re.compile(r"\{:?\s*(?:[#.][A-Za-z][\w-]*|[A-Za-z][\w-]*\s*=)[^{}]*\}")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s")

ALLOWED_SCHEMES = ("http", "https", "mailto")


def unsafe_markup(text: str, *, allow_headings_from: int | None = None) -> list[tuple[int, str]]:
    """Return (line index, Swedish message) for every construct text may not contain.

    `allow_headings_from` is the smallest heading level allowed (3 allows `###`);
    None refuses all headings, because short fields have no room for them.
    """
    found: list[tuple[int, str]] = []
    for index, line in enumerate(text.splitlines()):
        for match in _HTML_TAG.finditer(line):
            found.append((index, f"Texten innehåller HTML-kod ({match.group(0)}). HTML är inte tillåtet i metodtexter. "
                                 "Skriv med Markdown, till exempel **fetstil** eller [länktext](https://…)."))
        for match in _HTML_SPECIAL.finditer(line):
            found.append((index, f"Texten innehåller HTML-kod ({match.group(0)}). HTML är inte tillåtet i metodtexter."))
        for pattern in (_LINK_TARGET, _AUTOLINK):
            for match in pattern.finditer(line):
                if match.group(1).lower() not in ALLOWED_SCHEMES:
                    found.append((index, f"Länken använder \"{match.group(1)}:\". Länkar får bara gå till "
                                         "http://, https:// eller mailto:."))
        for match in _ATTRIBUTE_LIST.finditer(line):
            found.append((index, f"Texten innehåller en attributlista ({match.group(0)}). Sådana är inte tillåtna "
                                 "i metodtexter eftersom de kan ändra sidans kod."))
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if allow_headings_from is None:
                found.append((index, "Rubriker (rader som börjar med #) är inte tillåtna i det här fältet."))
            elif level < allow_headings_from:
                found.append((index, f"Rubriken har nivå {level} men här får bara nivå {allow_headings_from} "
                                     f"eller lägre användas (börja raden med {'#' * allow_headings_from})."))
    for match in _REFERENCE_TARGET.finditer(text):
        if match.group(1).lower() not in ALLOWED_SCHEMES:
            index = text.count("\n", 0, match.start())
            found.append((index, f"Länken använder \"{match.group(1)}:\". Länkar får bara gå till "
                                 "http://, https:// eller mailto:."))
    return found
