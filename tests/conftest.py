"""Shared fixtures: copies of the project to build in, and ways to run it.

Tests never build in the working tree: each gets its own copy of the
project (or of its parts), so they can break methods freely.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
# What a build needs; everything else in the repository is left behind.
PROJECT_PARTS = ("docs", "editions", "macros", "methods", "overrides", "verktygsladan", "mkdocs.yml")
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "metoder", ".generated-by-verktygsladan", ".cache")

# One folder for the whole test run, shared by pytest-xdist's workers (`make test` runs two): the
# process that starts the run makes it and names it in the environment, which the workers inherit.
_RUN_VARIABLE = "VERKTYGSLADAN_TESTKORNING"
if not os.environ.get(_RUN_VARIABLE):
    os.environ[_RUN_VARIABLE] = tempfile.mkdtemp(prefix="verktygsladan-test-")
    atexit.register(shutil.rmtree, os.environ[_RUN_VARIABLE], ignore_errors=True)
RUN_DIR = Path(os.environ[_RUN_VARIABLE])
# One download cache for every project copy in a test run; its keys are content hashes.
DOWNLOAD_CACHE = str(RUN_DIR / "cache")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1",
       "VERKTYGSLADAN_CACHE_DIR": DOWNLOAD_CACHE}


def copy_project(dest: Path, *, methods_from: Path | None = None) -> Path:
    """Copy the project to dest. With methods_from, methods/ holds only the shared
    files (vocabulary, glossary, schema) plus the method folders found in methods_from."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=_IGNORED)
        else:
            shutil.copy2(source, dest / part)
    if methods_from is not None:
        for folder in (dest / "methods").iterdir():
            if folder.is_dir() and not folder.name.startswith("_"):  # keep the editors' example
                shutil.rmtree(folder)
        # The worked paths go through the real methods, which a corpus project does not have.
        (dest / "methods" / "arbetsgangar.yml").unlink(missing_ok=True)
        for folder in methods_from.iterdir():
            shutil.copytree(folder, dest / "methods" / folder.name, ignore=_IGNORED)
    return dest


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verktygsladan", "--root", str(root), *args],
                          cwd=ROOT, env=ENV, capture_output=True, text=True)


def mkdocs_build(root: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
                          cwd=root, env={**ENV, **(env or {})}, capture_output=True, text=True)


def assert_built(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"Bygget misslyckades:\n{result.stdout}\n{result.stderr}"


def copy_example_method(project: Path, slug: str, *, title: str = "", short_title: str = "",
                        related: str = "  combine_with:\n    - exempel") -> Path:
    """A second method in a corpus project: the example method under a new folder, with its own ids.

    A published method must relate to another (publishing_floor.py), so by default the copy
    is combined with the original."""
    methods = project / "methods"
    shutil.copytree(methods / "exempel", methods / slug)
    path = methods / slug / "method.yml"
    text = path.read_text(encoding="utf-8").replace("id: exempel\n", f"id: {slug}\n")
    text = text.replace("exempel-mall", f"{slug}-mall").replace("exempel-checklista", f"{slug}-checklista")
    text = text.replace("related:\n  combine_with: []", f"related:\n{related}")
    if title:
        text = text.replace("title: Exempelmetod för tester", f"title: {title}")
    if short_title:
        text = text.replace("short_title: Exempelmetod", f"short_title: {short_title}")
    path.write_text(text, encoding="utf-8")
    return methods / slug


@pytest.fixture
def corpus_project(tmp_path: Path) -> Path:
    """A project whose only method is the test corpus's complete example method."""
    return copy_project(tmp_path / "projekt", methods_from=CORPUS / "valid")


@pytest.fixture
def text_rules_off(monkeypatch):
    """The content check's markup and link rules switched off for one test (see text_rules_off.py)."""
    from text_rules_off import switch_off

    switch_off(monkeypatch.setattr)


@contextlib.contextmanager
def run_lock(name: str):
    """Held by one worker of the test run at a time."""
    with open(RUN_DIR / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def built_once(name: str, build: Callable[[Path], None]) -> Path:
    """A project built by build(project folder) once in the whole test run, whichever worker asks
    first; the others wait for it and read the same folder. Tests only read what it holds."""
    folder = RUN_DIR / name
    with run_lock(name):
        if not (folder / "klar").exists():
            shutil.rmtree(folder, ignore_errors=True)
            build(folder)
            (folder / "klar").touch()
    return folder


def _build_handbook(folder: Path) -> None:
    assert_built(mkdocs_build(copy_project(folder / "projekt")))


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The real handbook, built once per test run. Returns the site folder."""
    return built_once("handbok", _build_handbook) / "projekt" / "site"


# The import filter is forced: without it LibreOffice guesses the type from the
# content and would quietly open a broken file as plain text.
OFFICE_IMPORT_FILTERS = {"docx": "MS Word 2007 XML", "odt": "writer8", "xlsx": "Calc MS Excel 2007 XML"}


@pytest.fixture(scope="session")
def site_printouts(built_site: Path) -> dict[str, Path]:
    """Every Word, OpenDocument and Excel file on the built site, opened by LibreOffice and printed to
    PDF, once per test run: "<method>/<file>" → the PDF. A file LibreOffice could not open has none."""
    def print_all(folder: Path) -> None:
        for extension, import_filter in OFFICE_IMPORT_FILTERS.items():
            sources = sorted((built_site / "metoder").glob(f"*/*.{extension}"))
            assert sources, f"Inga .{extension}-filer byggdes."
            subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profil", "--headless", "--norestore",
                            f"--infilter={import_filter}", "--convert-to", "pdf", "--outdir", str(folder / extension),
                            *map(str, sources)], capture_output=True, text=True, timeout=900)

    folder = built_once("utskrifter", print_all)
    # soffice exits with 0 even when it could not load a file, so each PDF is looked for.
    return {f"{source.parent.name}/{source.name}": folder / source.suffix[1:] / f"{source.stem}.pdf"
            for extension in OFFICE_IMPORT_FILTERS for source in sorted((built_site / "metoder").glob(f"*/*.{extension}"))
            if (folder / extension / f"{source.stem}.pdf").is_file()}


@pytest.fixture(scope="session")
def handbook():
    from verktygsladan.content import load_handbook

    return load_handbook(ROOT)


# Documents to write: the corpus example's template and checklist, and every real one.

@pytest.fixture(scope="session")
def corpus_handbook(tmp_path_factory):
    from verktygsladan.content import load_handbook

    return load_handbook(copy_project(tmp_path_factory.mktemp("korpus") / "projekt", methods_from=CORPUS / "valid"))


@pytest.fixture(scope="session")
def corpus_template(corpus_handbook):
    from verktygsladan.downloads.model import documents_for

    return next(d for d in documents_for(corpus_handbook.method("exempel"), corpus_handbook) if not d.is_checklist)


@pytest.fixture(scope="session")
def corpus_checklist(corpus_handbook):
    from verktygsladan.downloads.model import documents_for

    return next(d for d in documents_for(corpus_handbook.method("exempel"), corpus_handbook) if d.is_checklist)


@pytest.fixture(scope="session")
def real_documents(handbook):
    from verktygsladan.downloads.model import documents_for

    return [document for method in handbook.methods for document in documents_for(method, handbook)]


@pytest.fixture(scope="session")
def swedish_checklist(real_documents):
    """A real checklist whose items use å, ä and ö, to see that they survive."""
    return next(d for d in real_documents if d.is_checklist and {"å", "ä", "ö"} <= set(
        "".join(item.text for item in d.items)))
