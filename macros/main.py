"""MkDocs glue: the only code that knows about MkDocs and mkdocs-macros.

mkdocs-macros calls `define_env` while MkDocs loads its configuration, which
is before MkDocs collects the docs folder and before it cleans site/. That
makes it the one hook we need: validate the methods (stopping the build with
Swedish errors while the previous site/ is untouched), write the generated
pages into docs/metoder/, and offer a few macros to hand-written pages.
Everything else lives in the plain-Python package `verktygsladan`.
"""

from __future__ import annotations

import logging
import posixpath
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
# mkdocs-macros loads this file by path, so the project root is not importable by default.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from verktygsladan.content import ContentInvalid, load_handbook  # noqa: E402
from verktygsladan.pages import GENERATED_DIR, generate_pages, method_cards  # noqa: E402

log = logging.getLogger("mkdocs.plugins.verktygsladan")


def define_env(env) -> None:
    try:
        handbook = load_handbook(ROOT)
    except ContentInvalid as invalid:
        raise PluginError(str(invalid)) from None
    for warning in handbook.warnings:
        # Logged as info: an overdue review must not fail a --strict build.
        log.info(str(warning))
    generate_pages(handbook, Path(env.conf["docs_dir"]))

    @env.macro
    def metodkort() -> str:
        """Cards for every method, linked relative to the page that calls the macro."""
        page_dir = posixpath.dirname(env.page.file.src_path)
        prefix = posixpath.relpath(GENERATED_DIR, page_dir or ".") + "/"
        return method_cards(handbook, link_prefix=prefix)

    env.variables["antal_metoder"] = len(handbook.methods)
