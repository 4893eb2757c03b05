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

    def applies_to(self, document: Document) -> bool:
        return document.has_tables or not self.only_for_tables

    def write(self, document: Document) -> bytes:
        # Imported on first use: WeasyPrint and friends are slow to import and
        # `make check` never needs them.
        return importlib.import_module(f".{self.writer_module}", __package__).write(document)


FORMATS: tuple[Format, ...] = (
    Format("docx", "Word", "Word-dokument", "docx_writer"),
    Format("odt", "OpenDocument", "OpenDocument-dokument", "odt_writer"),
    Format("pdf", "PDF", "PDF", "pdf_writer"),
    Format("xlsx", "Excel", "Excel-fil", "xlsx_writer", only_for_tables=True),
)

ZIP = Format("zip", "ZIP", "ZIP-fil", "")


def format_for(path: str) -> Format:
    extension = path.rsplit(".", 1)[-1]
    return next((f for f in (*FORMATS, ZIP) if f.extension == extension))
