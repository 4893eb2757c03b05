"""Writing generated pages: only changed files, stale files removed, foreign folders left alone."""

from __future__ import annotations

import pytest

from verktygsladan.pages.output import write_generated


def test_unchanged_files_are_not_rewritten(tmp_path):
    out = tmp_path / "metoder"
    assert sorted(write_generated({"a.md": "A", "b.md": "B"}, out)) == ["a.md", "b.md"]
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert write_generated({"a.md": "A", "b.md": "B2"}, out) == ["b.md"]
    assert (out / "a.md").stat().st_mtime_ns == before["a.md"]
    assert (out / "b.md").read_text(encoding="utf-8") == "B2"


def test_files_no_longer_generated_are_removed(tmp_path):
    out = tmp_path / "metoder"
    write_generated({"a.md": "A", "sub/b.md": "B"}, out)
    assert write_generated({"a.md": "A"}, out) == ["sub/b.md"]
    assert not (out / "sub").exists()
    assert (out / "a.md").exists()


def test_a_folder_not_made_by_the_generator_is_never_overwritten(tmp_path):
    out = tmp_path / "metoder"
    out.mkdir()
    (out / "handskriven.md").write_text("Viktig text", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_generated({"a.md": "A"}, out)
    assert (out / "handskriven.md").read_text(encoding="utf-8") == "Viktig text"
