"""Helpers for writing Markdown safely from content values."""

from __future__ import annotations

import html
import re
from typing import Iterable

# Characters Python-Markdown gives a meaning to inside a line. `<`, `>` and `&`
# are turned into entities instead, because Markdown has no escape for them.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


# A line starting like a list item ("1. ", "- ") would turn into a list.
_LIST_START = re.compile(r"^(\s*\d+)\.(?=\s)|^(\s*)-(?=\s)", re.MULTILINE)


def count_of(count: int, one: str, many: str) -> str:
    """A number with its noun: "1 metod", "3 metoder"."""
    return f"{count} {one if count == 1 else many}"


def span(low: int, high: int, one: str, many: str) -> str:
    """A range with its noun: "1 vecka", "4 veckor", "2–6 veckor"."""
    return count_of(low, one, many) if low == high else f"{low}–{high} {many}"


def plain(text: str) -> str:
    """Text shown exactly as written, whatever characters it contains."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return _LIST_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"{m.group(2)}\\-", escaped)


def sentence(text: str) -> str:
    """Text ending in a full stop, unless it already ends in one, or in "?" or "!"."""
    return text if text.rstrip().endswith((".", "?", "!", "…")) else text + "."


def list_item(text: str, marker: str = "-") -> str:
    """A list item whose continuation lines stay inside the item."""
    prefix = f"{marker} "
    lines = text.splitlines() or [""]
    body = [prefix + lines[0]] + [("    " + line) if line.strip() else "" for line in lines[1:]]
    return "\n".join(body)


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(list_item(item) for item in items)


def link(text: str, target: str) -> str:
    return f"[{plain(text)}](<{target}>)"


def definition(term: str, value: str) -> str:
    """A definition-list entry. Both are Markdown; the value may span several lines."""
    first, *rest = value.splitlines()
    return "\n".join([term, f":   {first}", *[f"    {line}" if line.strip() else "" for line in rest]])
