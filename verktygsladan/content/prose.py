"""Reading methods/<slug>/text.md: long-form prose split into `##` sections.

Each section heading must be the label of a `MethodText` field, so the file
reads like a normal document while still mapping onto the content model.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import Report
from .fields import Context
from .schema import MethodText
from .files import read_text
from .yaml_source import INVALID, SourceDocument

_SECTION = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_TITLE = re.compile(r"^#\s")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def load_prose(path: Path, display: str, report: Report) -> tuple[MethodText, SourceDocument] | None:
    """The sections of text.md, and the document that knows their lines and links."""
    text = read_text(path, display, report)
    if text is None:
        return None
    headings = {field.label.casefold(): name for name, field in MethodText.fields.items()}
    allowed = ", ".join(f"\"## {field.label}\"" for field in MethodText.fields.values())
    doc = SourceDocument(file=display, data=None)
    ctx = Context(doc, report, internal_links=True)

    sections: dict[str, list[str]] = {}
    heading_lines: dict[str, int] = {}
    current: str | None = None
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _SECTION.match(line)
        if heading:
            name = headings.get(heading.group(1).casefold())
            if name is None:
                report.error(display, f"Okänt avsnitt \"## {heading.group(1)}\". Tillåtna avsnitt: {allowed}.",
                             line=number)
                current = None
            elif name in sections:
                report.error(display, f"Avsnittet \"## {heading.group(1)}\" finns redan på rad "
                                      f"{heading_lines[name]}. Slå ihop de två avsnitten.", line=number)
                current = None
            else:
                current = name
                sections[name] = []
                heading_lines[name] = number
            continue
        if not in_fence and _TITLE.match(line):
            report.error(display, "Rubriker med en # är reserverade för metodens titel, som står i method.yml. "
                                  "Använd ## för avsnitt och ### för underrubriker.", line=number)
            continue
        if current is None:
            if line.strip() and not heading_lines:
                report.error(display, f"Texten står före första avsnittsrubriken och skulle inte visas. "
                                      f"Börja filen med en rubrik, till exempel \"## {MethodText.purpose.label}\".",
                             line=number)
            continue
        sections[current].append(line)

    record = MethodText.__new__(MethodText)
    for name, field in MethodText.fields.items():
        lines = sections.get(name)
        setattr(record, name, field.empty())
        if lines is None:
            if field.required:
                report.error(display, f"Avsnittet \"## {field.label}\" saknas men är obligatoriskt.")
            continue
        leading_blank = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
        body = "\n".join(lines[leading_blank:]).rstrip()
        if not body:
            report.error(display, f"Avsnittet \"## {field.label}\" är tomt.", line=heading_lines[name])
            continue
        # Problems are reported under the heading the editor wrote, not the field name.
        doc.lines[(field.label,)] = heading_lines[name] + 1 + leading_blank
        parsed = field.parse(body, (field.label,), ctx)
        if parsed is not INVALID:
            setattr(record, name, parsed)
    return record, doc
