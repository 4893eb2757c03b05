"""Kommunutgåvor: one regional handbook, and an edition of it for each organisation that adopts it.

An edition is a folder, inside this repository (editions/<namn>/) or in the
organisation's own:

    utgava.yml                  the edition's settings (`EditionSettings`)
    logo.svg                    optional, named in utgava.yml
    metoder/<metod>.yml         local additions to a regional method (`LocalAdditions`)
    metoder/<mapp>/             a local method, laid out like methods/<mapp>/

The edition is applied once, to the handbook model (`apply_edition`), before
any page or download is made: the writers see a handbook whose methods may
carry `local` additions or be `is_local`, and never read an edition folder.
The regional text itself is never changed; local content stays apart so that
readers always see which is which, and regional updates never conflict with
an edition's files.
"""

from __future__ import annotations

import csv
import difflib
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..site_layout import RESERVED_NAMES
from .colour import HEX_COLOUR, MIN_TEXT_CONTRAST, WHITE, contrast_ratio, swedish_ratio
from .errors import FieldPath, Report, join_swedish
from .fields import IDENTIFIER, Choice, Context, Date, Identifier, ListOf, Markdown, Nested, Record, Text, Url
from .files import link_problem
from .logo_file import logo_problems
from .schema import Example, Method
from .yaml_source import INVALID, load_yaml

EDITION_FILE = "utgava.yml"
LOCAL_DIR = "metoder"
EDITIONS_DIR = "editions"
KOMMUNKODER_FILE = Path(__file__).resolve().parent.parent.parent / EDITIONS_DIR / "kommunkoder.csv"
EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s]+"
PHONE = r"\+?[0-9][0-9 ()-]{4,19}"
# Reporting a problem must not require an account on a platform (DIGG's guidance on the
# tillgänglighetsredogörelse asks for a way to reach the organisation itself).
_NOT_A_CONTACT_ROUTE = ("github.com", "gitlab.com")


class ContactRoute(Record):
    label = "En kontaktväg"
    email = Text("E-post", max_length=120, pattern=EMAIL, example="planering@kommunen.se", required=False)
    phone = Text("Telefon", max_length=20, pattern=PHONE, example="0302-52 10 00", required=False)
    web_form = Url("Webbformulär", required=False, help="En sida där vem som helst kan skriva till er utan konto.")

    def check(self, path: FieldPath, ctx: Context) -> None:
        if not (self.email or self.phone or self.web_form):
            ctx.error(path, "Ange minst en kontaktväg: \"email\", \"phone\" eller \"web_form\".")
        if self.web_form and any(host in self.web_form.lower() for host in _NOT_A_CONTACT_ROUTE):
            ctx.error(path + ("web_form",), "Ett ärende på GitHub eller GitLab kräver ett konto och är ingen "
                                            "kontaktväg för alla. Ange ett webbformulär hos er, en e-postadress "
                                            "eller ett telefonnummer.")


class Logo(Record):
    label = "Logotyp"
    file = Text("Fil", max_length=120, help="En SVG- eller PNG-fil i utgåvans mapp, till exempel \"logo.svg\".")
    alt = Text("Alternativtext", max_length=120, help="Vad logotypen säger, till exempel \"Lerums kommun\".")


class MethodSelection(Record):
    label = "Vilka regionala metoder utgåvan har med"
    include = ListOf(Identifier("Metod"), "Bara de här", unique=True, required=False,
                     help="Mappnamn under methods/. Utelämna för att ta med alla.")
    exclude = ListOf(Identifier("Metod"), "Alla utom de här", unique=True, required=False,
                     help="Mappnamn under methods/.")

    def check(self, path: FieldPath, ctx: Context) -> None:
        if self.include and self.exclude:
            ctx.error(path, "Ange antingen \"include\" eller \"exclude\", inte båda.")


class EditionSettings(Record):
    """utgava.yml."""

    label = "Utgåvans inställningar"
    name = Text("Organisationens namn", max_length=80, help="Som det ska stå i rubriker, till exempel \"Lerums kommun\".")
    organisation_type = Choice("Typ av organisation", vocabulary="organisation_types")
    kommunkod = Text("Kommunkod", pattern=r"\d{4}", example="1441", required=False,
                     help="SCB:s fyrsiffriga kod. Obligatorisk för en kommun.")
    publisher = Text("Utgivare", max_length=160, help="Den som ansvarar för webbplatsen och dess "
                                                      "tillgänglighetsredogörelse, till exempel en förvaltning.")
    contact = Nested(ContactRoute, "Kontakt", help="Hur läsare når utgivaren, också för att rapportera brister i "
                                                   "tillgängligheten. Visas i sidfoten och i redogörelsen.")
    site_url = Url("Webbplatsens adress")
    edit_url = Url("Adress för att redigera", required=False,
                   help="Adressen till utgåvans mapp i redigeringsläget, som länken \"Redigera sidan\" börjar "
                        "med: till exempel https://github.com/kommunen/handbok/edit/main/ när utgåvan ligger "
                        "överst i förrådet. Utelämna för att inte visa någon sådan länk.")
    logo = Nested(Logo, "Logotyp", required=False)
    brand_colour = Text("Profilfärg", pattern=HEX_COLOUR.pattern, example="#0B5394", required=False,
                        help="Bakgrund i sidhuvudet. Vit text på den måste ha kontrasten 4,5:1.")
    methods = Nested(MethodSelection, "Regionala metoder", required=False)

    def check(self, path: FieldPath, ctx: Context) -> None:
        # An example edition (folder name starting with _, never published) is for an invented
        # kommun, which has no code of its own.
        example = Path(ctx.doc.file).parent.name.startswith("_")
        if self.organisation_type == "kommun" and not self.kommunkod and not example:
            ctx.error(path + ("kommunkod",), "En kommun anger sin kommunkod: SCB:s fyra siffror, till exempel "
                                             "\"1441\".")
        if self.kommunkod:
            codes = kommunkoder()
            if self.kommunkod not in codes:
                guess = [code for code, name in codes.items() if name.casefold() in self.name.casefold()]
                hint = f" Menade du \"{guess[0]}\" ({codes[guess[0]]})?" if guess else ""
                ctx.error(path + ("kommunkod",), f"\"{self.kommunkod}\" finns inte i SCB:s lista över kommunkoder "
                                                 f"(editions/kommunkoder.csv).{hint}")
        if self.brand_colour:
            ratio = contrast_ratio(WHITE, self.brand_colour)
            if ratio < MIN_TEXT_CONTRAST:
                ctx.error(path + ("brand_colour",), f"Vit text på {self.brand_colour} har kontrasten "
                                                    f"{swedish_ratio(ratio)}, men måste ha minst 4,5:1 (WCAG 1.4.3). "
                                                    "Välj en mörkare färg.")


class LocalContact(Record):
    label = "En kontakt"
    role = Text("Roll eller förvaltning", max_length=120, help="Aldrig en namngiven person.")
    email = Text("E-post", max_length=120, pattern=EMAIL, example="planering@kommunen.se", required=False)
    phone = Text("Telefon", max_length=20, pattern=PHONE, example="0302-52 10 00", required=False)
    url = Url("Webbsida", required=False)

    def check(self, path: FieldPath, ctx: Context) -> None:
        if not (self.email or self.phone or self.url):
            ctx.error(path, "Ange en arbetsadress för kontakten: \"email\", \"phone\" eller \"url\".")


class LocalDocument(Record):
    label = "Ett lokalt dokument"
    title = Text("Titel", max_length=160)
    url = Url("Webbadress")
    date = Date("Datum", help="När dokumentet antogs eller daterades.")
    description = Markdown("Om dokumentet", required=False)


class StepNote(Record):
    label = "En anteckning till ett steg"
    step = Identifier("Steg", help="Stegets id i den regionala metoden.")
    note = Markdown("Anteckning")


class LocalChecklistItem(Record):
    label = "En lokal punkt i en checklista"
    checklist = Identifier("Checklista", help="Checklistans id i den regionala metoden.")
    text = Text("Punkt", max_length=300)
    level = Choice("Kravnivå", vocabulary="checklist_levels", required=False)


class LocalAdditions(Record):
    """metoder/<metod>.yml in an edition folder."""

    label = "Lokala tillägg till en metod"
    introduction = Markdown("Lokal inledning", required=False, headings_from=3,
                            help="Hur metoden används i er organisation.")
    contacts = ListOf(Nested(LocalContact, "Kontakt"), "Kontakter", required=False)
    documents = ListOf(Nested(LocalDocument, "Dokument"), "Lokala dokument", required=False,
                       help="Till exempel kommunens antagna riktlinjer.")
    examples = ListOf(Nested(Example, "Exempel"), "Lokala exempel", required=False)
    step_notes = ListOf(Nested(StepNote, "Anteckning"), "Anteckningar till steg", required=False)
    checklist_items = ListOf(Nested(LocalChecklistItem, "Punkt"), "Lokala checklistpunkter", required=False)

    # Set by the loader.
    source_file: str
    path: Path

    def check(self, path: FieldPath, ctx: Context) -> None:
        if not any(value for _, value in self):
            ctx.error(path, "Filen har inga lokala tillägg. Lägg till något eller ta bort filen.")


@dataclass
class Edition:
    """A loaded edition: its settings, its folder and what it adds."""

    settings: EditionSettings
    folder: Path
    display: str  # how messages name the folder
    additions: dict[str, LocalAdditions] = field(default_factory=dict)
    local_methods: list[Method] = field(default_factory=list)
    local_sources: dict = field(default_factory=dict)  # slug → SourceDocument, for the checks across methods

    @property
    def name(self) -> str:
        return self.settings.name

    def logo_path(self) -> Path | None:
        return self.folder / self.settings.logo.file if self.settings.logo else None

    def settings_files(self) -> list[Path]:
        """What every page and download of the edition depends on: the settings and the logo."""
        return [self.folder / EDITION_FILE, *([self.logo_path()] if self.settings.logo else [])]


@cache
def kommunkoder() -> dict[str, str]:
    """SCB's kommunkoder, code → name (editions/kommunkoder.csv; source in editions/README.md)."""
    with KOMMUNKODER_FILE.open(encoding="utf-8", newline="") as file:
        return {row["kommunkod"]: row["kommun"] for row in csv.DictReader(file)}


def find_edition_folder(root: Path, name_or_path: str, report: Report) -> Path | None:
    """UTGAVA=<path or name>: a folder anywhere, or editions/<name> in this repository."""
    for candidate in (Path(name_or_path).expanduser(), root / EDITIONS_DIR / name_or_path):
        if candidate.is_dir() or candidate.is_symlink():
            return candidate.absolute()
    known = sorted(p.name for p in (root / EDITIONS_DIR).iterdir() if p.is_dir()) if (root / EDITIONS_DIR).is_dir() else []
    report.error(name_or_path, f"Utgåvan finns inte: varken mappen \"{name_or_path}\" eller {EDITIONS_DIR}/{name_or_path} "
                               f"finns.{_closest(name_or_path, known)} Utgåvor i förrådet: "
                               f"{join_swedish(known) if known else 'inga'}.")
    return None


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the person running the build reads it: inside the repository relative to it
    (as in every other message), elsewhere relative to where they are."""
    if root is not None and path.absolute().is_relative_to(root.absolute()):
        return path.absolute().relative_to(root.absolute()).as_posix()
    relative = os.path.relpath(path, Path.cwd())
    return relative if not relative.startswith("../../..") else str(path)


def load_edition(folder: Path, regional: list[Method], vocabulary, report: Report,
                 load_method_folder, root: Path | None = None) -> Edition | None:
    """Read an edition folder. `load_method_folder` loads a local method like a regional one."""
    display = display_path(folder, root)
    if link_problem(folder, display, report, folder=True):
        return None
    if not (folder / EDITION_FILE).is_file() and not (folder / EDITION_FILE).is_symlink():
        report.error(display, f"Mappen är ingen utgåva: filen {EDITION_FILE} saknas. Skapa en utgåva med "
                              "make new-edition NAMN=\"…\".")
        return None
    settings_file = f"{display}/{EDITION_FILE}"
    doc = load_yaml(folder / EDITION_FILE, settings_file, report)
    if doc is None:
        return None
    settings = EditionSettings.parse(doc.data, (), Context(doc, report, vocabulary))
    if settings is INVALID:
        return None
    edition = Edition(settings, folder, display)
    regional_slugs = [m.slug for m in regional]
    _check_logo(edition, doc, report)
    _check_selection(settings, doc, regional_slugs, report)
    local_dir = folder / LOCAL_DIR
    if link_problem(local_dir, f"{display}/{LOCAL_DIR}", report, folder=True) or not local_dir.is_dir():
        return edition
    for entry in sorted(local_dir.iterdir()):
        shown = f"{display}/{LOCAL_DIR}/{entry.name}"
        if link_problem(entry, shown, report, folder=entry.is_dir()) or entry.name.startswith((".", "_")):
            continue
        if entry.is_dir():
            loaded = _load_local_method(entry, shown, regional_slugs, vocabulary, report, load_method_folder)
            if loaded is not None:
                method, method_doc = loaded
                edition.local_methods.append(method)
                edition.local_sources[method.slug] = method_doc
        elif entry.suffix == ".yml":
            additions = _load_additions(entry, shown, regional, settings, vocabulary, report)
            if additions is not None:
                edition.additions[entry.stem] = additions
        else:
            report.error(shown, f"Okänd fil i {LOCAL_DIR}/. Här ligger <metod>.yml med lokala tillägg till en "
                                "regional metod och mappar med lokala metoder.")
    return edition


def _check_logo(edition: Edition, doc, report: Report) -> None:
    logo = edition.settings.logo
    if logo is None:
        return
    path = ("logo", "file")
    where = dict(line=doc.line_of(path), path=path)
    candidate = edition.folder / logo.file
    if "/" in logo.file or "\\" in logo.file or logo.file.startswith("."):
        report.error(doc.file, "Logotypen ska ligga direkt i utgåvans mapp: skriv bara filnamnet, till exempel "
                               "\"logo.svg\".", **where)
    elif link_problem(candidate, f"{edition.display}/{logo.file}", report):
        return
    elif not candidate.is_file():
        report.error(doc.file, f"Logotypen \"{logo.file}\" finns inte i {edition.display}/.", **where)
    else:
        for message in logo_problems(candidate):
            report.error(doc.file, message, **where)


def _check_selection(settings: EditionSettings, doc, regional_slugs: list[str], report: Report) -> None:
    if settings.methods is None:
        return
    for kind in ("include", "exclude"):
        for index, slug in enumerate(getattr(settings.methods, kind)):
            if slug not in regional_slugs:
                path = ("methods", kind, index)
                report.error(doc.file, f"Det finns ingen regional metod \"{slug}\".{_closest(slug, regional_slugs)} "
                                       f"Regionala metoder: {join_swedish(regional_slugs)}.",
                             line=doc.line_of(path), path=path)


def included(settings: EditionSettings, slug: str) -> bool:
    selection = settings.methods
    if selection is None:
        return True
    if selection.include:
        return slug in selection.include
    return slug not in selection.exclude


def _closest(wrong: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return f" Menade du \"{close[0]}\"?" if close else ""


def _load_local_method(folder: Path, shown: str, regional_slugs: list[str], vocabulary, report: Report,
                       load_method_folder) -> tuple[Method, object] | None:
    if not IDENTIFIER.fullmatch(folder.name):
        report.error(shown, f"Mappnamnet \"{folder.name}\" blir metodens webbadress och får bara innehålla små "
                            "bokstäver a–z (inte å, ä, ö), siffror och bindestreck.")
        return None
    if folder.name in regional_slugs:
        report.error(shown, f"Den lokala metoden har samma mappnamn som den regionala metoden i "
                            f"methods/{folder.name}/. Ge den lokala metoden ett eget namn, eller skriv lokala "
                            f"tillägg till den regionala metoden i {LOCAL_DIR}/{folder.name}.yml.")
        return None
    if folder.name in RESERVED_NAMES:
        report.error(shown, f"Mappnamnet \"{folder.name}\" är upptaget av en av handbokens egna sidor. Välj ett "
                            "annat mappnamn.")
        return None
    loaded = load_method_folder(folder, shown, vocabulary, report)
    if loaded is None:
        return None
    method, doc = loaded
    method.is_local = True
    return method, doc


def _load_additions(path: Path, shown: str, regional: list[Method], settings: EditionSettings, vocabulary,
                    report: Report) -> LocalAdditions | None:
    by_slug = {m.slug: m for m in regional}
    doc = load_yaml(path, shown, report)
    if doc is None:
        return None
    if path.stem not in by_slug:
        report.error(shown, f"Filen innehåller lokala tillägg till metoden \"{path.stem}\", men det finns ingen "
                            f"regional metod i methods/{path.stem}/.{_closest(path.stem, list(by_slug))} Om "
                            "metoden har bytt namn eller tagits bort i en uppdatering av handboken: byt namn på "
                            "filen efter metodens nya mappnamn, eller ta bort filen.")
        return None
    if not included(settings, path.stem):
        report.error(shown, f"Utgåvan har inte med metoden \"{path.stem}\" (se methods i {EDITION_FILE}), så de "
                            "lokala tilläggen skulle inte visas. Ta med metoden eller ta bort filen.")
        return None
    additions = LocalAdditions.parse(doc.data, (), Context(doc, report, vocabulary, internal_links=True))
    if additions is INVALID:
        return None
    additions.source_file = shown
    additions.path = path
    method = by_slug[path.stem]
    step_ids = [step.id for step in method.steps]
    for index, note in enumerate(additions.step_notes):
        if note.step not in step_ids:
            field_path = ("step_notes", index, "step")
            report.error(shown, f"Anteckningen hör till steget \"{note.step}\", men metoden i {method.source_file} "
                                f"har inget steg med det id:t.{_closest(note.step, step_ids)} Steget kan ha tagits "
                                "bort eller fått ett nytt id när handboken uppdaterades. Flytta anteckningen till "
                                f"ett av metodens steg ({join_swedish(step_ids)}) eller ta bort den.",
                         line=doc.line_of(field_path), path=field_path)
    checklist_ids = [c.id for c in method.checklists]
    for index, item in enumerate(additions.checklist_items):
        if item.checklist not in checklist_ids:
            field_path = ("checklist_items", index, "checklist")
            known = join_swedish(checklist_ids) if checklist_ids else "inga"
            report.error(shown, f"Punkten hör till checklistan \"{item.checklist}\", men metoden i "
                                f"{method.source_file} har ingen checklista med det id:t."
                                f"{_closest(item.checklist, checklist_ids)} Metodens checklistor: {known}.",
                         line=doc.line_of(field_path), path=field_path)
    return additions


def apply_edition(methods: list[Method], edition: Edition) -> list[Method]:
    """The methods of the edition: the regional ones it includes, with their local additions, then its own."""
    chosen = [m for m in methods if included(edition.settings, m.slug)]
    for method in chosen:
        method.local = edition.additions.get(method.slug)
    return chosen + edition.local_methods
