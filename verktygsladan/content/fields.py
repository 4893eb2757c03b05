"""Small typed field classes: the building blocks of the content schema.

Each field knows three things: its Swedish label, how to check a raw YAML
value (reporting problems in Swedish), and how to describe itself as JSON
Schema. `Record` subclasses list fields as class attributes, which makes the
schema module the single place where the content model is written down; the
validator, the typed objects the pages are rendered from and the published
JSON Schema are all derived from it.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import Any, ClassVar, Iterator
from urllib.parse import urlparse

from .errors import FieldPath, Report, join_swedish
from . import text_rules
from .yaml_source import INVALID, SourceDocument

# Always used with fullmatch: "$" would also accept a value that ends in a newline.
IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Context:
    """Where a value came from and where to report its problems."""

    doc: SourceDocument
    report: Report
    vocabulary: Any = None  # verktygsladan.content.vocabulary.Vocabulary, once loaded
    # Method text may link to other pages of the handbook; the glossary and the
    # vocabulary are shown on several pages, so they may only link to the web.
    internal_links: bool = False

    def error(self, path: FieldPath, message: str, *, line: int | None = None) -> None:
        self.report.error(self.doc.file, message, line=line or self.doc.line_of(path), path=path)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nej-värde"
    if isinstance(value, int | float):
        return "tal"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "lista"
    if isinstance(value, dict):
        return "grupp av fält"
    if isinstance(value, datetime.date):
        return "datum"
    return "tomt värde" if value is None else type(value).__name__


class Field:
    """A named slot in a record. Subclasses implement `parse` and `json_schema`."""

    name: str = ""
    expected: str = "ett värde"
    # Text fields explain a colon that made YAML read the text as a field (see wrong_type).
    is_text = False

    def __init__(self, label: str, *, help: str = "", required: bool = True):
        self.label = label
        self.help = help
        self.required = required

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def empty(self) -> Any:
        """The value an optional field has when the editor leaves it out."""
        return None

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        raise NotImplementedError

    def _described(self, schema: dict[str, Any]) -> dict[str, Any]:
        schema = {"title": self.label, **schema}
        if self.help:
            schema["description"] = self.help
        return schema

    def wrong_type(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if self.is_text and isinstance(value, dict) and len(value) == 1:
            # "- Tips: boka i tid" is a text with a colon, but YAML reads "Tips" as a field name.
            key, rest = next(iter(value.items()))
            if isinstance(rest, (str, type(None))):
                written = f"{key}: {rest or ''}".strip()
                ctx.error(path, f"Texten \"{written}\" har ett kolon följt av mellanslag, och då läser YAML "
                                f"\"{key}\" som namnet på ett fält. Sätt hela texten inom citattecken: "
                                f"\"{written}\".")
                return INVALID
        ctx.error(path, f"Fältet \"{self.name}\" ({self.label}) ska vara {self.expected}, men är {_type_name(value)}.")
        return INVALID


def _as_written(value: Any, path: FieldPath, ctx: Context) -> Any:
    """Text fields keep what the editor typed: unquoted `1:30` stays "1:30", not 90."""
    if isinstance(value, str) or value is None:
        return value
    return ctx.doc.written.get(path, value)


class Text(Field):
    """Plain text on one line. It is shown as written, never as Markdown."""

    expected = "text på en rad"
    is_text = True

    def __init__(self, label: str, *, max_length: int | None = None, pattern: str | None = None,
                 example: str = "", **kwargs: Any):
        super().__init__(label, **kwargs)
        self.max_length = max_length
        self.pattern = re.compile(pattern) if pattern else None
        self.example = example

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        value = _as_written(value, path, ctx)
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        text = value.strip()
        if not text:
            ctx.error(path, f"Fältet \"{self.name}\" ({self.label}) är tomt. Skriv en text eller ta bort fältet.")
            return INVALID
        if "\n" in text:
            ctx.error(path, f"Fältet \"{self.name}\" ({self.label}) ska vara en enda rad utan radbrytningar.")
            return INVALID
        if self.max_length is not None and len(text) > self.max_length:
            ctx.error(path, f"Fältet \"{self.name}\" ({self.label}) är {len(text)} tecken långt men får vara högst "
                            f"{self.max_length} tecken. Korta texten med {len(text) - self.max_length} tecken.")
            return INVALID
        if self.pattern and not self.pattern.fullmatch(text):
            ctx.error(path, f"\"{text}\" har fel form för fältet \"{self.name}\" ({self.label}). "
                            f"Skriv till exempel \"{self.example}\".")
            return INVALID
        problems = text_rules.plain_text_problems(text)
        for _line, message in problems:
            ctx.error(path, message)
        return INVALID if problems else text

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        pattern = self.pattern.pattern if self.pattern else r"^[^\n]*\S[^\n]*$"
        schema: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": pattern,
                                  "not": {"pattern": text_rules.MARKUP_START_PATTERN}}
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        return self._described(schema)


class Markdown(Field):
    """Text that may use Markdown: paragraphs, lists, emphasis and links, but no HTML."""

    expected = "text (Markdown)"
    is_text = True

    def __init__(self, label: str, *, headings_from: int | None = None, **kwargs: Any):
        super().__init__(label, **kwargs)
        self.headings_from = headings_from

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        value = _as_written(value, path, ctx)
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        text = value.strip("\n").rstrip()
        if not text.strip():
            ctx.error(path, f"Fältet \"{self.name}\" ({self.label}) är tomt. Skriv en text eller ta bort fältet.")
            return INVALID
        try:
            problems, links = text_rules.markdown_problems(text, headings_from=self.headings_from,
                                                           internal_links=ctx.internal_links)
        except RecursionError:
            ctx.error(path, "Texten har citat eller listor inuti varandra i så många nivåer att den inte går att "
                            "läsa. Skriv om den med högst ett par nivåer.")
            return INVALID
        for line_index, message in problems:
            ctx.error(path, message, line=ctx.doc.text_line(path, line_index))
        for link in links:
            ctx.doc.links.append((path, link, ctx.doc.text_line(path, link.line_index)))
        return INVALID if problems else text

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        return self._described({"type": "string", "minLength": 1, "not": {"pattern": text_rules.MARKUP_START_PATTERN}})


class Integer(Field):
    expected = "ett heltal"

    def __init__(self, label: str, *, minimum: int | None = None, maximum: int | None = None, **kwargs: Any):
        super().__init__(label, **kwargs)
        self.minimum = minimum
        self.maximum = maximum

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            return self.wrong_type(value, path, ctx)
        written = ctx.doc.written.get(path, str(value))
        if not re.fullmatch(r"[-+]?[0-9]+", written):
            ctx.error(path, f"\"{written}\" är inget heltal. Skriv talet med bara siffror i fältet \"{self.name}\" "
                            f"({self.label}).")
            return INVALID
        if self.minimum is not None and value < self.minimum:
            ctx.error(path, f"Fältet \"{self.name}\" ({self.label}) är {value} men måste vara minst {self.minimum}.")
            return INVALID
        if self.maximum is not None and value > self.maximum:
            ctx.error(path, f"Fältet \"{self.name}\" ({self.label}) är {value} men får vara högst {self.maximum}.")
            return INVALID
        return value

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return self._described(schema)


class Boolean(Field):
    expected = "ja eller nej (true eller false)"

    def empty(self) -> Any:
        return False

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if not isinstance(value, bool):
            return self.wrong_type(value, path, ctx)
        return value

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        return self._described({"type": "boolean"})


class Date(Field):
    expected = "ett datum (ÅÅÅÅ-MM-DD)"

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value.strip())
            except ValueError:
                ctx.error(path, f"\"{value}\" är inget giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.")
                return INVALID
        if not isinstance(value, datetime.date):
            return self.wrong_type(value, path, ctx)
        return value

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        return self._described({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})


class Url(Field):
    expected = "en webbadress som börjar med http:// eller https://"

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        url = value.strip()
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in url):
            ctx.error(path, f"\"{url}\" är ingen giltig webbadress. Adressen måste börja med http:// eller https:// "
                            "och får inte innehålla mellanslag.")
            return INVALID
        return url

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        return self._described({"type": "string", "format": "uri", "pattern": r"^https?://\S+$"})


class Identifier(Field):
    """A stable machine name: lower-case letters a–z, digits and hyphens."""

    expected = "ett id med små bokstäver a–z, siffror och bindestreck"

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        if not IDENTIFIER.fullmatch(value):
            ctx.error(path, f"\"{value}\" är inget giltigt id. Använd bara små bokstäver a–z (inte å, ä, ö), "
                            "siffror och bindestreck, till exempel \"ska-matris\".")
            return INVALID
        return value

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        return self._described({"type": "string", "pattern": IDENTIFIER.pattern})


class Choice(Field):
    """A value from one list in the vocabulary file (methods/vocabulary.yml)."""

    expected = "ett värde ur vokabulären"

    def __init__(self, label: str, *, vocabulary: str, **kwargs: Any):
        super().__init__(label, **kwargs)
        self.vocabulary = vocabulary

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        terms = ctx.vocabulary.terms(self.vocabulary)
        if value not in terms:
            title = ctx.vocabulary.title(self.vocabulary)
            same_but_case = [term for term in terms if term.casefold() == value.strip().casefold()]
            if same_but_case:
                # "SKA" for "ska", "Planarkitekt" for "planarkitekt": the value exists, only written differently.
                ctx.error(path, f"\"{value}\" finns i vokabulären för {title} men skrivs \"{same_but_case[0]}\", "
                                "med små bokstäver. Menade du \"" + same_but_case[0] + "\"?")
                return INVALID
            suggestion = difflib.get_close_matches(value.casefold(), list(terms), n=1)
            hint = f" Menade du \"{suggestion[0]}\"?" if suggestion else ""
            ctx.error(path, f"\"{value}\" finns inte i vokabulären för {title}.{hint} Tillåtna värden: "
                            f"{join_swedish(terms)}. Behöver metoden ett nytt värde, lägg till det under "
                            f"\"{self.vocabulary}\" i methods/vocabulary.yml i samma ändring (CONTRIBUTING.md, "
                            "avsnitt 6).")
            return INVALID
        return value

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        terms = vocabulary.terms(self.vocabulary)
        return self._described({
            "type": "string",
            "enum": list(terms),
            "markdownEnumDescriptions": [term.name for term in terms.values()],
        })


class ListOf(Field):
    expected = "en lista (rader som börjar med -)"

    def __init__(self, item: Field, label: str, *, min_items: int = 0, unique: bool = False, **kwargs: Any):
        super().__init__(label, **kwargs)
        self.item = item
        self.min_items = min_items
        self.unique = unique

    def __set_name__(self, owner: type, name: str) -> None:
        super().__set_name__(owner, name)
        self.item.name = name

    def empty(self) -> Any:
        return []

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        if not isinstance(value, list):
            return self.wrong_type(value, path, ctx)
        if len(value) < self.min_items:
            if not value:
                ctx.error(path, f"Listan \"{self.name}\" ({self.label}) är tom men måste ha minst {self.min_items} "
                                f"{'punkt' if self.min_items == 1 else 'punkter'}.")
            else:
                ctx.error(path, f"Listan \"{self.name}\" ({self.label}) har {len(value)} punkter men måste ha minst "
                                f"{self.min_items}.")
        items = []
        seen: dict[Any, int] = {}
        complete = len(value) >= self.min_items
        for index, raw in enumerate(value):
            item_path = path + (index,)
            if raw is None:
                ctx.error(item_path, f"Punkt {index + 1} i listan \"{self.name}\" är tom.")
                complete = False
                continue
            if raw is INVALID:  # already reported where the file was read
                complete = False
                continue
            parsed = self.item.parse(raw, item_path, ctx)
            if parsed is INVALID:
                complete = False
                continue
            if self.unique and isinstance(parsed, str):
                if parsed in seen:
                    ctx.error(item_path, f"\"{parsed}\" står två gånger i listan \"{self.name}\" "
                                         f"(punkt {seen[parsed] + 1} och {index + 1}).")
                    complete = False
                    continue
                seen[parsed] = index
            items.append(parsed)
        # A list with a broken item is broken as a whole: never publish part of it.
        return items if complete else INVALID

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema(vocabulary)}
        schema["items"].pop("title", None)
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return self._described(schema)


class Nested(Field):
    expected = "en grupp av fält"

    def __init__(self, record: type[Record], label: str, **kwargs: Any):
        super().__init__(label, **kwargs)
        self.record = record

    def parse(self, value: Any, path: FieldPath, ctx: Context) -> Any:
        return self.record.parse(value, path, ctx)

    def json_schema(self, vocabulary: Any) -> dict[str, Any]:
        return self._described(self.record.json_schema(vocabulary))


class Record:
    """A group of fields. Subclasses declare fields as class attributes, in page order."""

    fields: ClassVar[dict[str, Field]] = {}
    label: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        inherited = dict(getattr(cls, "fields", {}))
        own = {name: value for name, value in vars(cls).items() if isinstance(value, Field)}
        clashes = own.keys() & set(dir(Record))
        if clashes:
            raise TypeError(f"{cls.__name__}: field names {sorted(clashes)} clash with Record attributes")
        cls.fields = {**inherited, **own}

    @classmethod
    def parse(cls, value: Any, path: FieldPath, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.error(path, f"{cls.label or 'Värdet'} ska vara en grupp av fält (namn: värde), "
                            f"men är {_type_name(value)}.")
            return INVALID
        errors_before = len(ctx.report.errors)
        for key in value:
            if key not in cls.fields:
                cls._unknown_field(key, path, ctx)
        record = cls.__new__(cls)
        # A value the YAML reader already reported as broken makes the record invalid too.
        complete = True
        for name, field_ in cls.fields.items():
            raw = value.get(name)
            if raw is INVALID:
                complete = False
            elif raw is None and field_.required:
                what = "saknar värde" if name in value else "saknas"
                # A missing top-level field has no line of its own to point at.
                line = ctx.doc.line_of(path + (name,)) if (path or name in value) else None
                ctx.report.error(ctx.doc.file, f"Fältet \"{name}\" ({field_.label}) {what} men är obligatoriskt.",
                                 line=line, path=path + (name,))
            if raw is None or raw is INVALID:
                setattr(record, name, field_.empty())
                continue
            parsed = field_.parse(raw, path + (name,), ctx)
            if parsed is INVALID:
                complete = False
                parsed = field_.empty()
            setattr(record, name, parsed)
        if not complete or len(ctx.report.errors) > errors_before:
            return INVALID
        record.check(path, ctx)
        return INVALID if len(ctx.report.errors) > errors_before else record

    @classmethod
    def _unknown_field(cls, key: str, path: FieldPath, ctx: Context) -> None:
        # Editors often write the Swedish word ("tid" for "time"); the labels are Swedish.
        by_label = [name for name, f in cls.fields.items()
                    if len(key) >= 3 and f.label.casefold().startswith(key.casefold().replace("_", " "))]
        suggestion = by_label[:1] or difflib.get_close_matches(key, list(cls.fields), n=1, cutoff=0.6)
        hint = f" Menade du \"{suggestion[0]}\"?" if suggestion else ""
        ctx.error(path + (key,), f"Okänt fält \"{key}\".{hint} Tillåtna fält här: {join_swedish(cls.fields)}.")

    def check(self, path: FieldPath, ctx: Context) -> None:
        """Rules that involve several fields. Called only when every field is valid."""

    @classmethod
    def json_schema(cls, vocabulary: Any) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {name: f.json_schema(vocabulary) for name, f in cls.fields.items()},
            "required": [name for name, f in cls.fields.items() if f.required],
            "additionalProperties": False,
        }

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return ((name, getattr(self, name)) for name in self.fields)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self)})"
