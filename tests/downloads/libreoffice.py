"""Opening downloads in LibreOffice, as a reader's office suite would, and reading what it prints."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import OFFICE_IMPORT_FILTERS as IMPORT_FILTERS


def print_to_pdf(tmp_path: Path, extension: str, files: dict[str, bytes]) -> dict[str, Path]:
    """Open each file in LibreOffice and print it to PDF; name → the PDF."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) saknas")
    paths = []
    for name, data in files.items():
        path = tmp_path / f"{name}.{extension}"
        path.write_bytes(data)
        paths.append(str(path))
    # A fresh profile per run: a profile left locked by another soffice would make this one wait or fail.
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profil", "--headless", "--norestore",
                    f"--infilter={IMPORT_FILTERS[extension]}", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *paths], check=True, capture_output=True, timeout=600)
    pdfs = {}
    for name in files:
        # soffice exits with 0 even when it could not load a file, so the PDF must exist.
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice kunde inte öppna {name}.{extension}"
        pdfs[name] = pdf
    return pdfs


def printed_text(pdf: Path, *, layout: bool = True) -> str:
    """The PDF's text with all whitespace squashed to single spaces; `layout` keeps a line's cells in order."""
    output = subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"],
                            check=True, capture_output=True, text=True).stdout
    return " ".join(output.split())


def recalculated_xlsx(tmp_path: Path, data: bytes) -> Path:
    """The workbook as LibreOffice Calc saves it after opening it: every formula worked out and its value stored."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) saknas")
    source = tmp_path / "ifylld.xlsx"
    source.write_bytes(data)
    out = tmp_path / "omraknad"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profil", "--headless", "--norestore",
                    f"--infilter={IMPORT_FILTERS['xlsx']}", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                    "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=600)
    result = out / source.name
    assert result.exists(), "LibreOffice kunde inte öppna kalkylarket"
    return result
