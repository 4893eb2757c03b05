"""What a build keeps for the next one (verktygsladan/build_cache.py), and who uses it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from verktygsladan import build_cache
from verktygsladan.content import ContentInvalid
from verktygsladan.publishing import load_publishable_handbook
from verktygsladan.search_index import build_search_index


def test_a_value_is_made_once_per_key(tmp_path):
    made = []

    def make():
        made.append(1)
        return {"svar": [1, 2, 3]}

    first = build_cache.remembered(tmp_path, "prov", "nyckel-1", make)
    again = build_cache.remembered(tmp_path, "prov", "nyckel-1", make)
    other = build_cache.remembered(tmp_path, "prov", "nyckel-2", make)
    assert first == again == other == {"svar": [1, 2, 3]}
    assert len(made) == 2
    # Writing an entry removes the older ones of the same name.
    assert [p.name.split("--")[0] for p in tmp_path.iterdir()] == ["prov"]


def test_a_failure_is_never_kept(tmp_path):
    def fail():
        raise ValueError("fel")

    for _ in range(2):
        with pytest.raises(ValueError):
            build_cache.remembered(tmp_path, "prov", "nyckel", fail)
    assert not any(tmp_path.iterdir())


def test_a_damaged_entry_is_made_again(tmp_path):
    build_cache.remembered(tmp_path, "prov", "nyckel", lambda: "första")
    [entry] = tmp_path.iterdir()
    (entry / "varde.pickle").write_bytes(b"inte pickle")
    assert build_cache.remembered(tmp_path, "prov", "nyckel", lambda: "andra") == "andra"


def test_an_entry_without_its_manifest_does_not_count(tmp_path):
    folder = build_cache.write_entry(tmp_path, "prov", "nyckel", [("a/b.txt", b"innehall")])
    assert build_cache.read_entry(tmp_path, "prov", "nyckel") == [("a/b.txt", b"innehall")]
    (folder / "manifest.json").unlink()
    assert build_cache.read_entry(tmp_path, "prov", "nyckel") is None


def test_a_folder_fingerprint_follows_every_byte_and_name_but_no_link(tmp_path):
    folder = tmp_path / "mapp"
    (folder / "under").mkdir(parents=True)
    (folder / "under" / "fil.yml").write_text("a: 1\n", encoding="utf-8")
    before = build_cache.folder_fingerprint(folder)
    assert build_cache.folder_fingerprint(folder) == before
    (folder / "under" / "fil.yml").write_text("a: 2\n", encoding="utf-8")
    changed = build_cache.folder_fingerprint(folder)
    assert changed != before
    (folder / "under" / "fil.yml").rename(folder / "under" / "annan.yml")
    assert build_cache.folder_fingerprint(folder) != changed
    # A link is counted by where it points, never read: its target may be outside the repository.
    outside = tmp_path / "utanfor.txt"
    outside.write_text("hemligt", encoding="utf-8")
    os.symlink(outside, folder / "lank.txt")
    linked = build_cache.folder_fingerprint(folder)
    outside.write_text("annat", encoding="utf-8")
    assert build_cache.folder_fingerprint(folder) == linked


def test_the_build_takes_a_validated_handbook_from_the_cache_only_while_its_files_are_unchanged(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "projekt")
    cache = tmp_path / "cache"
    from verktygsladan import publishing

    loads = []
    real = publishing.load_handbook
    monkeypatch.setattr(publishing, "load_handbook", lambda *args: loads.append(1) or real(*args))
    first = load_publishable_handbook(project, cache=cache)
    again = load_publishable_handbook(project, cache=cache)
    assert len(loads) == 1
    assert [m.title for m in again.methods] == [m.title for m in first.methods]
    method = next(p for p in sorted((project / "methods").iterdir()) if (p / "method.yml").is_file()
                  and not p.name.startswith("_"))
    text = (method / "method.yml").read_text(encoding="utf-8")
    (method / "method.yml").write_text(text.replace("\ntitle: ", "\ntitle: Ändrad ", 1), encoding="utf-8")
    changed = load_publishable_handbook(project, cache=cache)
    assert len(loads) == 2
    assert any(m.title.startswith("Ändrad ") for m in changed.methods)


def test_a_handbook_with_errors_is_validated_again_on_every_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    cache = tmp_path / "cache"
    method = next(p for p in sorted((project / "methods").iterdir()) if (p / "method.yml").is_file()
                  and not p.name.startswith("_"))
    (method / "method.yml").write_text("id: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentInvalid) as invalid:
            load_publishable_handbook(project, cache=cache)
        assert f"methods/{method.name}/method.yml" in str(invalid.value)
    assert not list(cache.glob("handbok--*"))


def test_an_index_from_the_cache_is_the_index_pagefind_makes(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "sida").mkdir(parents=True)
    for path, title in (("index.html", "Start"), ("sida/index.html", "Bostadsförsörjning")):
        (site / path).write_text(f'<!DOCTYPE html><html lang="sv"><head><title>{title}</title></head><body>'
                                 f"<main data-pagefind-body><h1>{title}</h1><p>Text om {title}.</p></main>"
                                 "</body></html>", encoding="utf-8")
    cache = tmp_path / "cache"
    build_search_index(site, 2, ["ord"], cache)
    made = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    shutil.rmtree(site / "pagefind")
    from verktygsladan import search_index

    def no_second_run(_site):
        raise AssertionError("Pagefind kördes igen fast sidorna inte hade ändrats.")

    monkeypatch.setattr(search_index, "_run_pagefind", no_second_run)
    build_search_index(site, 2, ["ord"], cache)
    again = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert again == made
    assert any(path.startswith("pagefind/") for path in again)


def test_the_cache_folder_is_the_projects_own_unless_a_shared_one_is_named(monkeypatch):
    monkeypatch.delenv("VERKTYGSLADAN_CACHE_DIR", raising=False)
    assert build_cache.cache_folder(ROOT) == ROOT / build_cache.CACHE_DIR
    monkeypatch.setenv("VERKTYGSLADAN_CACHE_DIR", "/tmp/delad")
    assert build_cache.cache_folder(ROOT) == Path("/tmp/delad")
