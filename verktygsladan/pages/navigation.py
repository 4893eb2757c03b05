"""The site navigation: the hand-written nav from the config, with the method pages filled in.

mkdocs.yml lists the hand-written pages and one entry for the method index;
the methods under it come from the methods themselves, so no list of
methods is ever kept by hand.
"""

from __future__ import annotations

from typing import Any

from ..content import Handbook
from ..site_layout import GENERATED_DIR, METHOD_INDEX_PATH
from .local_content import listed_title
from .method_page import method_page_path

METHOD_INDEX = f"{GENERATED_DIR}/{METHOD_INDEX_PATH}"


def with_method_pages(nav: list[Any], handbook: Handbook) -> list[Any]:
    """Return nav with the entry pointing at the method index expanded into a section."""
    section = [METHOD_INDEX] + [{listed_title(m, m.short_title): f"{GENERATED_DIR}/{method_page_path(m)}"}
                                for m in handbook.methods]
    expanded, found = [], False
    for item in nav:
        title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if target == METHOD_INDEX:
            expanded.append({title or "Metoder": section})
            found = True
        else:
            expanded.append(item)
    if not found:
        raise ValueError(f"nav i mkdocs.yml saknar {METHOD_INDEX}, där metoderna ska stå.")
    return expanded
