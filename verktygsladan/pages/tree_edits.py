"""Editing a Python-Markdown element tree: the one helper the page extensions share."""

from __future__ import annotations

from xml.etree import ElementTree as etree


def replace_with_text(element: etree.Element, parent: etree.Element, text: str) -> None:
    """Put `text` where `element` was, keeping what followed it, and remove the element."""
    words = text + (element.tail or "")
    position = list(parent).index(element)
    if position:
        before = parent[position - 1]
        before.tail = (before.tail or "") + words
    else:
        parent.text = (parent.text or "") + words
    parent.remove(element)
