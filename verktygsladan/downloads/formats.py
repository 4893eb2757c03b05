"""The download formats: one list, used by the generator, the pages and the tests."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from .model import Document


@dataclass(frozen=True)
class Format:
    extension: str
    name: str  # short, shown beside the size: "Word, 24 kB"
    description: str  # completes "Ladda ned … som …"
    writer_module: str
    only_for_tables: bool = False
    only_for_print_large: bool = False
    # Told apart from another format with the same extension by the end of the file name: "ska-matris-a3.pdf".
    suffix: str = ""
    writer_function: str = "write"

    def applies_to(self, document: Document) -> bool:
        if self.only_for_print_large and not document.print_large:
            return False
        return document.has_tables or not self.only_for_tables

    def file_name(self, document_id: str) -> str:
        return f"{document_id}{self.suffix}.{self.extension}"

    def write(self, document: Document) -> bytes:
        # Imported on first use: WeasyPrint and friends are slow to import and
        # `make check` never needs them.
        module = importlib.import_module(f".{self.writer_module}", __package__)
        return getattr(module, self.writer_function)(document)


FORMATS: tuple[Format, ...] = (
    Format("docx", "Word", "Word-dokument", "docx_writer"),
    Format("odt", "OpenDocument", "OpenDocument-dokument", "odt_writer"),
    Format("pdf", "PDF", "PDF", "pdf_writer"),
    Format("xlsx", "Excel", "Excel-fil", "xlsx_writer", only_for_tables=True),
    # A template that is printed large and worked on around a table, such as a matrix.
    Format("pdf", "PDF A3", "PDF i A3 liggande för utskrift i stort format", "pdf_writer",
           only_for_print_large=True, suffix="-a3", writer_function="write_large"),
)

def format_for(path: str) -> Format:
    """The format of a file, by its name's end: the longest suffix that matches."""
    candidates = [f for f in FORMATS if path.endswith(f"{f.suffix}.{f.extension}")]
    return max(candidates, key=lambda f: len(f.suffix))

