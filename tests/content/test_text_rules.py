"""The one rule for markup, links and images in content text."""

from __future__ import annotations

import pytest

from verktygsladan.content.text_rules import (
    MAX_BRACKETS,
    MAX_FINDINGS_WITH_LINE,
    inert_markdown,
    is_local_resource,
    is_safe_href,
    link_target,
    markdown_problems,
    plain_text_problems,
)


def problems(text: str, *, internal_links: bool = True, headings_from: int | None = 3):
    return markdown_problems(text, headings_from=headings_from, internal_links=internal_links)


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
                                  "javascript&#58;alert(1)", "java\tscript:alert(1)", " javascript:x",
                                  "vbscript:x", "data:text/html,x", "//annan.example/x", "\\\\annan.example\\x"])
def test_script_data_and_protocol_relative_addresses_are_never_safe(href):
    assert not is_safe_href(href)
    assert link_target(href, internal=True) is None


@pytest.mark.parametrize("href, kind", [("https://www.boverket.se/", "web"), ("http://example.org", "web"),
                                        ("mailto:plan@example.org", "mail"), ("#syfte", "anchor"),
                                        ("seniorperspektiv.md", "method"), ("seniorperspektiv.md#steg", "method"),
                                        ("../ordlista.md", "page"), ("metodvaljare.md", "page")])
def test_allowed_link_forms(href, kind):
    assert is_safe_href(href)
    assert link_target(href, internal=True).kind == kind


@pytest.mark.parametrize("href", ["../../mkdocs.yml", "mapp/fil.md", "bild.png", "/metoder/x/", "https://", "#",
                                  "../metoder/x.md", "Seniorperspektiv.md"])
def test_other_relative_addresses_are_not_links_content_may_make(href):
    assert link_target(href, internal=True) is None


def test_glossary_and_vocabulary_may_only_link_to_the_web():
    assert link_target("https://example.org", internal=False).kind == "web"
    for href in ("#syfte", "seniorperspektiv.md", "../ordlista.md"):
        assert link_target(href, internal=False) is None


def test_a_link_to_a_handbook_page_resolves_against_the_method_folder():
    assert link_target("metodvaljare.md#fraga", internal=True).page == "metoder/metodvaljare.md"
    assert link_target("../ordlista.md", internal=True).page == "ordlista.md"
    assert link_target("annan-metod.md#steg", internal=True).fragment == "steg"


def test_only_local_images_count_as_local():
    assert is_local_resource("bild.png") and is_local_resource("../assets/x.svg")
    for src in ("https://annan.example/x.png", "//annan.example/x.png", "data:image/png;base64,AA"):
        assert not is_local_resource(src)


def test_inert_markdown_turns_every_tag_start_into_text_and_leaves_comparisons():
    assert inert_markdown("<script>x</script> <!-- a --> <?php") == "&lt;script>x&lt;/script> &lt;!-- a --> &lt;?php"
    assert inert_markdown("barn < 18 & vuxna > 65, <5 år") == "barn < 18 & vuxna > 65, <5 år"


def test_plain_text_with_markup_is_refused_and_comparisons_are_not():
    assert [message.split(")")[0] for _, message in plain_text_problems('a"></title><b>')] == [
        "Texten innehåller HTML-kod (</title>", "Texten innehåller HTML-kod (<b>"]
    assert plain_text_problems('Barn & unga "nu" <18 år > 3') == []


def test_a_split_link_is_reported_on_the_line_where_its_target_is():
    found, _ = problems("Första raden.\n\nSe [här](\njavascript:alert(1)) nu.")
    assert [line for line, _ in found] == [3]


def test_a_reference_link_is_reported_where_it_is_used():
    found, _ = problems("Rad ett.\n\nSe [här][1].\n\nMer.\n\n[1]: javascript:alert(1)")
    assert [line for line, _ in found] == [2]


def test_an_unused_reference_definition_is_checked_too():
    # Another field on the same page could use it: the page has one set of references.
    found, _ = problems("Text.\n\n[x]: data:text/html,hej")
    assert [line for line, _ in found] == [2]
    assert "data:text/html,hej" in found[0][1]


def test_equal_links_each_get_their_own_line():
    found, _ = problems("[a](javascript:1)\n\n[a](javascript:1)")
    assert [line for line, _ in found] == [0, 2]


def test_internal_links_are_returned_with_their_line_for_the_page_check():
    _, links = problems("Text.\n\nSe [SKA](social-konsekvensanalys.md#steg-for-steg) och [syfte](#syfte).")
    assert [(link.line_index, link.target.kind, link.target.fragment) for link in links] == [
        (2, "method", "steg-for-steg"), (2, "anchor", "syfte")]


def test_images_are_refused_wherever_they_come_from():
    for text in ("![karta](https://annan.example/k.png)", "![karta](karta.png)", "![karta][k]\n\n[k]: karta.png"):
        found, _ = problems(text)
        assert len(found) == 1 and found[0][1].startswith("Texten innehåller en bild"), text


def test_attribute_lists_are_refused_also_where_they_would_apply_only_on_the_page():
    for text in ("Text.\n{: onclick=x }", "{: onclick=x }", "Text { .klass }", "# Rubrik { #id }"):
        found, _ = problems(text, headings_from=1)
        assert any("attributlista" in message for _, message in found), text


def test_huge_or_deep_text_is_refused_before_it_is_parsed():
    assert "hakparenteser" in problems("[" * (MAX_BRACKETS + 1))[0][0][1]
    assert "Stycket är" in problems("ord " * 1500)[0][0][1]
    assert "nivåer" in problems("1. " * 50 + "x")[0][0][1]
    assert "nivåer" in problems("- a\n" + " " * 40 + "- b")[0][0][1]


def test_a_text_full_of_bad_links_reports_the_first_ones_and_says_there_are_more():
    found, _ = problems(" ".join(f"[x](javascript:{n})" for n in range(MAX_FINDINGS_WITH_LINE + 5)))
    assert len(found) == MAX_FINDINGS_WITH_LINE + 1
    assert "bara de 10 första visas" in found[-1][1]
