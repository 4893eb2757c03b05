"""Problems found in the content, reported to editors in Swedish.

Every problem carries the file, the line (when the source gives one) and the
field, because editors fix content in a text editor, not in a debugger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

# A path into a YAML document: mapping keys and list indexes (0-based).
FieldPath = tuple[str | int, ...]


def describe_path(path: FieldPath) -> str:
    """Render a field path the way an editor reads it: `steps → punkt 3 → title`."""
    parts: list[str] = []
    for part in path:
        parts.append(f"punkt {part + 1}" if isinstance(part, int) else str(part))
    return " → ".join(parts)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str
    is_warning: bool = False

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", rad {self.line}"
        if self.field:
            where += f", fält \"{self.field}\""
        kind = "Varning" if self.is_warning else "Fel"
        return f"{kind} i {where}: {_visible(self.message)}"


    def as_github_annotation(self) -> str:
        """The problem as a GitHub workflow command, so that a pull request shows it on the file and line
        the editor changed (https://docs.github.com/actions/reference/workflow-commands-for-github-actions)."""
        properties = [f"file={_property(self.file)}"]
        if self.line is not None:
            properties.append(f"line={self.line}")
        title = f"Fält \"{self.field}\"" if self.field else "Verktygslådans kontroll"
        properties.append(f"title={_property(title)}")
        kind = "warning" if self.is_warning else "error"
        return f"::{kind} {','.join(properties)}::{_data(self.message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _visible(text: str) -> str:
    # A value quoted in a message may hold a newline or another control
    # character; shown as is, it would break the one-line-per-problem report.
    return _CONTROL.sub(lambda m: {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(m.group(0), f"\\x{ord(m.group(0)):02x}"),
                        text)


@dataclass
class Report:
    """Collects every problem of a run so that an editor sees them all at once."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, file: str, message: str, *, line: int | None = None, path: FieldPath = ()) -> None:
        self.problems.append(Problem(file, line, describe_path(path) or None, message))

    def warning(self, file: str, message: str, *, line: int | None = None, path: FieldPath = ()) -> None:
        self.problems.append(Problem(file, line, describe_path(path) or None, message, is_warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    def render(self) -> str:
        lines = [str(p) for p in sorted(self.errors, key=_sort_key)]
        lines += [str(p) for p in sorted(self.warnings, key=_sort_key)]
        return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple:
    # Stable sort: problems on the same line keep the order they were found in.
    return (problem.file, problem.line or 0)


class ContentInvalid(Exception):
    """Raised when the content has errors; carries the full report."""

    def __init__(self, report: Report):
        self.report = report
        summary = (
            f"Innehållet har {len(report.errors)} fel och kan inte byggas. "
            "Rätta felen nedan och försök igen."
        )
        super().__init__(summary + "\n" + report.render())


def join_swedish(words: Iterable[str]) -> str:
    """`a, b och c` — used to list allowed values in messages."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]
