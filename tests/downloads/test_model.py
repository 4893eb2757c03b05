"""What goes into every download, whatever its format: identity, title and footer."""

from __future__ import annotations

from verktygsladan.downloads.model import IDENTITY_FIELDS, IDENTITY_HEADING, cell_name, documents_for, method_page_url


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


def test_checklist_items_carry_their_phase_by_name_and_a_template_whether_it_is_printed_large(corpus_project):
    from corpus_edits import give_phases_and_print_large
    from verktygsladan.content import load_handbook

    phase_ids = give_phases_and_print_large(corpus_project)
    handbook = load_handbook(corpus_project)
    method = handbook.method("exempel")
    template, checklist = documents_for(method, handbook)
    assert template.print_large and not checklist.print_large
    by_id = [item.phase for item in method.checklists[0].items]
    assert set(by_id) == set(phase_ids)
    assert [item.phase for item in checklist.items] == [handbook.vocabulary.name("phases", p) for p in by_id]


def test_every_real_item_has_its_phase_or_none(handbook):
    checked = 0
    for method in handbook.methods:
        for source, document in zip(method.checklists, (d for d in documents_for(method, handbook) if d.is_checklist)):
            expected = [handbook.vocabulary.name("phases", item.phase) if item.phase else None for item in source.items]
            assert [item.phase for item in document.items][:len(expected)] == expected, document.id
            checked += 1
    assert checked


def test_a_cell_named_by_a_question_gets_no_comma_after_the_question_mark():
    assert cell_name("Trygghet", "Nuläge") == "Trygghet, Nuläge"
    assert cell_name("Passar insatsen de behov vi har?", "Insats A") == "Passar insatsen de behov vi har? Insats A"
