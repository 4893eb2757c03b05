"""`make new-method` and `make new-edition`: a new method or edition made from the commented examples
in methods/_exempel/ and editions/_exempel/."""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from pathlib import Path

import yaml

from .content.edition import EDITION_FILE, EDITIONS_DIR, kommunkoder
from .content.errors import Report
from .content.files import link_problem, read_text
from .content.library import METHOD_FILE, METHODS_DIR, TEXT_FILE, reserved_name_problem

EXAMPLE_DIR = "_exempel"
EXAMPLE_DATE = "2026-11-26"
EXAMPLE_IDS = {"exempelmall": "mall", "exempelchecklista": "checklista", "exempelindikator": "indikator"}
SHORT_TITLE_MAX = 48


class ScaffoldError(Exception):
    """Something the editor must fix, said in Swedish."""


def slug_for(title: str) -> str:
    """"Seniorperspektiv i samhällsplaneringen" → "seniorperspektiv-i-samhallsplaneringen"."""
    ascii_title = unicodedata.normalize("NFKD", title.casefold()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0]
    return slug


def new_method(root: Path, title: str, today: datetime.date | None = None) -> Path:
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("Ange metodens titel, till exempel: make new-method TITEL=\"Trygghetsvandring\"")
    slug = slug_for(title)
    if not slug:
        raise ScaffoldError(f"Titeln \"{title}\" ger inget mappnamn. Använd bokstäver eller siffror.")
    taken = reserved_name_problem(slug)
    if taken:
        raise ScaffoldError(f"Titeln \"{title}\" ger mappnamnet \"{slug}\". {taken} Ge metoden en längre titel.")
    methods = root / METHODS_DIR
    target = methods / slug
    if target.exists() or target.is_symlink():
        raise ScaffoldError(f"Det finns redan en metod i {METHODS_DIR}/{slug}/. Den skrivs inte över. "
                            "Välj en annan titel eller ändra den befintliga metoden.")
    date = (today or datetime.date.today()).isoformat()
    text = _read_example(methods / EXAMPLE_DIR / METHOD_FILE)
    text = text.replace("# EXEMPELMETOD – en mall att utgå från när du skriver en ny metod.",
                        f"# {title} – skapad {date} från exempelmetoden. Byt ut all exempeltext.")
    text = re.sub(r"^id: .*$", f"id: {slug}", text, count=1, flags=re.MULTILINE)
    text = _set_line(text, "title", title)
    short_title = title if len(title) <= SHORT_TITLE_MAX else title[:SHORT_TITLE_MAX].rsplit(" ", 1)[0]
    text = _set_line(text, "short_title", short_title)
    for example_id, kind in EXAMPLE_IDS.items():
        # Document ids must be unique in the whole handbook, so they carry the slug.
        text = re.sub(rf"\b{example_id}\b", f"{slug}-{kind}", text)
    text = text.replace(EXAMPLE_DATE, date)
    prose = _read_example(methods / EXAMPLE_DIR / TEXT_FILE)  # both read before anything is written
    target.mkdir()
    (target / METHOD_FILE).write_text(text, encoding="utf-8")
    (target / TEXT_FILE).write_text(prose, encoding="utf-8")
    return target


def _read_example(path: Path) -> str:
    report = Report()
    shown = path.relative_to(path.parent.parent.parent).as_posix()
    if path.parent.is_symlink():
        link_problem(path.parent, shown.rsplit("/", 1)[0], report, folder=True)
        raise ScaffoldError(report.render())
    text = read_text(path, shown, report)
    if text is None:
        raise ScaffoldError(report.render())
    return text


def _set_line(text: str, key: str, value: str) -> str:
    """Replace the top-level `key: …` line, quoting the value as YAML needs."""
    line = yaml.safe_dump({key: value}, allow_unicode=True, width=1000).strip()
    return re.sub(rf"^{key}: .*$", lambda _: line, text, count=1, flags=re.MULTILINE)


# --- make new-edition ---------------------------------------------------------

EXAMPLE_EDITION = "_exempel"
# What a kommun's name is called around its SCB name: "Lerums kommun", "Göteborgs Stad".
_AROUND_THE_NAME = re.compile(r"^(.*?)s? (kommun|stad)$", re.IGNORECASE)


def kommunkod_for(name: str) -> str | None:
    """SCB's code for an organisation named like a kommun ("Lerums kommun" → "1441"), if there is one."""
    match = _AROUND_THE_NAME.match(name.strip())
    candidates = {name.strip(), *([match.group(1), match.group(1) + "s"] if match else [])}
    codes = {kommun.casefold(): code for code, kommun in kommunkoder().items()}
    return next((codes[c.casefold()] for c in candidates if c.casefold() in codes), None)


def new_edition(root: Path, name: str, today: datetime.date | None = None, folder: Path | None = None) -> Path:
    """editions/<slug>/utgava.yml (or utgava.yml in `folder`, which must exist) from the commented
    example, with what can be known filled in.

    Addresses are left as sentences that fail the check, so that an edition
    is never published with an example's address by mistake.
    """
    name = " ".join(name.split())
    if not name:
        raise ScaffoldError("Ange organisationens namn, till exempel: make new-edition NAMN=\"Lerums kommun\"")
    slug = slug_for(name)
    if not slug or slug.startswith("_"):
        raise ScaffoldError(f"Namnet \"{name}\" ger inget mappnamn. Använd bokstäver eller siffror.")
    target = folder.absolute() if folder else root / EDITIONS_DIR / slug
    if folder and not target.is_dir():
        raise ScaffoldError(f"Mappen {folder} finns inte. Skapa den först, eller utelämna MAPP.")
    if (target / EDITION_FILE).exists() or (not folder and (target.exists() or target.is_symlink())):
        raise ScaffoldError(f"Det finns redan en utgåva i {target}. Den skrivs inte över.")
    text = _read_example(root / EDITIONS_DIR / EXAMPLE_EDITION / EDITION_FILE)
    date = (today or datetime.date.today()).isoformat()
    header_end = text.index("\n\n") + 2
    schema = os.path.relpath(root / EDITIONS_DIR / "utgava.schema.json", target)
    text = (f"# yaml-language-server: $schema={schema}\n#\n# {name}s utgåva av Verktygslådan, "
            f"skapad {date} från exempelutgåvan.\n# Varje fält har en kommentar som säger vad det är till för. "
            f"Kör make check UTGAVA={target.name if not folder else '…'}\n# när du har fyllt i, och make serve "
            "UTGAVA=… för att se utgåvan.\n\n") + text[header_end:]
    text = _set_line(text, "name", name)
    text = _set_line(text, "publisher", name)
    code = kommunkod_for(name)
    if code:
        text = re.sub(r'^# kommunkod: .*$', f'kommunkod: "{code}"', text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^# Exempelkommun finns inte.*\n(# .*\n)*?(# som börjar med _\) får utelämna den\.\n)", "",
                  text, count=1, flags=re.MULTILINE)
    text = text.replace("  email: planering@exempelkommun.example\n", "  email: skriv en e-postadress till er här\n")
    text = text.replace("  web_form: https://exempelkommun.example/kontakt\n", "")
    text = _set_line(text, "site_url", "skriv adressen där utgåvan ska publiceras här")
    text = re.sub(r"^edit_url: .*$", "# edit_url: https://github.com/kommunen/handbok/edit/main/", text,
                  count=1, flags=re.MULTILINE)
    text = re.sub(r"^logo:\n  file: .*\n  alt: .*$", "# logo:\n#   file: logo.svg\n#   alt: " + name, text,
                  count=1, flags=re.MULTILINE)
    text = re.sub(r'^brand_colour: .*$', '# brand_colour: "#1F5C3F"', text, count=1, flags=re.MULTILINE)
    target.mkdir(parents=True, exist_ok=bool(folder))
    (target / EDITION_FILE).write_text(text, encoding="utf-8")
    return target
