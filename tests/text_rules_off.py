"""Switching off the content check's markup and link rules, to test the escaping behind them.

The check refuses HTML and script links in content with a message to the
editor. Escaping where text is written must make such text harmless on its
own, so tests of the writers load hostile content with the check removed.
"""

from __future__ import annotations

from typing import Callable

from verktygsladan.content import text_rules


def switch_off(set_attribute: Callable = setattr) -> None:
    """Make the text rules find nothing. Pass pytest's monkeypatch.setattr to undo it after a test."""
    set_attribute(text_rules, "plain_text_problems", lambda text: [])
    set_attribute(text_rules, "markdown_problems", lambda text, **_: ([], []))
