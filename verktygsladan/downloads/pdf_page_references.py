"""Keeps WeasyPrint's PDF writing linear in the number of pages.

WeasyPrint writes every structure tag and bookmark of a tagged PDF with a
reference to its page, which it looks up in pydyf's `PDF.page_references`.
In pydyf 0.13.0 that property builds a new tuple of every page's reference
on each lookup, so writing a book costs (tags × pages): about 1 s of the
print edition's 14.6 s at 8 methods and 42 s of its 156 s at 50; the cold
build at 200 methods (a print edition of about 4,000 pages) took 1112 s
before this patch and 653 s after (benchmarks/README.md).

`remember_page_references` replaces the property with one that builds the
tuple once per number of pages. Pages are only ever appended to the page
tree, so the tuple is the same as the one pydyf would build, and the PDF's
bytes do not change (tests/downloads/test_pdf_page_references.py compares
them). It only patches the pydyf version it was checked against: after an
upgrade the test fails until someone has looked at the new version.
"""

from __future__ import annotations

import pydyf

CHECKED_PYDYF = "0.13.0"
_original = pydyf.PDF.page_references


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    remembered = pdf.__dict__.get("_page_references")
    if remembered is None or remembered[0] != len(kids):
        remembered = pdf.__dict__["_page_references"] = (len(kids), _original.fget(pdf))
    return remembered[1]


def remember_page_references() -> bool:
    """Patch pydyf (once, for the version checked); returns whether the patch is in place."""
    if pydyf.__version__ != CHECKED_PYDYF:
        return False
    pydyf.PDF.page_references = property(_page_references)
    return True


def forget_page_references() -> None:
    """Put pydyf's own property back (for the test that compares both)."""
    pydyf.PDF.page_references = _original
