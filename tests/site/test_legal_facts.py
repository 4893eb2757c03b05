"""Legal facts as readers meet them on the site and in every download."""

from __future__ import annotations

import subprocess
import zipfile

from site_helpers import page, text

# Superseded or hedged facts that were checked and corrected: DIGG's föreskrift 5 § refers to
# EN 301 549 V3.2.1 (2021-03), and the new socialtjänstlag is in force as SFS 2025:400.
SUPERSEDED = ("V2.1.2", "enligt propositionen (prop. 2024/25:89) gäller", "SFS-nummer inte kontrollerat",
              "SFS-nummer har handboken inte kunnat kontrollera")


def _texts(built_site):
    """(file, its text) for every page, the search index and every download."""
    for path in sorted(built_site.rglob("*")):
        if path.suffix in (".html", ".json"):
            yield path, path.read_text(encoding="utf-8")
        elif path.suffix in (".docx", ".odt", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                yield path, " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                                     if name.endswith(".xml"))
        elif path.suffix == ".pdf":
            yield path, subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                       check=True).stdout


def test_no_page_or_download_repeats_a_corrected_legal_fact(built_site):
    checked = 0
    for path, content in _texts(built_site):
        checked += 1
        for old in SUPERSEDED:
            assert old not in content, f"{path.relative_to(built_site)} nämner {old}"
    assert checked > 50


def test_the_accessibility_statement_names_the_standard_digg_refers_to_with_its_source(built_site):
    article = page(built_site, "tillganglighet/").select_one("article")
    assert "EN 301 549 V3.2.1 (2021-03)" in text(article)
    assert article.select_one('a[href^="https://www.digg.se/"]') is not None
