"""The print edition's document (verktygsladan/downloads/print_edition.py) before it becomes a PDF."""

from __future__ import annotations

import re

from verktygsladan.content.glossary import abbreviations
from verktygsladan.downloads.print_edition import _document


def test_every_link_inside_the_print_edition_leads_to_a_place_in_it(handbook):
    # WeasyPrint leaves a link to a missing place out of the PDF with only a log line,
    # so a reader would find a dead "see Steg för steg" on paper.
    document = _document(handbook, abbreviations(handbook.glossary), "")
    ids = set(re.findall(r'\bid="([^"]+)"', document))
    targets = re.findall(r'href="#([^"]*)"', document)
    assert targets, "Utskriftsutgåvan har inga interna länkar att pröva."
    missing = sorted({target for target in targets if target not in ids})
    assert missing == [], f"Länkar till ställen som saknas i utskriftsutgåvan: {missing}"
    # Each chapter's places are its own: a heading id appears once in the whole book.
    assert len(re.findall(r'\bid="', document)) == len(ids)
