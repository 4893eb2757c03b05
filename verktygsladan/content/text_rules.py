"""What content text may contain: the one rule for markup, links and images.

Content is written by editors through pull requests and ends up in web
pages, PDFs and office documents. Raw HTML, script links, attribute lists and
images from other hosts would let a pull request put live markup into the
site or make every reader's browser contact a third party, so they are
refused here with a message that says what to write instead.

Links are judged on the Markdown as Python-Markdown parses it, the way the
site will, not line by line: a link target split over two lines, written
with HTML entities or given as a reference definition is seen for what it is.

The same patterns are used where text is written (`inert_markdown`,
`is_safe_href`), so content that somehow skipped this check is still inert.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from ..site_layout import GENERATED_DIR, HANDBOOK_PAGES

# "<" directly followed by a letter, "/", "!" or "?" starts HTML in a browser and
# in Markdown. "<18 år" and "a < b" stay text.
MARKUP_START_PATTERN = "<[A-Za-z/!?]"  # also in the JSON Schema, so editors' IDEs flag it as they type
MARKUP_START = re.compile(r"<(?=[A-Za-z/!?])")
_MARKUP = re.compile(r"<[A-Za-z/!?][^<>\n]{0,80}>?")
_ANGLE_LINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:")
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?::|[#.][^\s{}]|[^\s{}=]+[ \t]*=)[^{}\n]*\}")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s")
_WHITESPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Links inside the handbook, as written in method text: "metod.md" or
# "../sida.md" (relative to the method pages), each optionally with "#rubrik".
_HANDBOOK_LINK = re.compile(r"^(\.\./)?([a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#([^#]+))?$")

# Python-Markdown's time grows with the square of some inputs: a paragraph of
# 20 000 "*_" takes a quarter of a second and 5 000 unmatched "[" seven seconds,
# so a pull request could stall every build. Real method text stays far below
# these limits, and a text within them parses in milliseconds.
MAX_PARAGRAPH_CHARACTERS = 5000
MAX_BRACKETS = 200
MAX_NESTING = 8
# Reported with their line each; the line search parses the text again, so it is capped.
MAX_FINDINGS_WITH_LINE = 10
_LINE_START_MARKERS = re.compile(r"^(?:[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$)[ \t]*)+")
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")

WEB_SCHEMES = ("https", "http")
MAIL_SCHEME = "mailto"
# Attributes Python-Markdown itself writes; anything else came from an attribute list.
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}, "ol": {"start"}, "abbr": {"title"}}

PLAIN_HTML = ("Texten innehåller HTML-kod ({code}). HTML är inte tillåtet i metodtexter, och det här fältet "
              "visas precis som det är skrivet. Skriv bara vanlig text.")
MARKDOWN_HTML = ("Texten innehåller HTML-kod ({code}). HTML är inte tillåtet i metodtexter. Skriv med Markdown, "
                 "till exempel **fetstil** eller [länktext](https://…).")
ANGLE_LINK = ("Länken är skriven inom vinkelparenteser ({code}). Skriv länkar som [länktext](https://…), så "
              "att de får en text som säger vart de leder.")
IMAGE = ("Texten innehåller en bild ({code}). Bilder är inte tillåtna i metodtexter: en bild från en annan "
         "webbplats skulle hämtas av varje läsares webbläsare, och bilder utan textalternativ stänger ute läsare "
         "som inte ser dem. Beskriv i stället med ord, eller länka till bilden med [länktext](https://…).")
ATTRIBUTES = ("Texten innehåller en attributlista ({code}). Sådana är inte tillåtna i metodtexter eftersom "
              "de kan ändra sidans kod.")
LINK_FORMS_HANDBOOK = ("en webbadress (https://…), en e-postadress (mailto:…), en rubrik på samma sida (#rubrik), "
                       "en annan metod (mappnamn.md) eller en av handbokens sidor (../sida.md)")
LINK_FORMS_EXTERNAL = "en webbadress (https://…) eller en e-postadress (mailto:…)"


@dataclass(frozen=True)
class LinkTarget:
    """Where a link goes. `page` is a path under docs/ for links inside the handbook."""

    kind: str  # "web", "mail", "anchor", "method" or "page"
    page: str | None = None
    fragment: str | None = None


@dataclass(frozen=True)
class InternalLink:
    """A link from content text to a page of the handbook, to be checked once every page is known."""

    target: LinkTarget
    written: str
    line_index: int  # 0-based line inside the text it was found in


def inert_markdown(text: str) -> str:
    """Markdown in which nothing can start an HTML tag, for writing into pages and documents."""
    return MARKUP_START.sub("&lt;", text)


def is_safe_href(href: str) -> bool:
    """The rule for a link or image address anywhere in the built site or a document:
    a web or e-mail address, or a path on the same site; never a script, data or
    protocol-relative address."""
    cleaned = _WHITESPACE_OR_CONTROL.sub("", html.unescape(href))
    scheme = _SCHEME.match(cleaned)
    if scheme:
        return scheme.group(1).lower() in (*WEB_SCHEMES, MAIL_SCHEME)
    return not cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


def is_local_resource(src: str) -> bool:
    """An image or other resource address that stays on this site."""
    cleaned = _WHITESPACE_OR_CONTROL.sub("", html.unescape(src))
    return not _SCHEME.match(cleaned) and not cleaned.startswith(("//", "\\", "/\\"))


def link_target(href: str, *, internal: bool, base: str = GENERATED_DIR) -> LinkTarget | None:
    """What an editor's link points to, or None if content may not link there.

    `base` is the docs folder the text is published in; relative links resolve from it.
    """
    decoded = html.unescape(href)
    if _WHITESPACE_OR_CONTROL.search(decoded) or not decoded:
        return None
    scheme = _SCHEME.match(decoded)
    if scheme:
        name = scheme.group(1).lower()
        if name in WEB_SCHEMES:
            parts = urlsplit(decoded)
            return LinkTarget("web") if parts.hostname else None
        if name == MAIL_SCHEME:
            return LinkTarget("mail") if len(decoded) > len("mailto:") else None
        return None
    if not internal:
        return None
    if decoded.startswith("#"):
        return LinkTarget("anchor", fragment=decoded[1:]) if len(decoded) > 1 else None
    match = _HANDBOOK_LINK.fullmatch(decoded)
    if not match:
        return None
    up, name, fragment = match.groups()
    if up:
        return LinkTarget("page", page=f"{name}.md", fragment=fragment)
    if f"{name}.md" in HANDBOOK_PAGES:
        return LinkTarget("page", page=f"{base}/{name}.md", fragment=fragment)
    return LinkTarget("method", page=f"{base}/{name}.md", fragment=fragment)


def plain_text_problems(text: str) -> list[tuple[int, str]]:
    """(line index, Swedish message) for markup in a field shown as plain text."""
    return [(index, PLAIN_HTML.format(code=match.group(0)))
            for index, line in enumerate(text.splitlines()) for match in _MARKUP.finditer(line)]


def markdown_problems(text: str, *, headings_from: int | None,
                      internal_links: bool) -> tuple[list[tuple[int, str]], list[InternalLink]]:
    """Problems in a Markdown field, and the links it makes inside the handbook.

    `headings_from` is the smallest heading level allowed (3 allows `###`);
    None refuses all headings, because short fields have no room for them.
    `internal_links` allows links to anchors, methods and handbook pages;
    without it only web and e-mail addresses may be linked.
    """
    problems = _size_problems(text)
    if problems:
        return problems, []  # too big or too deep to parse safely
    for index, line in enumerate(text.splitlines()):
        for match in _MARKUP.finditer(line):
            template = ANGLE_LINK if _ANGLE_LINK.match(match.group(0)) else MARKDOWN_HTML
            problems.append((index, template.format(code=match.group(0))))
        for match in _ATTRIBUTE_LIST.finditer(line):
            problems.append((index, ATTRIBUTES.format(code=match.group(0))))
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if headings_from is None:
                problems.append((index, "Rubriker (rader som börjar med #) är inte tillåtna i det här fältet."))
            elif level < headings_from:
                problems.append((index, f"Rubriken har nivå {level} men här får bara nivå {headings_from} "
                                        f"eller lägre användas (börja raden med {'#' * headings_from})."))
    if problems or "[" not in text and "{" not in text:
        return problems, []  # already refused, or nothing Markdown could turn into a link, image or attribute
    links: list[InternalLink] = []
    parsed = _Parsed(text)
    forms = LINK_FORMS_HANDBOOK if internal_links else LINK_FORMS_EXTERNAL
    reported = 0
    for occurrence, (tag, attribute, value) in parsed.occurrences():
        target = link_target(value, internal=internal_links) if tag == "a" else None
        if tag == "a" and target is not None and target.kind in ("web", "mail"):
            continue  # allowed, and nothing to check later
        if target is None and reported == MAX_FINDINGS_WITH_LINE:
            problems.append((0, f"Texten har fler länkar, bilder eller attribut som inte är tillåtna; bara de "
                                f"{MAX_FINDINGS_WITH_LINE} första visas. Rätta dem och kör kontrollen igen."))
            break
        line = parsed.line_of(occurrence, (tag, attribute, value))
        if target is not None:
            links.append(InternalLink(target, html.unescape(value), line))
            continue
        reported += 1
        if tag == "img":
            problems.append((line, IMAGE.format(code=f"![…]({value})" if value else "![…]")))
        elif tag == "a":
            problems.append((line, _link_message(value, forms)))
        else:
            problems.append((line, ATTRIBUTES.format(code=f"{attribute}=\"{value}\"")))
    for key, url in parsed.unused_references():
        if link_target(url, internal=internal_links) is None:
            problems.append((parsed.line_of_reference(key), _link_message(url, forms)))
    return problems, links


def _size_problems(text: str) -> list[tuple[int, str]]:
    problems = []
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        problems.append((0, f"Texten har {brackets} hakparenteser ([). Högst {MAX_BRACKETS} får stå i ett fält, "
                            "eftersom fler gör handboken mycket långsam att bygga. Dela upp texten."))
    lines = text.split("\n")
    start = 0
    for index, line in enumerate([*lines, ""]):
        if line.strip():
            continue
        length = sum(len(part) + 1 for part in lines[start:index])
        if length > MAX_PARAGRAPH_CHARACTERS:
            problems.append((start, f"Stycket är {length} tecken långt. Ett stycke får vara högst "
                                    f"{MAX_PARAGRAPH_CHARACTERS} tecken; dela det med en tom rad."))
        start = index + 1
    for index, line in enumerate(lines):
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        markers = _LINE_START_MARKERS.match(line)
        depth = len(_MARKER.findall(markers.group(0))) if markers else 0
        if indent > 4 * MAX_NESTING or depth > MAX_NESTING:
            problems.append((index, f"Raden har listor eller citat inuti varandra i fler än {MAX_NESTING} nivåer "
                                    "(indrag, eller tecken som -, 1. och > i början av raden). Så djupt går ingen "
                                    "metodtext; kontrollera indragen."))
    return problems


def _link_message(href: str, forms: str) -> str:
    shown = html.unescape(href)
    if not shown:
        return f"Länken saknar adress. En länk ska gå till {forms}."
    shown = shown if len(shown) <= 80 else shown[:77] + "…"
    return f"Länken går till \"{shown}\", och dit får metodtexter inte länka. En länk ska gå till {forms}."


class _Collector(Treeprocessor):
    """Runs after inline processing, so it sees links as the finished page will have them."""

    def run(self, root: Element) -> None:
        found: list[tuple[str, str, str]] = []
        for element in root.iter():
            if element.tag == "img":
                found.append(("img", "src", element.get("src", "")))
                continue
            for name, value in sorted(element.attrib.items()):
                if element.tag == "a" and name == "href" or name not in _ALLOWED_ATTRIBUTES.get(element.tag, ()):
                    found.append((element.tag, name, value))
        self.md.collected = found  # type: ignore[attr-defined]


def _new_parser() -> markdown.Markdown:
    # The block and inline syntax of the site (mkdocs.yml) that can make links or attributes.
    parser = markdown.Markdown(extensions=["attr_list", "def_list", "tables", "admonition"])
    parser.treeprocessors.register(_Collector(parser), "verktygsladan-collector", 0)
    return parser


_parser: markdown.Markdown | None = None


def _render(text: str, references: dict | None = None) -> tuple[list[tuple[str, str, str]], dict]:
    global _parser
    if _parser is None:
        _parser = _new_parser()
    _parser.reset()
    if references:
        _parser.references.update(references)
    _parser.collected = []  # type: ignore[attr-defined]
    _parser.convert(text)
    return list(_parser.collected), dict(_parser.references)  # type: ignore[attr-defined]


class _Parsed:
    """A Markdown text parsed once, with a way to find the line each finding comes from.

    Python-Markdown keeps no line numbers, so the line of a finding is the
    first line at which a parse of the text so far contains it, found by
    bisection (only texts with links pay for it).
    """

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.found, self.references = _render(text)
        used = {value for tag, _, value in self.found if tag in ("a", "img")}
        self._unused = [(key, url) for key, (url, _title) in self.references.items() if url not in used]

    def occurrences(self) -> list[tuple[int, tuple[str, str, str]]]:
        """Each finding with how many equal findings come before it."""
        counted: dict[tuple[str, str, str], int] = {}
        result = []
        for finding in self.found:
            result.append((counted.get(finding, 0), finding))
            counted[finding] = counted.get(finding, 0) + 1
        return result

    def unused_references(self) -> list[tuple[str, str]]:
        # A definition no link uses here may still be used by another field on the same page.
        return self._unused

    def line_of(self, occurrence: int, finding: tuple[str, str, str]) -> int:
        return self._first_line(lambda found, _refs: found.count(finding) > occurrence, self.references)

    def line_of_reference(self, key: str) -> int:
        return self._first_line(lambda _found, refs: key in refs, None)

    def _first_line(self, present: Callable[[list, dict], bool], references: dict | None) -> int:
        low, high = 1, len(self.lines)
        while low < high:
            middle = (low + high) // 2
            if present(*_render("\n".join(self.lines[:middle]), references)):
                high = middle
            else:
                low = middle + 1
        return low - 1
