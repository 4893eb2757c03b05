"""Making every download: per method, and the print edition.

Generation is cached by content hash, so a build only regenerates the
methods whose source (or the generator itself) changed, and the methods
that do need work are generated in parallel, one process per core.

Every file is made and stored once. "All files of a method" and "all files
of the toolbox" are bundles: lists of those files that the reader's browser
packs into one ZIP file (docs/assets/javascripts/verktygsladan.js), so the
site holds no second copy of any of them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from ..build_cache import cache_folder, code_fingerprint, digest, entry_name, latest_entry, read_entry, write_entry
from ..content import Handbook, Method, load_handbook
from ..content.library import GLOSSARY_FILE, METHOD_FILE, METHODS_DIR, TEXT_FILE, VOCABULARY_FILE
from ..site_layout import PRINT_EDITION_PATH, TOOLBOX_ZIP_NAME
from ..pages.download_links import Bundle, DownloadFile, Downloads
from .background import Job, background_downloads
from .formats import FORMATS, Format, format_for
from .model import documents_for, method_date



# Cache folders are "<entry>--<key>"; slugs never contain "--". An edition's entries carry its
# folder's mark (build_cache.entry_name), so they never evict the regional handbook's.
_PRINT_EDITION_ENTRY = "utskriftsutgava"


def _entry_prefix(handbook: Handbook) -> str:
    return entry_name("utgava", handbook.edition.folder) + "-" if handbook.edition else ""


def _method_entry(slug: str, prefix: str = "") -> str:
    return f"{prefix}metod-{slug}"


class DownloadFailed(Exception):
    """A generator crashed. The message names the method and the document."""


def method_zip_name(method: Method) -> str:
    """The name of the ZIP file the browser packs a method's files into."""
    return f"{method.slug}-alla-mallar-och-checklistor.zip"


def build_downloads(handbook: Handbook, root: Path, site_url: str = "", *, print_edition: bool = True,
                    when_ready: Callable[[], None] | None = None) -> Downloads:
    """Every download, from the cache where its sources have not changed.

    With `when_ready` (the preview), nothing is generated while the caller
    waits: files that are not cached are made in the background, the last
    cached version of them is used meanwhile (their methods are listed in
    `Downloads.pending`), and `when_ready` is called once they are cached.
    """
    cache = cache_folder(root)
    code = code_fingerprint()
    edition = handbook.edition
    # An edition's name is in every document, so its settings are part of every key.
    settings = [p.read_bytes() for p in edition.settings_files()] if edition else []
    keys = {m.slug: _method_key(root, m, code, site_url, settings) for m in handbook.methods}
    book_key = digest([code, site_url, *keys.values(), (root / METHODS_DIR / GLOSSARY_FILE).read_bytes()])
    edition_dir = str(edition.folder) if edition else ""
    prefix = _entry_prefix(handbook)
    entries = {m.slug: _method_entry(m.slug, prefix) for m in handbook.methods}
    if print_edition:
        entries[_PRINT_EDITION_ENTRY] = prefix + _PRINT_EDITION_ENTRY
        keys[_PRINT_EDITION_ENTRY] = book_key

    outputs: dict[str, list[tuple[str, bytes]]] = {}
    missing = []
    for name, entry in entries.items():
        cached = read_entry(cache, entry, keys[name])
        if cached is None:
            missing.append(name)
        else:
            outputs[name] = cached
    pending: dict[str, str] = {}
    if missing and when_ready is not None:
        for name in missing:
            job = Job(entries[name], keys[name], _GENERATORS[name == _PRINT_EDITION_ENTRY],
                      (str(root), name, site_url, edition_dir),
                      partial(write_entry, cache, entries[name], keys[name]))
            pending[name] = background_downloads.request(job, when_ready)
            outputs[name] = latest_entry(cache, entries[name])
    elif missing:
        # The print edition takes longest, so it starts first, beside the methods. Each worker gets the
        # validated handbook once: loading it again for every method took longer than the method's
        # files at 50 methods.
        missing.sort(key=lambda name: name != _PRINT_EDITION_ENTRY)
        with ProcessPoolExecutor(max_workers=min(len(missing), os.cpu_count() or 1), initializer=_receive,
                                 initargs=(handbook,)) as pool:
            futures = {name: pool.submit(_GENERATORS[name == _PRINT_EDITION_ENTRY], str(root), name, site_url,
                                         edition_dir) for name in missing}
            results = {name: future.result() for name, future in futures.items()}
        for name, result in results.items():
            if isinstance(result, str):
                raise DownloadFailed(result)
            write_entry(cache, entries[name], keys[name], result)
            outputs[name] = result
    book = outputs.pop(_PRINT_EDITION_ENTRY, None)

    downloads = Downloads(pending={slug: why for slug, why in pending.items() if slug in outputs})
    for method in handbook.methods:
        titles = {d.id: d.title for d in method.documents()}
        listed = []
        for name, data in outputs[method.slug]:
            found = _document_file(name, titles)
            if found is None and method.slug in pending:
                continue  # an older version's file of a document the method no longer has
            if found is None:
                raise DownloadFailed(f"Filen {name} hör inte till någon mall eller checklista i metoden "
                                     f"\"{method.title}\" ({method.source_file}). Töm mappen .cache/ och bygg igen.")
            path = f"{method.slug}/{name}"
            downloads.files[path] = data
            document, format_ = found
            listed.append(_listed(path, data, format_, titles[document]))
            downloads.by_document.setdefault(document, []).append(listed[-1])
        if listed:
            downloads.by_method[method.slug] = Bundle(
                method_zip_name(method), f"alla mallar och checklistor för {method.short_title}",
                tuple(f.path for f in listed), sum(f.size for f in listed), method_date(method).isoformat(),
                folder=method.slug)
    if downloads.by_method:
        bundles = downloads.by_method.values()
        downloads.toolbox = Bundle(TOOLBOX_ZIP_NAME, "alla mallar och checklistor i verktygslådan",
                                   tuple(path for bundle in bundles for path in bundle.paths),
                                   sum(bundle.size for bundle in bundles), max(bundle.date for bundle in bundles))
    if book:
        [(_, pdf)] = book
        downloads.files[PRINT_EDITION_PATH] = pdf
        downloads.print_edition = _listed(PRINT_EDITION_PATH, pdf, format_for(PRINT_EDITION_PATH),
                                          "hela handboken (utskriftsutgåva)")
    return downloads


def _document_file(name: str, ids) -> tuple[str, Format] | None:
    """Which document a file holds, and in which format: "ska-matris-a3.pdf" is ska-matris in PDF A3,
    unless a document is itself called "ska-matris-a3"."""
    matches = [(name[: -len(f"{f.suffix}.{f.extension}")], f) for f in FORMATS
               if name.endswith(f"{f.suffix}.{f.extension}")]
    return max(((document, f) for document, f in matches if document in ids), key=lambda match: len(match[1].suffix),
               default=None)


def _listed(path: str, data: bytes, format_: Format, title: str) -> DownloadFile:
    return DownloadFile(path, len(data), format_.name, format_.description, title)


def method_files(method: Method, handbook: Handbook, site_url: str = "") -> list[tuple[str, bytes]]:
    """Every file of one method: each document in each format."""
    files = []
    for document in documents_for(method, handbook, site_url):
        for format_ in FORMATS:
            if not format_.applies_to(document):
                continue
            try:
                data = format_.write(document)
            except Exception as error:  # noqa: BLE001 - any writer bug must name what it was writing
                raise DownloadFailed(
                    f"Kunde inte skapa {format_.description} för {document.kind.lower()}en \"{document.title}\" "
                    f"i metoden \"{method.title}\" ({method.source_file}): {error}") from error
            files.append((format_.file_name(document.id), data))
    return files


# The validated handbook a worker of the build's pool received when it started (see _receive).
_received: list[Handbook] = []


def _receive(handbook: Handbook) -> None:
    _received[:] = [handbook]


def _handbook(root: str, edition_dir: str) -> Handbook:
    # A background job of the preview runs in a process of its own and loads the (already
    # validated) handbook itself.
    return _received[0] if _received else load_handbook(Path(root), Path(edition_dir) if edition_dir else None)


def _generate_method(root: str, slug: str, site_url: str, edition_dir: str = "") -> list[tuple[str, bytes]] | str:
    # Runs in a worker process, and returns errors as text, because the
    # parent must report them in Swedish without a worker traceback.
    try:
        handbook = _handbook(root, edition_dir)
        return method_files(handbook.method(slug), handbook, site_url)
    except DownloadFailed as failure:
        return str(failure)
    except Exception as error:  # noqa: BLE001
        return f"Nedladdningarna för metoden i methods/{slug}/ kunde inte skapas. {_technical(error)}"


def _generate_print_edition(root: str, _name: str, site_url: str,
                            edition_dir: str = "") -> list[tuple[str, bytes]] | str:
    from .print_edition import PrintEditionFailed, render_print_edition

    try:
        return [(PRINT_EDITION_PATH, render_print_edition(_handbook(root, edition_dir), site_url))]
    except PrintEditionFailed as failure:
        return str(failure)
    except Exception as error:  # noqa: BLE001
        return f"Utskriftsutgåvan av handboken kunde inte skapas. {_technical(error)}"


# What makes a cache entry's files: a method's documents, or (True) the print edition.
_GENERATORS = {False: _generate_method, True: _generate_print_edition}


def _technical(error: Exception) -> str:
    # Editors get a sentence, not a worker's traceback; the type and message
    # are enough for a maintainer to reproduce it.
    return (f"Tekniskt meddelande: {type(error).__name__}: {error}. Kontrollera metodens text; om felet finns "
            "kvar, skriv ett ärende till dem som underhåller handboken och klistra in det här meddelandet.")


def _method_key(root: Path, method: Method, code: str, site_url: str, edition_settings: list[bytes] = ()) -> str:
    # Only the files the check has read: nothing else in the folder is ever opened.
    sources = [(method.folder / name).read_bytes() for name in (METHOD_FILE, TEXT_FILE)]
    if method.local is not None:
        sources.append(method.local.path.read_bytes())
    return digest([code, site_url, (root / METHODS_DIR / VOCABULARY_FILE).read_bytes(), *edition_settings,
                   *sources])
