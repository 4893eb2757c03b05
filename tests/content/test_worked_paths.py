"""Worked paths: loaded from methods/arbetsgangar.yml and checked against the methods' own order."""

from __future__ import annotations

import re

import pytest

from conftest import copy_project, run_cli


def test_the_handbook_has_at_least_three_worked_paths_through_several_methods(handbook):
    assert len(handbook.worked_paths) >= 3
    for worked_path in handbook.worked_paths:
        assert len({entry.method for entry in worked_path.steps}) >= 2, worked_path.id
        for entry in worked_path.steps:
            method = handbook.method(entry.method)
            assert entry.step is None or entry.step in [s.id for s in method.steps]


def _paths_file(project):
    return project / "methods" / "arbetsgangar.yml"


def _lines(text: str) -> list[str]:
    return text.splitlines()


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "projekt")


def _swap_first_two_steps(text: str) -> str:
    """The first path with its first two steps in the other order."""
    starts = [m.start() for m in re.finditer(r"^      - method: ", text, re.MULTILINE)]
    first, second, third = starts[0], starts[1], starts[2]
    return text[:first] + text[second:third] + text[first:second] + text[third:]


def test_steps_of_a_method_out_of_their_own_order_stop_make_check(project):
    paths = _paths_file(project)
    paths.write_text(_swap_first_two_steps(paths.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_cli(project, "check")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r'Fel i methods/arbetsgangar\.yml, rad \d+, fält "paths → punkt 1 → steps → punkt \d+ → step"',
                     output), output
    assert "Ta stegen i metodens ordning" in output


def test_a_method_placed_before_the_one_it_feeds_stops_make_check(project, handbook):
    # Seniorperspektiv feeds a step of SKA, so a path may not start with it.
    paths = _paths_file(project)
    text = paths.read_text(encoding="utf-8")
    feeder = next(m for m in handbook.methods if m.feeds)
    target = feeder.feeds[0].method
    lines = _lines(text)
    first_entry = next(i for i, line in enumerate(lines) if line.startswith("      - method: "))
    lines.insert(first_entry, f"      - method: {feeder.slug}\n        text: Börja här.")
    paths.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(project, "check")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f'Låt arbetsgången börja med "{handbook.method(target).title}"' in output, output
    assert f"rad {first_entry + 1}," in output


def test_an_unknown_step_names_the_steps_the_method_has(project, handbook):
    paths = _paths_file(project)
    text = paths.read_text(encoding="utf-8")
    paths.write_text(text.replace("step: forsta-bedomning", "step: forsta-bedomningen", 1), encoding="utf-8")
    result = run_cli(project, "check")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert 'har inget steg med id "forsta-bedomningen"' in output
    assert "forsta-bedomning," in output
