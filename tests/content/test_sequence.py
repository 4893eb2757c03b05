"""The order of methods: relations that contradict each other or the phases are errors, and the
groups "Börja med", "Därefter" and "Parallellt med …" follow from the relations alone."""

from __future__ import annotations

import copy
from types import SimpleNamespace

from conftest import copy_project, run_cli
from verktygsladan.content.sequence import PARALLEL, START, THEN, before_relations, check_sequence, sequence


def problems(methods, vocabulary) -> list[tuple[str, tuple, str]]:
    found = []
    check_sequence(methods, vocabulary, lambda slug, path, message: found.append((slug, path, message)))
    return found


def edited(handbook, **changes):
    """A deep copy of the real methods, with related/feeds replaced for the named slugs."""
    methods = copy.deepcopy(handbook.methods)
    for method in methods:
        for field, value in changes.get(method.slug.replace("-", "_"), {}).items():
            if field == "feeds":
                method.feeds = [SimpleNamespace(method=m, step=s) for m, s in value]
            else:
                setattr(method.related, field, value)
    return methods


def test_the_real_methods_agree_with_each_other(handbook):
    assert problems(handbook.methods, handbook.vocabulary) == []


def test_the_contradiction_the_planner_met_is_an_error(handbook):
    # Seniorperspektiv said SKA comes after it, but SKA's first step (planbesked) comes before
    # anything Seniorperspektiv does in a detaljplan.
    methods = edited(handbook, seniorperspektiv={"after": ["social-konsekvensanalys"], "feeds": []})
    found = problems(methods, handbook.vocabulary)
    assert [(slug, path) for slug, path, _ in found] == [("seniorperspektiv", ("related", "after", 0))]
    assert "Planbesked" in found[0][2] and "feeds" in found[0][2]


def test_before_and_feeding_the_same_method_is_an_error(handbook):
    methods = edited(handbook, ungas_inflytande={"after": ["social-konsekvensanalys"]})
    messages = [message for _, _, message in problems(methods, handbook.vocabulary)]
    assert any("både komma före" in message for message in messages), messages


def test_a_circle_of_before_and_after_is_an_error(handbook):
    methods = edited(handbook, social_konsekvensanalys={"after": ["riktlinjer-bostadsforsorjning"]})
    messages = [message for _, _, message in problems(methods, handbook.vocabulary)]
    assert any("före varandra" in message or "cirkel" in message for message in messages), messages


def test_feeding_a_step_that_does_not_exist_names_the_steps_there(handbook):
    methods = edited(handbook, seniorperspektiv={"feeds": [("social-konsekvensanalys", "inget-sadant-steg")]})
    [(slug, path, message)] = problems(methods, handbook.vocabulary)
    assert (slug, path) == ("seniorperspektiv", ("feeds", 0, "step"))
    assert all(f'"{step.id}"' in message for step in handbook.method("social-konsekvensanalys").steps)


def test_groups_follow_from_the_relations(handbook):
    order = list(handbook.vocabulary.terms("phases"))
    for phase in order:
        members = [m for m in handbook.methods if phase in m.phases]
        if not members:
            continue
        groups = sequence(members, handbook.vocabulary)
        assert sorted(m.slug for _, group in groups for m in group) == sorted(m.slug for m in members)
        placed = {m.slug: label for label, group in groups for m in group}
        befores = {(r.first, r.second) for r in before_relations(members)}
        for method in members:
            has_first = any(second == method.slug for _, second in befores)
            label = placed[method.slug]
            assert (label == THEN) == has_first, (phase, method.slug, label)
            if label.startswith(PARALLEL):
                fed = [f.method for f in method.feeds or []]
                assert any(handbook.method(slug).short_title in label for slug in fed), (phase, label)
        labels = [label for label, _ in groups]
        assert labels[0] in (START, THEN)


def test_the_detaljplan_start_puts_ska_before_the_methods_that_feed_it(handbook):
    members = [m for m in handbook.methods if "detaljplan-uppstart" in m.phases]
    groups = sequence(members, handbook.vocabulary)
    labels = [label for label, _ in groups]
    ska = next(label for label, group in groups for m in group if m.slug == "social-konsekvensanalys")
    senior = next(label for label, group in groups for m in group if m.slug == "seniorperspektiv")
    assert labels.index(ska) < labels.index(senior)
    assert senior.startswith(PARALLEL)


def test_make_check_reports_the_contradiction_with_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "projekt")
    method_file = project / "methods" / "seniorperspektiv" / "method.yml"
    text = method_file.read_text(encoding="utf-8")
    method_file.write_text(text.replace("related:\n", "related:\n  after:\n    - social-konsekvensanalys\n", 1),
                           encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode != 0
    line = text.splitlines().index("related:") + 3
    assert (f'Fel i methods/seniorperspektiv/method.yml, rad {line}, fält "related → after → punkt 1"'
            in result.stdout + result.stderr)
