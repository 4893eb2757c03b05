"""Making every download: per method, for the whole toolbox, and the print edition.

Generation is cached by content hash, so a build only regenerates the
methods whose source (or the generator itself) changed, and the methods
that do need work are generated in parallel, one process per core.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

from ..content import Handbook, Method, load_handbook
from ..content.library import GLOSSARY_FILE, METHOD_FILE, METHODS_DIR, TEXT_FILE, VOCABULARY_FILE
from ..site_layout import PRINT_EDITION_PATH, TOOLBOX_ZIP_PATH
from ..pages.download_links import DownloadFile, Downloads
from .formats import FORMATS, ZIP, Format, format_for
from .model import documents_for, method_date
from .reproducible import build_zip

CACHE_DIR = ".cache/nedladdningar"
_CODE = Path(__file__).resolve().parent.parent
_LIBRARIES = ("python-docx", "odfpy", "openpyxl", "weasyprint", "Markdown")


# Cache folders are "<entry>--<key>"; slugs never contain "--". Writing an entry removes the
# older ones of the same name, so the regional handbook and each edition name theirs apart:
# building them one after another (as the Pages workflow does) must not evict each other.
_PRINT_EDITION_ENTRY = "utskriftsutgava"


def _entry_prefix(handbook: Handbook) -> str:
    return f"utgava-{_digest([handbook.edition.folder.resolve()])[:10]}-" if handbook.edition else ""


def _method_entry(slug: str, prefix: str = "") -> str:
    return f"{prefix}metod-{slug}"


class DownloadFailed(Exception):
    """A generator crashed. The message names the method and the document."""


def method_zip_name(method: Method) -> str:
    return f"{method.slug}-alla-mallar-och-checklistor.zip"


def build_downloads(handbook: Handbook, root: Path, site_url: str = "", *, print_edition: bool = True) -> Downloads:
    # Tests and CI may share one cache between project copies: keys are content hashes.
    cache = Path(os.environ.get("VERKTYGSLADAN_CACHE_DIR") or root / CACHE_DIR)
    code = _code_fingerprint()
    edition = handbook.edition
    # An edition's name is in every document, so its settings are part of every key.
    settings = [p.read_bytes() for p in edition.settings_files()] if edition else []
    keys = {m.slug: _method_key(root, m, code, site_url, settings) for m in handbook.methods}
    book_key = _digest([code, site_url, *keys.values(), (root / METHODS_DIR / GLOSSARY_FILE).read_bytes()])
    edition_dir = str(edition.folder) if edition else ""
    prefix = _entry_prefix(handbook)
    book_entry = prefix + _PRINT_EDITION_ENTRY

    outputs: dict[str, list[tuple[str, bytes]]] = {}
    missing = []
    for method in handbook.methods:
        cached = _read_cache(cache, _method_entry(method.slug, prefix), keys[method.slug])
        if cached is None:
            missing.append(method.slug)
        else:
            outputs[method.slug] = cached
    book = _read_cache(cache, book_entry, book_key) if print_edition else None

    jobs = [(_generate_method, slug) for slug in missing]
    if print_edition and book is None:
        jobs.append((_generate_print_edition, _PRINT_EDITION_ENTRY))
    if jobs:
        with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
            futures = {name: pool.submit(job, str(root), name, site_url, edition_dir) for job, name in jobs}
            results = {name: future.result() for name, future in futures.items()}
        for name, result in results.items():
            if isinstance(result, str):
                raise DownloadFailed(result)
            if name == _PRINT_EDITION_ENTRY:
                _write_cache(cache, book_entry, book_key, result)
            else:
                _write_cache(cache, _method_entry(name, prefix), keys[name], result)
        outputs.update({slug: results[slug] for slug in missing})
        book = results.get(_PRINT_EDITION_ENTRY, book)

    downloads = Downloads()
    for method in handbook.methods:
        titles = {d.id: d.title for d in method.documents()}
        for name, data in outputs[method.slug]:
            path = f"{method.slug}/{name}"
            downloads.files[path] = data
            if name == method_zip_name(method):
                title = f"alla mallar och checklistor för {method.short_title}"
                downloads.by_method[method.slug] = _listed(path, data, ZIP, title)
            else:
                document, format_ = _document_file(name, titles)
                downloads.by_document.setdefault(document, []).append(_listed(path, data, format_, titles[document]))
    toolbox = _toolbox_zip(handbook, outputs)
    downloads.files[TOOLBOX_ZIP_PATH] = toolbox
    downloads.toolbox = _listed(TOOLBOX_ZIP_PATH, toolbox, ZIP, "alla mallar och checklistor i verktygslådan")
    if book:
        [(_, pdf)] = book
        downloads.files[PRINT_EDITION_PATH] = pdf
        downloads.print_edition = _listed(PRINT_EDITION_PATH, pdf, format_for(PRINT_EDITION_PATH),
                                               "hela handboken (utskriftsutgåva)")
    return downloads


def _document_file(name: str, ids) -> tuple[str, Format]:
    """Which document a file holds, and in which format: "ska-matris-a3.pdf" is ska-matris in PDF A3,
    unless a document is itself called "ska-matris-a3"."""
    matches = [(name[: -len(f"{f.suffix}.{f.extension}")], f) for f in FORMATS
               if name.endswith(f"{f.suffix}.{f.extension}")]
    return max(((document, f) for document, f in matches if document in ids), key=lambda match: len(match[1].suffix))


def _listed(path: str, data: bytes, format_: Format, title: str) -> DownloadFile:
    return DownloadFile(path, len(data), format_.name, format_.description, title)


def method_files(method: Method, handbook: Handbook, site_url: str = "") -> list[tuple[str, bytes]]:
    """Every file of one method: each document in each format, then the method's ZIP."""
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
    if files:
        files.append((method_zip_name(method), build_zip(files, method_date(method))))
    return files


def _toolbox_zip(handbook: Handbook, outputs: dict[str, list[tuple[str, bytes]]]) -> bytes:
    entries = [(f"{m.slug}/{name}", data) for m in handbook.methods for name, data in outputs[m.slug]
               if name != method_zip_name(m)]
    return build_zip(entries, max(method_date(m) for m in handbook.methods))


def _generate_method(root: str, slug: str, site_url: str, edition_dir: str = "") -> list[tuple[str, bytes]] | str:
    # Runs in a worker process: it reloads the (already validated) handbook
    # rather than receiving it, and returns errors as text, because the
    # parent must report them in Swedish without a worker traceback.
    try:
        handbook = load_handbook(Path(root), Path(edition_dir) if edition_dir else None)
        return method_files(handbook.method(slug), handbook, site_url)
    except DownloadFailed as failure:
        return str(failure)
    except Exception as error:  # noqa: BLE001
        return f"Nedladdningarna för metoden i methods/{slug}/ kunde inte skapas. {_technical(error)}"


def _generate_print_edition(root: str, _name: str, site_url: str,
                            edition_dir: str = "") -> list[tuple[str, bytes]] | str:
    from .print_edition import PrintEditionFailed, render_print_edition

    try:
        handbook = load_handbook(Path(root), Path(edition_dir) if edition_dir else None)
        return [(PRINT_EDITION_PATH, render_print_edition(handbook, site_url))]
    except PrintEditionFailed as failure:
        return str(failure)
    except Exception as error:  # noqa: BLE001
        return f"Utskriftsutgåvan av handboken kunde inte skapas. {_technical(error)}"


def _technical(error: Exception) -> str:
    # Editors get a sentence, not a worker's traceback; the type and message
    # are enough for a maintainer to reproduce it.
    return (f"Tekniskt meddelande: {type(error).__name__}: {error}. Kontrollera metodens text; om felet finns "
            "kvar, skriv ett ärende till dem som underhåller handboken och klistra in det här meddelandet.")


def _digest(parts: list) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _code_fingerprint() -> str:
    # Every module of the package: the print edition renders its chapters with
    # the page code in pages/, so a narrower list would serve a stale edition.
    sources = sorted(_CODE.rglob("*.py"))
    versions = [f"{name}={metadata.version(name)}" for name in _LIBRARIES]
    return _digest([*(p.read_bytes() for p in sources), *versions])


def _method_key(root: Path, method: Method, code: str, site_url: str, edition_settings: list[bytes] = ()) -> str:
    # Only the files the check has read: nothing else in the folder is ever opened.
    sources = [(method.folder / name).read_bytes() for name in (METHOD_FILE, TEXT_FILE)]
    if method.local is not None:
        sources.append(method.local.path.read_bytes())
    return _digest([code, site_url, (root / METHODS_DIR / VOCABULARY_FILE).read_bytes(), *edition_settings,
                    *sources])


def _read_cache(cache: Path, name: str, key: str) -> list[tuple[str, bytes]] | None:
    folder = cache / f"{name}--{key[:20]}"
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return None
    return [(entry, (folder / entry).read_bytes()) for entry in json.loads(manifest.read_text(encoding="utf-8"))]


def _write_cache(cache: Path, name: str, key: str, files: list[tuple[str, bytes]]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    for stale in cache.glob(f"{name}--*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = cache / f".{name}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for entry, data in files:
        (staging / entry).write_bytes(data)
    # The manifest is written last and the folder renamed into place, so a
    # crash never leaves a cache entry that looks complete but is not.
    (staging / "manifest.json").write_text(json.dumps([entry for entry, _ in files]), encoding="utf-8")
    staging.rename(cache / f"{name}--{key[:20]}")
