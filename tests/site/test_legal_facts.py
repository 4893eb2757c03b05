"""Legal facts as readers meet them on the site and in every download."""

from __future__ import annotations

import datetime
import subprocess
import zipfile


from site_helpers import page, text

# Superseded or hedged facts that were checked and corrected: DIGG's föreskrift 5 § refers to
# EN 301 549 V3.2.1 (2021-03), and the new socialtjänstlag is in force as SFS 2025:400.
SUPERSEDED = ("V2.1.2", "enligt propositionen gäller", "enligt propositionen (prop. 2024/25:89) gäller",
              "SFS-nummer inte kontrollerat",
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


def _legal_section(soup):
    """The elements between the heading "Juridik" and the next h2."""
    heading = next(h for h in soup.select("article h2") if text(h) == "Juridik")
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return parts


def test_every_legal_fact_on_a_method_page_is_dated_by_its_check_or_boxed_as_unchecked(built_site, handbook):
    """A date means somebody read the linked law text on that day, never after the page's own review;
    a fact nobody could check sits in a box that says so."""
    seen = 0
    for method in handbook.methods:
        if not method.legal_basis:
            continue
        soup = page(built_site, f"metoder/{method.slug}/")
        facts = {text(dt): text(dd) for dt, dd in zip(soup.select(".vl-facts dt"), soup.select(".vl-facts dd"))}
        reviewed = datetime.date.fromisoformat(facts["Senast granskad"])
        section = _legal_section(soup)
        section_text = " ".join(text(part) for part in section)
        boxes = [part for part in section if "admonition" in (part.get("class") or [])]
        links = {a["href"] for part in section for a in part.select("a[href]")}
        for basis in method.legal_basis:
            seen += 1
            if basis.as_of:
                assert f"Kontrollerad {basis.as_of.isoformat()} mot lagtexten eller vägledningen på" in section_text
                assert basis.as_of <= reviewed, f"{method.id}: {basis.section} kontrollerad efter sidans granskning"
                assert basis.url in links, f"{method.id}: {basis.section} länkar inte till texten den kontrollerades mot"
            else:
                box = [b for b in boxes if " ".join(basis.needs_check.split())[:60] in text(b)]
                assert box, f"{method.id}: {basis.section} är okontrollerad men visas inte i en ruta"
                assert text(box[0].select_one(".admonition-title")) == "Rättsläge att kontrollera"
                assert f"Läget när sidan granskades {reviewed.isoformat()}." in text(box[0])
    assert seen >= 8
