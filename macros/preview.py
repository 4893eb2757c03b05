"""The preview (`make serve`): MkDocs glue that makes a saved change show within two seconds.

`make serve` runs `mkdocs serve --dirty`, which renders only the pages whose
Markdown file is newer than their HTML. This file holds what that needs:

- `on_env` (a MkDocs hook): the theme's templates are compiled once, not
  at every build;
- `on_serve` (a MkDocs hook, see `hooks:` in mkdocs.yml): the file watcher
  stops looking at the generated pages, which every build rewrites when a
  method changes, so one save means one build, not two (the second would hold
  back the reload); it looks at a marker the background downloads touch instead;
- `forget_stale_html`: removes the HTML a dirty build would leave stale;
- `quiet_dirty_warning`: MkDocs' warning about dirty builds, which this file
  answers, would stop every build under --strict;
- `on_post_build` (a MkDocs hook) starts the downloads a build asked for,
  and `build_again` is how they ask for the next build when they are ready;
- `search_index_later`: Pagefind indexes the site after the build, not in it,
  and `search_words_remembered` spares the pages that did not change from
  having their hidden search words worked out again.

Everything here does nothing in `make build`, which is always a clean build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import threading
from pathlib import Path

import jinja2
from mkdocs.structure.files import File

# MkDocs loads a hook by path, with only this folder importable.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verktygsladan.downloads.background import background_downloads  # noqa: E402
from verktygsladan.search_index import SearchIndexFailed, build_search_index  # noqa: E402
from verktygsladan.pages import GENERATED_DIR  # noqa: E402
from verktygsladan.pages.output import GENERATED_MARKER  # noqa: E402

log = logging.getLogger("mkdocs.plugins.verktygsladan")
_POLL_SECONDS = 0.1
# Remembers, in the preview's own site folder, what the last build's frame and macros gave.
_MEMORY = ".verktygsladan-forhandsvisning.json"


def switched_on(setting) -> bool:
    """An on/off setting of mkdocs.yml's `extra`, which may come from an environment variable."""
    return str(setting).lower() not in ("false", "off", "0", "nej")


def is_preview(conf) -> bool:
    return switched_on(conf["extra"].get("preview", False))


def on_serve(server, config, builder):
    if not is_preview(config):
        return server
    # The watcher looks for changes every half second; a fifth of that costs little (it looks at a few
    # hundred files) and takes most of the wait out of the two seconds. Set before the watches below.
    if hasattr(server.observer, "_timeout"):
        server.observer._timeout = _POLL_SECONDS
    docs = Path(config["docs_dir"])
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for folder in sorted(docs.iterdir()):
        if folder.is_dir() and folder.name != GENERATED_DIR:
            server.watch(str(folder))
    server.watch(str(_marker(config)))
    return server


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per preview instead of once per build (a third of a
    dirty build). Jinja checks each template's source before it uses the compiled form."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = _CompiledTemplates()


def on_env(env, config, files):
    if is_preview(config):
        env.bytecode_cache = _compiled_templates
    return env


def on_post_build(config):
    if is_preview(config):
        background_downloads.start()


class _BackgroundIndex:
    """Pagefind over the preview's site, after the build instead of in it: the page an editor waits
    for does not need the search index. The newest request wins; one run at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: tuple | None = None
        self._thread: threading.Thread | None = None

    def request(self, site_dir: Path, pages: int, words: list[str]) -> None:
        with self._lock:
            self._next = (site_dir, pages, words)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="verktygsladan-sokindex", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        if sys.platform.startswith("linux"):
            os.nice(10)  # per thread on Linux, and Pagefind started from here inherits it
        while True:
            with self._lock:
                request, self._next = self._next, None
                if request is None:
                    self._thread = None
                    return
            try:
                build_search_index(*request)
            except SearchIndexFailed as failure:
                log.warning(str(failure))


search_index_later = _BackgroundIndex().request
# Each page's hidden search words, by its source, from build to build (pages/search.py, site_search_words).
# Kept here: this module is imported once per preview, while main.py is loaded again for every build.
search_words_remembered: dict = {}


def build_again(conf):
    """What the background downloads call when their files are in the cache: touching the marker
    makes the watcher start a build, which then links to the new files."""
    marker = _marker(conf)

    def touch() -> None:
        with contextlib.suppress(OSError):
            os.utime(marker)
    return touch


def _marker(conf) -> Path:
    return Path(conf["docs_dir"]) / GENERATED_DIR / GENERATED_MARKER


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    # ProperDocs, the second engine, logs under its own name.
    for name in ("mkdocs.commands.build", "properdocs.commands.build"):
        logger = logging.getLogger(name)
        # The glue is loaded again for every build; one filter is enough.
        if not any(type(f).__name__ == _DirtyWarning.__name__ for f in logger.filters):
            logger.addFilter(_DirtyWarning())


def forget_stale_html(conf, macro_output: str = "") -> None:
    """Generated pages are rewritten only when they change, so the dirty build renders them again by
    itself. Two things reach a page another way: the frame every page shows (menu, abbreviations,
    name, footer, or the list of content errors) changes every page, and what the macros write
    changes the hand-written pages that call them. Their HTML is removed, so it is rendered again."""
    site = Path(conf["site_dir"])
    memory = site / _MEMORY
    frame = repr([conf["nav"], conf["mdx_configs"].get("abbr"), str(conf["site_name"]), str(conf["copyright"]),
                  conf["theme"].get("logo"), conf["extra_css"], conf["extra"].get("content_errors")])
    now = {"ram": hashlib.sha256(frame.encode()).hexdigest(),
           "makron": hashlib.sha256(macro_output.encode()).hexdigest()}
    before = json.loads(memory.read_text(encoding="utf-8")) if memory.is_file() else now
    if before["ram"] != now["ram"]:
        stale = list(site.rglob("*.html"))
    elif before["makron"] != now["makron"]:
        docs = Path(conf["docs_dir"])
        stale = [Path(File(page.relative_to(docs).as_posix(), str(docs), str(site),
                           conf["use_directory_urls"]).abs_dest_path)
                 for page in docs.rglob("*.md") if _renders_macros(page)]
    else:
        stale = []
    for page in stale:
        page.unlink(missing_ok=True)
    site.mkdir(parents=True, exist_ok=True)
    memory.write_text(json.dumps(now), encoding="utf-8")


def _renders_macros(page: Path) -> bool:
    # mkdocs.yml turns macros off by default; a page turns them on in its front matter.
    text = page.read_text(encoding="utf-8")
    return text.startswith("---") and "render_macros: true" in text.split("\n---", 1)[0]
