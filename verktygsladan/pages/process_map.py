""""Vilken metod när?": the planning process with each method placed at its phases.

Placeholder until the map is built.
"""

from __future__ import annotations

from ..content import Handbook
from .overviews import methods_by_vocabulary

PROCESS_MAP_PATH = "vilken-metod-nar.md"


def render_process_map(handbook: Handbook) -> str:
    return ("---\ntitle: Vilken metod när?\nrender_macros: false\n---\n\n# Vilken metod när?\n\n"
            + methods_by_vocabulary(handbook, "phases", "phases", "Planeringsskede") + "\n")
