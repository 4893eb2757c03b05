"""The method finder (Metodväljare): filters on phase, question, target group, time and roles.

Placeholder until the finder is built: the full list, rendered on the server.
"""

from __future__ import annotations

from ..content import Handbook
from .method_index import method_cards

FINDER_PATH = "metodvaljare.md"


def render_method_finder(handbook: Handbook) -> str:
    return "---\ntitle: Metodväljare\nrender_macros: false\n---\n\n# Metodväljare\n\n" + method_cards(handbook) + "\n"


def finder_summary(handbook: Handbook, link_prefix: str = "") -> str:
    return f"[Öppna metodväljaren]({link_prefix}{FINDER_PATH})"
