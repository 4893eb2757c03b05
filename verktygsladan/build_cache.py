"""What a build keeps for the next one, keyed by the content it was made from.

An entry is a folder "<name>--<key>" of files and a manifest written last, so a
crash never leaves an entry that looks complete but is not. The key is a hash
of everything the entry was made from, the package's own code included, so
an entry is either exactly right or never found. Writing an entry removes the
older ones of the same name. Tests and CI may share one cache folder between
project copies (VERKTYGSLADAN_CACHE_DIR).

Stored here: every download (downloads/build.py), the validated handbook and
the search index (MkDocs glue).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

CACHE_DIR = ".cache/bygge"
_CODE = Path(__file__).resolve().parent
# The libraries whose output ends up in a cached file, by their distribution names.
_LIBRARIES = ("python-docx", "odfpy", "openpyxl", "weasyprint", "fonttools", "Markdown", "PyYAML", "pagefind-bin")
KEY_LENGTH = 20

T = TypeVar("T")


def cache_folder(root: Path) -> Path:
    return Path(os.environ.get("VERKTYGSLADAN_CACHE_DIR") or root / CACHE_DIR)


def entry_name(name: str, folder: Path | None) -> str:
    """An entry's name for what was made for one folder (an edition, a site folder): the regional
    handbook and each edition, built one after another, must not evict each other's entries."""
    return f"{name}-{digest([folder.resolve()])[:10]}" if folder else name


def digest(parts: Iterable) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part if isinstance(part, bytes) else str(part).encode())
        hashed.update(b"\0")
    return hashed.hexdigest()


def code_fingerprint() -> str:
    # Every module of the package: the print edition renders its chapters with
    # the page code in pages/, so a narrower list would serve a stale edition.
    sources = sorted(_CODE.rglob("*.py"))
    versions = [f"{name}={_version(name)}" for name in _LIBRARIES]
    return digest([*(p.read_bytes() for p in sources), *versions])


@lru_cache(maxsize=None)  # asking the installed packages is slower than hashing the code
def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def folder_fingerprint(folder: Path) -> str:
    """Every name and byte under folder. A symbolic link counts by where it points: it is never
    followed, since the loader refuses it and nothing outside the repository may be read."""
    parts: list = []
    for current, directories, files in os.walk(folder):
        directories.sort()
        here = Path(current)
        for name in sorted([*directories, *files]):
            path = here / name
            parts.append(path.relative_to(folder).as_posix())
            if path.is_symlink():
                parts.append("->" + os.readlink(path))
            elif path.is_file():
                parts.append(path.read_bytes())
    return digest(parts)


def read_entry(cache: Path, name: str, key: str) -> list[tuple[str, bytes]] | None:
    return _read_folder(cache / f"{name}--{key[:KEY_LENGTH]}")


def latest_entry(cache: Path, name: str) -> list[tuple[str, bytes]]:
    """The files last cached under name, whatever their key (an older version of them); none if
    none were ever made. Writing an entry removes the older ones, so there is at most one."""
    for folder in sorted(cache.glob(f"{name}--*")):
        files = _read_folder(folder)
        if files is not None:
            return files
    return []


def _read_folder(folder: Path) -> list[tuple[str, bytes]] | None:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return None
    return [(entry, (folder / entry).read_bytes()) for entry in json.loads(manifest.read_text(encoding="utf-8"))]


def write_entry(cache: Path, name: str, key: str, files: list[tuple[str, bytes]]) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    for stale in cache.glob(f"{name}--*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = cache / f".{name}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for entry, data in files:
        (staging / entry).parent.mkdir(parents=True, exist_ok=True)
        (staging / entry).write_bytes(data)
    (staging / "manifest.json").write_text(json.dumps([entry for entry, _ in files]), encoding="utf-8")
    final = cache / f"{name}--{key[:KEY_LENGTH]}"
    try:
        staging.rename(final)
    except OSError:  # another build wrote the same entry meanwhile: same key, same files
        shutil.rmtree(staging, ignore_errors=True)
    return final


def remembered(cache: Path, name: str, key: str, make: Callable[[], T]) -> T:
    """make(), or what it returned last time for the same key. Only a result is kept, never an
    exception: a handbook with errors is validated again on every build, so its messages show."""
    found = read_entry(cache, name, key)
    if found:
        try:
            return pickle.loads(found[0][1])
        except Exception:  # noqa: BLE001 - an entry from another Python or a damaged file: make it again
            pass
    value = make()
    write_entry(cache, name, key, [("varde.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))])
    return value

