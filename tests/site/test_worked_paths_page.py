"""The worked paths as a reader sees them: the order on the page agrees with the methods."""

from __future__ import annotations

import re

from site_helpers import content, page, text
from verktygsladan.content.sequence import before_relations, feed_relations

ENTRY = re.compile(r"^(?P<name>.+?)(, steg (?P<number>\d+))?:")


def shown_order(built_site, handbook, path_id: str) -> list[tuple[str, int | None]]:
    """(method slug, step number or None) for each step of the path, in the order shown."""
    by_name = {m.short_title: m.slug for m in handbook.methods}
    section = content(page(built_site, "metoder/arbetsgangar/")).find(id=path_id)
    assert section is not None, f"Arbetsgången {path_id} saknas på sidan."
    items = section.find_next("div", class_="vl-path").select(":scope > ol > li")
    order = []
    for item in items:
        match = ENTRY.match(text(item.find("strong")))
        order.append((by_name[match["name"]], int(match["number"]) if match["number"] else None))
    return order


def test_the_path_for_many_older_residents_agrees_with_both_methods_relations(built_site, handbook):
    order = shown_order(built_site, handbook, "detaljplan-med-manga-aldre")
    slugs = [slug for slug, _ in order]
    present = [m for m in handbook.methods if m.slug in slugs]
    assert {"seniorperspektiv", "social-konsekvensanalys"} <= set(slugs)
    relations = before_relations(present) + feed_relations(present)
    assert relations, "Metoderna i arbetsgången har inga relationer att kontrollera ordningen mot."
    for relation in before_relations(present):
        assert slugs.index(relation.first) < slugs.index(relation.second)
    for feed in feed_relations(present):
        target = handbook.method(feed.second)
        step_number = [s.id for s in target.steps].index(feed.step) + 1
        assert slugs.index(feed.second) < slugs.index(feed.first), "den som får underlag börjar först"
        if (feed.second, step_number) in order:
            assert slugs.index(feed.first) < order.index((feed.second, step_number)), "underlaget kommer i tid"
    for slug in set(slugs):
        numbers = [number for s, number in order if s == slug and number]
        assert numbers == sorted(numbers), f"{slug}: stegen i fel ordning"


def test_every_path_step_links_to_the_step_on_the_method_page(built_site, handbook):
    article = content(page(built_site, "metoder/arbetsgangar/"))
    for worked_path in handbook.worked_paths:
        section = article.find(id=worked_path.id)
        links = section.find_next("div", class_="vl-path").select(":scope > ol > li strong a, :scope > ol > li > p > a")
        assert len(links) >= len(worked_path.steps)
        for link in links:
            slug, _, anchor = link["href"].rstrip("/").partition("/#")
            target = page(built_site, f"metoder/{slug.strip('./').split('/')[-1]}/")
            if anchor:
                assert target.find(id=anchor) is not None, link["href"]
