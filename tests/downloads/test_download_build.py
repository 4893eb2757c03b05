"""Making, caching and packaging every download."""

from __future__ import annotations

import io
import shutil
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import copy_example_method
from corpus_edits import give_phases_and_print_large
from verktygsladan import build_cache
from verktygsladan.content import load_handbook
from verktygsladan.downloads import build
from verktygsladan.downloads.background import BackgroundDownloads, Job, background_downloads
from verktygsladan.downloads.build import DownloadFailed, build_downloads, method_zip_name
from verktygsladan.downloads.formats import FORMATS, Format
from verktygsladan.downloads.model import documents_for, method_date


@pytest.fixture
def project(corpus_project, tmp_path, monkeypatch):
    monkeypatch.setenv("VERKTYGSLADAN_CACHE_DIR", str(tmp_path / "cache"))
    return corpus_project


def expected_files(handbook) -> set[str]:
    files = set()
    for method in handbook.methods:
        for document in documents_for(method, handbook):
            files |= {f"{method.slug}/{f.file_name(document.id)}" for f in FORMATS if f.applies_to(document)}
    return files | {build.PRINT_EDITION_PATH}


def test_every_document_in_every_format_and_the_print_edition_each_made_once(project):
    handbook = load_handbook(project)
    downloads = build_downloads(handbook, project)
    assert set(downloads.files) == expected_files(handbook)
    checklist = handbook.method("exempel").checklists[0]
    assert [f.path.rsplit(".", 1)[1] for f in downloads.by_document[checklist.id]] == ["docx", "odt", "pdf", "xlsx"]
    assert [f.format_name for f in downloads.by_document[checklist.id]] == ["Word", "OpenDocument", "PDF", "Excel"]
    assert all(f.size == len(downloads.files[f.path]) for fs in downloads.by_document.values() for f in fs)


def test_a_template_printed_large_also_comes_as_an_a3_pdf_listed_and_bundled_like_any_download(project):
    give_phases_and_print_large(project)
    handbook = load_handbook(project)
    downloads = build_downloads(handbook, project, print_edition=False)
    assert set(downloads.files) == expected_files(handbook) - {build.PRINT_EDITION_PATH}
    method = handbook.method("exempel")
    (large,) = [f for f in FORMATS if f.only_for_print_large]
    template, checklist = method.templates[0], method.checklists[0]
    (a3,) = [f for f in downloads.by_document[template.id] if f.format_name == large.name]
    assert a3.path == f"exempel/{large.file_name(template.id)}" and a3.path.endswith("-a3.pdf")
    assert a3.format_description == large.description and a3.title == template.title
    assert downloads.files[a3.path].startswith(b"%PDF")
    assert large.name not in [f.format_name for f in downloads.by_document[checklist.id]]
    assert a3.path in downloads.by_method["exempel"].paths
    assert a3.path in downloads.toolbox.paths


def test_the_bundles_list_every_file_once_and_store_none_again(project):
    copy_example_method(project, "andra")
    handbook = load_handbook(project)
    downloads = build_downloads(handbook, project, print_edition=False)
    for method in handbook.methods:
        bundle = downloads.by_method[method.slug]
        own = [p for p in downloads.files if p.startswith(f"{method.slug}/")]
        assert sorted(bundle.paths) == sorted(own) and len(set(bundle.paths)) == len(bundle.paths)
        assert bundle.name == method_zip_name(method) and bundle.folder == method.slug
        assert bundle.size == sum(len(downloads.files[p]) for p in own)
        assert bundle.date == method_date(method).isoformat()
    assert list(downloads.toolbox.paths) == [p for m in handbook.methods for p in downloads.by_method[m.slug].paths]
    assert downloads.toolbox.size == sum(len(data) for data in downloads.files.values())
    # The site holds each file once: no archive of them is made.
    assert not [p for p in downloads.files if p.endswith(".zip")]


def test_the_same_input_gives_byte_identical_files(project, tmp_path, monkeypatch):
    handbook = load_handbook(project)
    first = build_downloads(handbook, project).files
    monkeypatch.setenv("VERKTYGSLADAN_CACHE_DIR", str(tmp_path / "ny-cache"))
    second = build_downloads(handbook, project).files
    assert first.keys() == second.keys()
    different = [path for path in first if first[path] != second[path]]
    assert different == []


def cache_entries(project_cache) -> set[str]:
    return {p.name for p in project_cache.iterdir() if not p.name.startswith(".")}


def test_editing_one_method_regenerates_only_that_method(project, tmp_path):
    yml = copy_example_method(project, "andra") / "method.yml"
    build_downloads(load_handbook(project), project)
    before = cache_entries(tmp_path / "cache")

    yml.write_text(yml.read_text(encoding="utf-8").replace("Boka mötena tidigt.", "Boka mötena en månad i förväg."),
                   encoding="utf-8")
    build_downloads(load_handbook(project), project)
    after = cache_entries(tmp_path / "cache")

    changed = sorted(before ^ after)
    assert [name.split("--")[0] for name in changed] == ["metod-andra", "metod-andra", "utskriftsutgava",
                                                          "utskriftsutgava"]
    assert any(name.startswith("metod-exempel--") for name in before & after)


def test_the_preview_uses_the_last_files_and_makes_the_new_ones_in_the_background(project):
    first = build_downloads(load_handbook(project), project, print_edition=False)
    yml = project / "methods" / "exempel" / "method.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("Skolan är inbjuden.", "Fritidsgården är inbjuden."),
                   encoding="utf-8")
    handbook = load_handbook(project)
    ready = threading.Event()

    meanwhile = build_downloads(handbook, project, print_edition=False, when_ready=ready.set)
    assert meanwhile.pending == {"exempel": ""}
    assert meanwhile.files == first.files  # the last version's files, listed as before
    assert not ready.is_set()  # nothing is made during the build that asked
    background_downloads.start()
    assert ready.wait(timeout=180)

    done = build_downloads(handbook, project, print_edition=False, when_ready=lambda: None)
    assert done.pending == {}
    checklist = next(f.path for f in done.by_document["exempel-checklista"] if f.path.endswith(".docx"))
    text = zipfile.ZipFile(io.BytesIO(done.files[checklist])).read("word/document.xml").decode("utf-8")
    assert "Fritidsgården är inbjuden." in text
    assert done.files == build_downloads(handbook, project, print_edition=False).files


def test_a_new_method_in_the_preview_has_no_files_until_they_are_made(project):
    copy_example_method(project, "andra")
    handbook = load_handbook(project)
    downloads = build_downloads(handbook, project, print_edition=False, when_ready=lambda: None)
    assert set(downloads.pending) == {"exempel", "andra"}
    assert not any(path.startswith(("exempel/", "andra/")) for path in downloads.files)
    assert "andra" not in downloads.by_method


def _fails(*_arguments) -> str:
    return "Mallen kunde inte skapas <för att testet vill det>."


def test_a_failure_in_the_background_is_reported_the_next_time_the_files_are_asked_for():
    worker = BackgroundDownloads()
    ready = threading.Event()
    job = Job("metod-trasig", "nyckel", _fails, (), lambda files: pytest.fail("a failure was stored"))
    assert worker.request(job, ready.set) == ""
    worker.start()
    assert ready.wait(timeout=120)
    assert worker.request(job, ready.set) == "Mallen kunde inte skapas <för att testet vill det>."


def test_a_failing_writer_names_method_and_document_and_writes_nothing(project, tmp_path, monkeypatch):
    def broken_writer(self, document):
        raise RuntimeError("trasig skrivare")

    monkeypatch.setattr(Format, "write", broken_writer)
    # Threads instead of processes, so the broken writer is the one the workers use.
    monkeypatch.setattr(build, "ProcessPoolExecutor", ThreadPoolExecutor)
    handbook = load_handbook(project)
    with pytest.raises(DownloadFailed) as failure:
        build_downloads(handbook, project)
    message = str(failure.value)
    assert "Exempelmetod för tester" in message
    assert "Mall för testerna" in message or "Checklista för testerna" in message
    assert "trasig skrivare" in message
    cache = tmp_path / "cache"
    assert not cache.exists() or not any(p.name.startswith("metod-exempel") for p in cache.iterdir())


def test_a_change_to_any_module_the_downloads_use_invalidates_the_cache(tmp_path, monkeypatch):
    # The print edition renders chapters with pages/method_page.py, so page code counts too.
    package = tmp_path / "verktygsladan"
    shutil.copytree(build_cache._CODE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build_cache, "_CODE", package)
    before = build_cache.code_fingerprint()
    for module in ("pages/method_page.py", "pages/markdown.py", "content/schema.py", "downloads/pdf_writer.py"):
        path = package / module
        original = path.read_text(encoding="utf-8")
        path.write_text(original + "\n# changed\n", encoding="utf-8")
        assert build_cache.code_fingerprint() != before, module
        path.write_text(original, encoding="utf-8")
    assert build_cache.code_fingerprint() == before


def test_an_unexpected_failure_is_one_swedish_sentence_without_a_traceback(project, monkeypatch):
    def crashing(method, handbook, site_url=""):
        raise KeyError("okänd nyckel")

    monkeypatch.setattr(build, "method_files", crashing)
    monkeypatch.setattr(build, "ProcessPoolExecutor", ThreadPoolExecutor)
    with pytest.raises(DownloadFailed) as failure:
        build_downloads(load_handbook(project), project, print_edition=False)
    message = str(failure.value)
    assert message.startswith("Nedladdningarna för metoden i methods/exempel/ kunde inte skapas. Tekniskt meddelande: "
                              "KeyError: 'okänd nyckel'.")
    assert "Traceback" not in message and "File \"" not in message


def test_a_print_edition_failure_names_the_method_whose_chapter_fails(project, monkeypatch):
    from verktygsladan.downloads import print_edition

    real_pdf = print_edition._pdf

    def fails_on_the_example(document: str) -> bytes:
        if "Exempelmetod för tester" in document:
            raise ValueError("kan inte rita sidan")
        return real_pdf(document)

    monkeypatch.setattr(print_edition, "_pdf", fails_on_the_example)
    with pytest.raises(print_edition.PrintEditionFailed) as failure:
        print_edition.render_print_edition(load_handbook(project))
    assert str(failure.value) == (
        "Utskriftsutgåvan kunde inte skapas: kapitlet om metoden \"Exempelmetod för tester\" "
        "(methods/exempel/method.yml) gick inte att göra till PDF. Tekniskt meddelande: ValueError: kan inte rita sidan.")


def test_only_the_two_method_files_are_read_for_the_cache_key(project):
    folder = project / "methods" / "exempel"
    handbook = load_handbook(project)
    before = build._method_key(project, handbook.method("exempel"), "kod", "")
    (folder / ".DS_Store").write_bytes(b"skrap")
    assert build._method_key(project, handbook.method("exempel"), "kod", "") == before


def test_the_regional_handbook_and_an_edition_keep_their_own_cache_entries(project, tmp_path):
    # Built one after another, as the Pages workflow does, they must not evict each other.
    edition = tmp_path / "_utgava"
    shutil.copytree(project / "editions" / "_exempel", edition, ignore=shutil.ignore_patterns("metoder"))
    build_downloads(load_handbook(project), project, print_edition=False)
    build_downloads(load_handbook(project, edition), project, print_edition=False)
    entries = cache_entries(tmp_path / "cache")
    assert any(name.startswith("metod-exempel--") for name in entries)
    assert any(name.startswith("utgava-") and "-metod-exempel--" in name for name in entries)
