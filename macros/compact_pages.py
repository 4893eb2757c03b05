"""MkDocs hook: every built page leaves without the theme's indentation (verktygsladan/pages/compact_html.py).

A hook rather than part of main.py because mkdocs-macros hands its modules a
page's Markdown, never the page the theme has made of it.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads a hook by path, with only this folder importable.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verktygsladan.pages.compact_html import compact_html  # noqa: E402


def on_post_page(output: str, page, config) -> str:
    return compact_html(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # The theme's own pages, 404.html among them; sitemap.xml is left as MkDocs writes it.
    return compact_html(output_content) if template_name.endswith(".html") else output_content
