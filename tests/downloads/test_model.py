"""What goes into every download, whatever its format: identity, title and footer."""

from __future__ import annotations

from verktygsladan.downloads.model import IDENTITY_FIELDS, IDENTITY_HEADING, documents_for, method_page_url


def test_every_template_opens_with_an_identity_block_to_file_it_by(real_documents):
    templates = [d for d in real_documents if not d.is_checklist]
    assert templates
    for document in templates:
        first = document.sections[0]
        assert (first.heading, first.fill_in) == (IDENTITY_HEADING, IDENTITY_FIELDS), document.id
        assert first.filled == ()  # nothing is filled in in the regional handbook


def test_titles_are_the_documents_own(real_documents):
    for document in real_documents:
        assert not document.title.startswith(("Mall:", "Checklista:")), document.id


def test_a_footer_names_the_page_only_by_its_full_address(handbook):
    method = handbook.methods[0]
    without = documents_for(method, handbook)[0]
    assert without.page_url == "" and "metoder/" not in without.footer
    with_site = documents_for(method, handbook, "https://handbok.example/")[0]
    assert with_site.footer.endswith(f" · {method_page_url(method, 'https://handbok.example/')}")
    assert with_site.page_url == f"https://handbok.example/metoder/{method.slug}/"
