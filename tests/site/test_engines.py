"""ProperDocs, the way off MkDocs 1.6 (issue 18), builds the very same handbook.

`make test` installs ProperDocs in its own venv (.venv-properdocs, the one `make
build-properdocs` uses) before it runs the tests, so this test never skips: if the venv
is missing, it fails and says how to make it.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

from conftest import ENV, ROOT, copy_project
from engine_free import engines_loaded

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
MISSING = (f"ProperDocs saknas ({PROPERDOCS.relative_to(ROOT)}). Kör `make build-properdocs` eller `make test`, "
           "som installerar det i en egen miljö.")
# Material writes the engine's name and version into every page; that line alone may differ.
GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">\s*')
SHOWN = 20  # files named in a failure message, at most


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def _build_date(site: Path) -> dict[str, str]:
    """The MkDocs build's date (MkDocs and ProperDocs both stamp the gzipped sitemap with it), so that
    the two builds agree even if midnight falls between them."""
    sitemap = site / "sitemap.xml.gz"
    if not sitemap.is_file():
        return {}
    return {"SOURCE_DATE_EPOCH": str(struct.unpack("<I", sitemap.read_bytes()[4:8])[0])}


def _is_text(data: bytes) -> bool:
    if b"\0" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _show(line: bytes) -> str:
    shown = line.decode("utf-8", errors="replace").strip()
    return shown if len(shown) <= 200 else shown[:200] + "…"


def _first_difference(name: str, mkdocs: bytes, properdocs: bytes) -> str | None:
    """None if the files are the same (an HTML file may differ in its generator line only),
    otherwise the first line that differs, in words."""
    if mkdocs == properdocs:
        return None
    if not (_is_text(mkdocs) and _is_text(properdocs)):
        offset = next((i for i, (a, b) in enumerate(zip(mkdocs, properdocs)) if a != b), min(len(mkdocs), len(properdocs)))
        return (f"{name}, byte {offset} (filen är inte text; MkDocs-bygget har {len(mkdocs)} byte, "
                f"ProperDocs-bygget {len(properdocs)})")
    ours, theirs = mkdocs.splitlines(keepends=True), properdocs.splitlines(keepends=True)
    for number, (a, b) in enumerate(zip(ours, theirs), start=1):
        if a == b or (name.endswith(".html") and GENERATOR.fullmatch(a) and GENERATOR.fullmatch(b)):
            continue
        return f"{name}, rad {number}:\n    MkDocs:     {_show(a)}\n    ProperDocs: {_show(b)}"
    if len(ours) == len(theirs):
        return None
    number = min(len(ours), len(theirs)) + 1
    longer = "MkDocs" if len(ours) > len(theirs) else "ProperDocs"
    return f"{name}, rad {number}: bara {longer}-bygget har raden\n    {_show(max(ours, theirs, key=len)[number - 1])}"


def _listed(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    more = [f"  … och {len(items) - SHOWN} till"] if len(items) > SHOWN else []
    return [f"{title} ({len(items)}):", *(f"  {item}" for item in items[:SHOWN]), *more]


def test_properdocs_builds_the_same_site_as_mkdocs(built_site, tmp_path):
    assert PROPERDOCS.is_file(), MISSING
    root = copy_project(tmp_path / "projekt")
    # The downloads come from the cache the MkDocs build filled (conftest's ENV), so this build is quick.
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "--config-file", "mkdocs.yml"],
                            cwd=root, env={**ENV, **_build_date(built_site)}, capture_output=True, text=True)
    assert result.returncode == 0, f"Bygget med ProperDocs misslyckades:\n{result.stdout}\n{result.stderr}"

    mkdocs, properdocs = _files(built_site), _files(root / "site")
    differences = [difference for name in sorted(mkdocs.keys() & properdocs.keys())
                   if (difference := _first_difference(name, mkdocs[name].read_bytes(), properdocs[name].read_bytes()))]
    report = [
        *_listed("Filer som bara MkDocs-bygget har", sorted(mkdocs.keys() - properdocs.keys())),
        *_listed("Filer som bara ProperDocs-bygget har", sorted(properdocs.keys() - mkdocs.keys())),
        *_listed("Filer med olika innehåll (första raden som skiljer)", differences),
    ]
    assert not report, "ProperDocs bygger inte samma webbplats som MkDocs.\n" + "\n".join(report)
    assert {"index.html", "metoder/index.html"} <= mkdocs.keys(), "MkDocs-bygget saknar startsidan eller metodsidan."


def test_the_package_needs_no_engine_under_properdocs_either():
    """Where ProperDocs is installed, importing verktygsladan still loads neither it nor MkDocs."""
    assert PROPERDOCS.is_file(), MISSING
    count, loaded = engines_loaded(str(PROPERDOCS.parent / "python"))
    assert count > 30 and not loaded, f"Med ProperDocs installerat laddar verktygsladan {', '.join(loaded)}."


def test_only_the_generator_line_may_differ():
    page = b'<html>\n  <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">\n<p>Hej</p>\n'
    other = page.replace(b"mkdocs-1.6.1", b"mkdocs-ProperDocs 1.6.7")
    assert _first_difference("index.html", page, other) is None
    assert _first_difference("sokord.json", page, other) is not None
    changed = other.replace(b"Hej", "Hej då".encode())
    assert _first_difference("index.html", page, changed) == (
        "index.html, rad 3:\n    MkDocs:     <p>Hej</p>\n    ProperDocs: <p>Hej då</p>")
    assert "bara ProperDocs-bygget har raden" in _first_difference("index.html", page, page + b"<p>Mer</p>\n")
    assert _first_difference("bild.png", b"\x89PNG\0\1", b"\x89PNG\0\2") == (
        "bild.png, byte 5 (filen är inte text; MkDocs-bygget har 6 byte, ProperDocs-bygget 6)")
