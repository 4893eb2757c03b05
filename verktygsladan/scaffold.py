"""`make new-method`: a new method folder made from the commented example in methods/_exempel/."""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

import yaml

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
