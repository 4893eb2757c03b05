"""In what order methods are used: derived from the methods' phases and relations, and checked.

Three relations say something about order:
- "A before B": A's `related.after` names B, or B's `related.before` names A;
- "A feeds B": A's `feeds` names a step of B. B starts first and A runs
  alongside it, to be ready for that step;
- "combine_with" says nothing about order.

`check_sequence` reports relations that cannot all be true (make check, the
build and the tests run it through load_handbook), and `sequence` sorts a
set of methods into "Börja med", "Parallellt" and "Därefter". No order is
kept by hand anywhere, so the finder, the process map and the worked paths
cannot disagree with the methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .errors import join_swedish
from .schema import Method
from .vocabulary import Vocabulary

START, PARALLEL, THEN = "Börja med", "Parallellt", "Därefter"


@dataclass(frozen=True)
class Relation:
    first: str  # slug
    second: str  # slug
    declared_in: str  # slug of the method whose file says it
    field: tuple  # the field path in that file
    step: str = ""  # for "feeds": the step of `second`


def before_relations(methods: Iterable[Method]) -> list[Relation]:
    """Every "A before B", from either side, between the given methods."""
    present = {m.slug for m in methods}
    found = []
    for method in methods:
        if method.related is None:
            continue
        for index, slug in enumerate(method.related.after or []):
            if slug in present:
                found.append(Relation(method.slug, slug, method.slug, ("related", "after", index)))
        for index, slug in enumerate(method.related.before or []):
            if slug in present:
                found.append(Relation(slug, method.slug, method.slug, ("related", "before", index)))
    return found


def feed_relations(methods: Iterable[Method]) -> list[Relation]:
    present = {m.slug for m in methods}
    return [Relation(method.slug, feed.method, method.slug, ("feeds", index), feed.step)
            for method in methods for index, feed in enumerate(method.feeds or []) if feed.method in present]


def first_phase(method: Method, order: list[str]) -> int:
    """The place, in the vocabulary's order, of the earliest phase the method is used in."""
    return min(order.index(phase) for phase in method.phases)


def check_sequence(methods: list[Method], vocabulary: Vocabulary,
                   error: Callable[[str, tuple, str], None]) -> None:
    """Report, through error(slug, field path, Swedish message), every pair of relations that contradict
    each other or the methods' phases."""
    by_slug = {m.slug: m for m in methods}
    order = list(vocabulary.terms("phases"))
    phase_name = lambda phase: vocabulary.name("phases", phase)  # noqa: E731
    befores = before_relations(methods)
    ordered = {(r.first, r.second) for r in befores}
    for relation in befores:
        first, second = by_slug[relation.first], by_slug[relation.second]
        if first_phase(first, order) > first_phase(second, order):
            error(relation.declared_in, relation.field,
                  f"\"{first.title}\" sägs komma före \"{second.title}\", men den börjar först i skedet "
                  f"\"{phase_name(order[first_phase(first, order)])}\", efter \"{second.title}\" som börjar i "
                  f"\"{phase_name(order[first_phase(second, order)])}\". Ändra relationen eller metodernas skeden.")
        else:
            _check_shared_process(relation, first, second, order, phase_name, error)
        if (relation.second, relation.first) in ordered:
            error(relation.declared_in, relation.field,
                  f"\"{first.title}\" och \"{second.title}\" sägs båda komma före varandra. Behåll en av relationerna.")
    for feed in feed_relations(methods):
        feeder, target = by_slug[feed.first], by_slug[feed.second]
        step = next((s for s in target.steps if s.id == feed.step), None)
        if step is None:
            error(feed.declared_in, feed.field + ("step",),
                  f"Metoden \"{target.title}\" har inget steg med id \"{feed.step}\". Stegen där har id "
                  f"{', '.join(repr(s.id) for s in target.steps)}.".replace("'", "\""))
            continue
        if (feeder.slug, target.slug) in ordered:
            error(feed.declared_in, feed.field,
                  f"\"{feeder.title}\" sägs både komma före \"{target.title}\" och användas i dess steg "
                  f"\"{step.title}\". Då börjar \"{target.title}\" först. Ta bort \"{target.slug}\" ur \"after\" "
                  "(eller den här metoden ur den andra metodens \"before\").")
        if (target.slug, feeder.slug) in ordered:
            error(feed.declared_in, feed.field,
                  f"\"{feeder.title}\" används i steget \"{step.title}\" i \"{target.title}\", men "
                  f"\"{target.title}\" sägs också komma före den. Behåll en av relationerna.")
        if step.phase and first_phase(feeder, order) > order.index(step.phase):
            error(feed.declared_in, feed.field,
                  f"Steget \"{step.title}\" görs i skedet \"{phase_name(step.phase)}\", men \"{feeder.title}\" "
                  f"används först i \"{phase_name(order[first_phase(feeder, order)])}\" och kan inte vara klar "
                  "till dess.")
    cycle = _cycle({(r.first, r.second) for r in befores})
    if cycle:
        names = " → ".join(f"\"{by_slug[slug].title}\"" for slug in cycle)
        error(cycle[0], ("related",), f"Relationerna \"före\" och \"efter\" går i cirkel: {names}. Ta bort en av dem.")


def _check_shared_process(relation: Relation, first: Method, second: Method, order: list[str],
                          phase_name: Callable[[str], str], error: Callable[[str, tuple, str], None]) -> None:
    """"A before B" must also hold in the process the two share: a method used both in the
    översiktsplan and in a detaljplan cannot come before one whose first detaljplan step comes
    earlier than anything the first does there. Only steps with a phase say when B begins."""
    steps = [order.index(step.phase) for step in second.steps if step.phase]
    shared = [order.index(phase) for phase in first.phases if phase in second.phases]
    if not steps or not shared or min(shared) <= min(steps):
        return
    error(relation.declared_in, relation.field,
          f"\"{first.title}\" sägs komma före \"{second.title}\", men \"{second.title}\" börjar i skedet "
          f"\"{phase_name(order[min(steps)])}\", och där de två används tillsammans börjar \"{first.title}\" "
          f"först i \"{phase_name(order[min(shared)])}\". Säg i stället i \"feeds\" vilket steg i "
          f"\"{second.title}\" som använder resultatet.")


def _cycle(edges: set[tuple[str, str]]) -> list[str]:
    """A cycle in the "before" graph, as slugs with the first repeated at the end, or []."""
    following: dict[str, list[str]] = {}
    for first, second in sorted(edges):
        following.setdefault(first, []).append(second)
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(node: str, path: list[str]) -> list[str]:
        state[node] = 1
        for nxt in following.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [node, nxt] if nxt in path else [node, nxt]
            if nxt not in state:
                found = visit(nxt, path + [node])
                if found:
                    return found
        state[node] = 2
        return []

    for node in sorted(following):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return []


def sequence(methods: list[Method], vocabulary: Vocabulary) -> list[tuple[str, list[Method]]]:
    """The methods sorted into "Börja med", "Därefter" and "Parallellt med …" by their relations
    among themselves, each group in the order of their first phase; empty groups are left out.

    A method that another one in the set comes before is "Därefter". A method that feeds a
    step of another one in the set runs alongside it, so it is listed right after the group
    of the method it feeds, and the label names that method. The rest is "Börja med".
    """
    order = list(vocabulary.terms("phases"))
    slugs = {m.slug for m in methods}
    by_slug = {m.slug: m for m in methods}
    after = {r.second for r in before_relations(methods) if r.first in slugs}
    feeds: dict[str, list[str]] = {}
    for relation in feed_relations(methods):
        targets = feeds.setdefault(relation.first, []) if relation.first not in after else []
        if relation.second not in targets:
            targets.append(relation.second)
    start = [m for m in methods if m.slug not in after and m.slug not in feeds]
    then = [m for m in methods if m.slug in after]
    if not start and not then:
        # Methods that only feed each other: none has to wait, so all can start.
        start, feeds = [m for m in methods], {}
    key = lambda m: (first_phase(m, order), m.title)  # noqa: E731
    groups: list[tuple[str, list[Method]]] = []
    for label, members in ((START, start), (THEN, then)):
        if not members:
            continue
        groups.append((label, sorted(members, key=key)))
        fed_here = {m.slug for m in members}
        alongside: dict[tuple[str, ...], list[Method]] = {}
        for slug, targets in feeds.items():
            if set(targets) & fed_here:
                alongside.setdefault(tuple(sorted(t for t in targets if t in fed_here)), []).append(by_slug[slug])
        for targets, feeders in sorted(alongside.items()):
            names = join_swedish(by_slug[t].short_title for t in targets)
            groups.append((f"{PARALLEL} med {names}", sorted(feeders, key=key)))
    # A method that only feeds methods which are themselves alongside another one.
    placed = {m.slug for _, members in groups for m in members}
    rest: dict[tuple[str, ...], list[Method]] = {}
    for slug, targets in feeds.items():
        if slug not in placed:
            rest.setdefault(tuple(sorted(targets)), []).append(by_slug[slug])
    for targets, feeders in sorted(rest.items()):
        groups.append((f"{PARALLEL} med {join_swedish(by_slug[t].short_title for t in targets)}",
                       sorted(feeders, key=key)))
    return groups
