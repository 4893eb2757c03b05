"""The patch that keeps WeasyPrint's PDF writing linear in pages (verktygsladan/downloads/pdf_page_references.py)."""

from __future__ import annotations

import dataclasses

import pydyf
import pytest

from verktygsladan.content.glossary import abbreviations
from verktygsladan.downloads import pdf_page_references
from verktygsladan.downloads.print_edition import _document, _pdf

from poppler import pdf_objects


@pytest.fixture
def book(handbook) -> str:
    # Two real chapters: some forty pages with headings, lists, tables and links, each one tagged.
    shorter = dataclasses.replace(handbook, methods=handbook.methods[:2])
    return _document(shorter, abbreviations(handbook.glossary), "https://example.org/")


def test_the_patch_is_in_place_for_the_pinned_pydyf():
    # Fails after a pydyf upgrade: check whether the new version still rebuilds the tuple on
    # every lookup, then update CHECKED_PYDYF (or remove the patch if pydyf now remembers it).
    assert pydyf.__version__ == pdf_page_references.CHECKED_PYDYF
    assert pdf_page_references.remember_page_references()
    assert pydyf.PDF.page_references is not pdf_page_references._original


def test_the_pdf_is_byte_for_byte_what_pydyf_alone_writes(book):
    patched = _pdf(book)
    pdf_page_references.forget_page_references()
    try:
        plain = _pdf(book)
    finally:
        pdf_page_references.remember_page_references()
    assert "/StructTreeRoot" in pdf_objects(plain)
    assert patched == plain


def test_the_page_list_is_built_once_per_number_of_pages_not_once_per_tag(book, monkeypatch):
    built, lookups = [], []
    original, patched = pdf_page_references._original, pydyf.PDF.page_references

    def building(pdf):
        built.append(len(pdf.pages["Kids"]) // 3)
        return original.fget(pdf)

    def looking_up(pdf):
        lookups.append(1)
        return patched.fget(pdf)

    monkeypatch.setattr(pdf_page_references, "_original", property(building))
    monkeypatch.setattr(pydyf.PDF, "page_references", property(looking_up))
    _pdf(book)
    # Every tag and bookmark looks its page up; pydyf alone would build the whole list each time.
    assert built and built[-1] > 10 and len(lookups) > 20 * built[-1], (built, len(lookups))
    # With the patch, once for each number of pages it is asked at (all pages exist before the tags).
    assert built == sorted(set(built)) and len(built) <= 2, built
