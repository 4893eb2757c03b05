"""The content model of a method: the single source of truth.

`Method` describes methods/<slug>/method.yml and `MethodText` describes the
sections of methods/<slug>/text.md. Validation, the typed objects that pages
are rendered from, and the JSON Schema published for editors are all derived
from these classes, so a field is added or renamed here and nowhere else.

Labels and help texts are Swedish because editors read them: in error
messages and as hover help in their editor.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from .errors import FieldPath
from .fields import (
    Boolean,
    Choice,
    Context,
    Date,
    Identifier,
    Integer,
    ListOf,
    Markdown,
    Nested,
    Record,
    Text,
    Url,
)

SUMMARY_MAX_LENGTH = 160
# The olikhetsindex (index of dissimilarity), D = ½ Σ |a_i/A − b_i/B|: the
# worked columns and the result row a table with `dissimilarity_index` gets.
DISSIMILARITY_COLUMNS = ("Andel av grupp A", "Andel av grupp B", "Skillnad i andel")
DISSIMILARITY_RESULT = "Olikhetsindex D = ½ × summan av skillnaderna"
# A paragraph sign or an article number: how a checklist item names its law.
_CITES_LAW = re.compile(r"§|\bart(ikel|\.)\s*\d", re.IGNORECASE)


def _choices(vocabulary: str, label: str, *, min_items: int = 1, help: str = "", required: bool = True) -> ListOf:
    return ListOf(Choice(label, vocabulary=vocabulary), label, min_items=min_items, unique=True,
                  help=help, required=required)


def _needs_check(what: str) -> Text:
    """The structured "this fact needs checking" marker: shown on the page as "Uppgift att kontrollera"
    and listed by `make review-report`, so nobody has to invent a convention in prose."""
    return Text("Uppgift att kontrollera", max_length=400, required=False,
                help=f"Vad i {what} som inte har gått att kontrollera mot en källa, och varför. Visas på sidan "
                     "som \"Uppgift att kontrollera\" och i make review-report. Ta bort fältet när uppgiften "
                     "är kontrollerad.")


def _paragraphs(label: str, *, min_items: int = 0, help: str = "", required: bool = False) -> ListOf:
    return ListOf(Markdown(label), label, min_items=min_items, help=help, required=required)


class Range(Record):
    label = "Ett intervall"
    min = Integer("Minst", minimum=0)
    max = Integer("Högst", minimum=0)

    def check(self, path: FieldPath, ctx: Context) -> None:
        if self.min > self.max:
            ctx.error(path + ("min",), f"\"min\" ({self.min}) är större än \"max\" ({self.max}).")


class People(Record):
    label = "Vem gör vad"
    lead = _choices("roles", "Leder arbetet", help="Roller eller förvaltningar som leder metoden.")
    participants = _choices("roles", "Deltar", min_items=0, required=False,
                            help="Roller, förvaltningar och grupper som deltar.")
    description = Markdown("Roller och ansvar", required=False,
                           help="Vad var och en gör, om det inte framgår av stegen.")


class Effort(Record):
    label = "Tidsåtgång och omfattning"
    weeks = Nested(Range, "Kalendertid i veckor", help="Hur många veckor arbetet brukar ta från start till resultat.")
    participants = Nested(Range, "Antal deltagare", help="Hur många personer som brukar delta.")
    note = Markdown("Om tidsåtgången", required=False, help="Till exempel arbetstimmar per deltagare.")
    needs_check = _needs_check("tidsåtgången")


class Step(Record):
    label = "Ett steg"
    id = Identifier("Id", help="Stabilt id för steget, unikt i metoden. Kommunutgåvor fäster sina anteckningar vid "
                               "det, så byt aldrig id på ett publicerat steg, inte ens om rubriken ändras.")
    title = Text("Rubrik", max_length=100)
    description = Markdown("Vad man gör", help="Konkret: vem gör vad, med vilket underlag, och vad som ska komma ut.")
    phase = Choice("Planeringsskede", vocabulary="phases", required=False,
                   help="Skedet i planeringen där steget görs. Visas i listan \"Så gör ni\" överst på sidan.")
    time = Text("Tidsåtgång", max_length=80, required=False, help="Till exempel \"2–3 timmar\" eller \"1 vecka\".")
    uses = ListOf(Identifier("Mall eller checklista"), "Mallar och checklistor som används", unique=True,
                  required=False, help="Id för mallar och checklistor i samma metod.")


class LegalBasis(Record):
    label = "En rättslig grund"
    law = Text("Lag", max_length=140, help="Lagens namn och SFS-nummer, till exempel \"Plan- och bygglagen (2010:900)\".")
    section = Text("Kapitel, paragraf eller artikel", max_length=80,
                   help="Till exempel \"5 kap. 2 §\" eller \"artikel 12\".")
    statement = Markdown("Vad som gäller", help="Vad bestämmelsen betyder för metoden, med egna ord.")
    url = Url("Länk till lagtext eller vägledning", required=False,
              help="Den gällande lagtexten (till exempel på riksdagen.se) eller myndighetens vägledning.")
    as_of = Date("Kontrollerad", required=False,
                 help="Den dag någon läste lagtexten eller vägledningen som länken pekar på och såg att uppgiften "
                      "stämmer. Skriv inget datum för en uppgift som ingen har kontrollerat: använd \"needs_check\".")
    needs_check = Text("Behöver kontrolleras", max_length=400, required=False,
                       help="Vad som inte har gått att kontrollera, och varför. Visas som en markerad ruta "
                            "\"Rättsläge att kontrollera\" på sidan. Används i stället för \"as_of\".")

    def check(self, path: FieldPath, ctx: Context) -> None:
        # A date says "somebody read the law text on this day"; an unchecked fact
        # must say so instead of borrowing a date (issue 15).
        if self.as_of and self.needs_check:
            ctx.error(path + ("needs_check",), "Ange antingen \"as_of\" (uppgiften är kontrollerad) eller "
                                               "\"needs_check\" (den behöver kontrolleras), inte båda.")
        elif not self.as_of and not self.needs_check:
            ctx.error(path, "Ange \"as_of\" med dagen då uppgiften kontrollerades mot lagtexten, eller "
                            "\"needs_check\" med vad som behöver kontrolleras.")
        if self.as_of and not self.url:
            ctx.error(path + ("as_of",), "En kontrollerad uppgift behöver \"url\" till lagtexten eller vägledningen "
                                         "som den kontrollerades mot.")


class Example(Record):
    label = "Ett exempel"
    municipality = Text("Kommun eller organisation", max_length=100)
    year = Integer("År", minimum=1900, maximum=2100)
    description = Markdown("Vad som gjordes")
    source_url = Url("Källa", help="Var exemplet är beskrivet. Exempel utan källa publiceras inte.")


class ChecklistItem(Record):
    label = "En punkt i checklistan"
    text = Text("Punkt", max_length=300)
    level = Choice("Kravnivå", vocabulary="checklist_levels", required=False,
                   help="\"lagkrav\" för det som lagen kräver (säg vilken lag och paragraf), \"karna\" för metodens "
                        "egna kärnpunkter och \"bor\" för rekommendationer.")
    phase = Choice("Planeringsskede", vocabulary="phases", required=False,
                   help="Skedet då punkten ska vara klar. Punkterna grupperas efter skede på sidan och i nedladdningarna.")

    def check(self, path: FieldPath, ctx: Context) -> None:
        # A planner acts on "Lagkrav" as law; the item itself must say which law.
        if self.level == "lagkrav" and not _CITES_LAW.search(self.text):
            ctx.error(path + ("level",), "En punkt med nivån Lagkrav ska säga vilken lag och paragraf eller artikel "
                                         "den bygger på, till exempel \"(PBL 4 kap. 33 §)\". Är punkten inget krav "
                                         "i lag, välj \"karna\" eller \"bor\".")


class Checklist(Record):
    label = "En checklista"
    id = Identifier("Id", help="Unikt i hela handboken. Används i filnamn för nedladdningar.")
    title = Text("Rubrik", max_length=120)
    description = Markdown("Om checklistan", required=False)
    items = ListOf(Nested(ChecklistItem, "Punkt"), "Punkter", min_items=1)

    def check(self, path: FieldPath, ctx: Context) -> None:
        # The page groups the items by phase and the downloads list them in the
        # same order, so the file's order must already be the phases' order.
        phases = [item.phase for item in self.items]
        if not any(phases):
            return
        order = list(ctx.vocabulary.terms("phases"))
        for number, item in enumerate(self.items):
            if not item.phase:
                ctx.error(path + ("items", number), "Punkten saknar \"phase\". Ange skede för alla punkter i "
                                                   "checklistan, eller för ingen.")
            elif number and {item.phase, phases[number - 1]} <= set(order) and order.index(item.phase) < order.index(phases[number - 1]):
                ctx.error(path + ("items", number, "phase"),
                          f"Punkten hör till skedet \"{ctx.vocabulary.name('phases', item.phase)}\", som kommer före "
                          f"\"{ctx.vocabulary.name('phases', phases[number - 1])}\" i punkten ovanför. Ordna punkterna "
                          "efter skede, i samma ordning som i methods/vocabulary.yml.")


class TemplateTable(Record):
    label = "En tabell att fylla i"
    columns = ListOf(Text("Kolumnrubrik", max_length=80), "Kolumner", min_items=1)
    row_headings = ListOf(Text("Radrubrik", max_length=120), "Förifyllda radrubriker", required=False,
                          help="Text i första kolumnen, en per rad.")
    empty_rows = Integer("Tomma rader", minimum=0, maximum=50, required=False,
                         help="Antal tomma rader att skriva i, utöver raderna med rubrik.")
    dissimilarity_index = Boolean("Räknar ut olikhetsindex", required=False,
                                  help="true för en tabell med tre kolumner: delområde, antal i grupp A och antal i "
                                       "grupp B. Tabellen får då kolumner för andelarna och en sista rad för "
                                       "olikhetsindex, som kalkylarket räknar ut själv.")

    def check(self, path: FieldPath, ctx: Context) -> None:
        if not self.row_headings and not self.empty_rows:
            ctx.error(path, "Tabellen har inga rader. Ange \"row_headings\" eller \"empty_rows\".")
        if self.dissimilarity_index and len(self.columns) != 3:
            ctx.error(path + ("columns",), "En tabell som räknar ut olikhetsindex ska ha exakt tre kolumner: "
                                           "delområde, antal i grupp A och antal i grupp B. Andelarna läggs till "
                                           "av sig själva.")

    @property
    def all_columns(self) -> tuple[str, ...]:
        """The editor's columns, and the worked columns a calculation adds after them."""
        return tuple(self.columns) + (DISSIMILARITY_COLUMNS if self.dissimilarity_index else ())

    @property
    def result_row(self) -> str:
        return DISSIMILARITY_RESULT if self.dissimilarity_index else ""


class TemplateSection(Record):
    label = "Ett avsnitt i mallen"
    heading = Text("Rubrik", max_length=120)
    guidance = Markdown("Vägledning", required=False, help="Hjälptext till den som fyller i.")
    fill_in = ListOf(Text("Fält", max_length=120), "Fält att fylla i", required=False,
                     help="Rubriker för fält som den som fyller i skriver en text i.")
    table = Nested(TemplateTable, "Tabell", required=False)

    def check(self, path: FieldPath, ctx: Context) -> None:
        if not (self.guidance or self.fill_in or self.table):
            ctx.error(path, "Avsnittet är tomt. Ge det \"guidance\", \"fill_in\" eller \"table\".")


class Template(Record):
    label = "En mall"
    id = Identifier("Id", help="Unikt i hela handboken. Används i filnamn för nedladdningar.")
    title = Text("Rubrik", max_length=120)
    description = Markdown("Vad mallen är till för")
    sections = ListOf(Nested(TemplateSection, "Avsnitt"), "Avsnitt", min_items=1)
    print_large = Boolean("Även i A3", required=False,
                          help="true för en mall som skrivs ut stort och används runt ett bord, till exempel en matris. "
                               "Den får då också en liggande A3-pdf.")


class Indicator(Record):
    label = "En indikator"
    id = Identifier("Id", help="Unikt bland metodens indikatorer.")
    name = Text("Namn", max_length=120)
    measures = Markdown("Vad den mäter")
    why = Markdown("Varför den är viktig")
    gr_dimensions = _choices("gr_dimensions", "Del av GR:s definition av social hållbarhet")
    data_source = Text("Datakälla", max_length=200)
    kolada_id = Text("Kolada-kod", max_length=10, pattern=r"^[A-Z]\d{5}$", example="N01951", required=False,
                     help="Nyckeltalets kod i Kolada, om det finns en.")
    kolada_id_checked = Boolean("Kolada-koden kontrollerad", required=False,
                                help="true först när koden och titeln har stämts av mot Kolada. Annars visas "
                                     "att koden behöver kontrolleras.")
    levels = _choices("geographic_levels", "Geografisk nivå")
    breakdowns = _choices("breakdowns", "Kan delas upp på", min_items=0, required=False)
    formula = Text("Formel", max_length=200, required=False, help="Skriven med vanliga tecken, till exempel "
                                                                   "D = ½ · Σ |aᵢ/A − bᵢ/B|.")
    interpretation = Markdown("Så tolkas värdet", required=False)
    needs_check = _needs_check("indikatorn")

    def check(self, path: FieldPath, ctx: Context) -> None:
        if self.kolada_id_checked and not self.kolada_id:
            ctx.error(path + ("kolada_id_checked",), "Det finns ingen Kolada-kod att markera som kontrollerad.")


class Related(Record):
    label = "Relaterade metoder"
    before = ListOf(Identifier("Metod"), "Före den här metoden", unique=True, required=False,
                    help="Metoder som gör nytta före den här. Ange mappnamnet under methods/.")
    after = ListOf(Identifier("Metod"), "Efter den här metoden", unique=True, required=False,
                   help="Metoder som tar vid efter den här. Ange mappnamnet under methods/.")
    combine_with = ListOf(Identifier("Metod"), "Kombinera med", unique=True, required=False,
                          help="Metoder som fungerar bra samtidigt. Ange mappnamnet under methods/.")


class Feed(Record):
    label = "Ett steg i en annan metod som använder resultatet"
    method = Identifier("Metod", help="Mappnamnet under methods/ för metoden vars steg använder resultatet.")
    step = Identifier("Steg", help="Id för steget i den metoden. Metoderna löper då parallellt: den andra "
                                   "metoden börjar först, och den här metoden ska vara klar till det steget.")


class Source(Record):
    label = "En källa"
    title = Text("Titel", max_length=200)
    publisher = Text("Utgivare", max_length=120)
    year = Integer("År", minimum=1900, maximum=2100, required=False)
    url = Url("Webbadress")
    needs_check = _needs_check("källan")


class Origin(Record):
    label = "Ursprung"
    project = Text("Projekt", max_length=160)
    funder = Text("Finansiär", max_length=120, required=False)
    year = Integer("År", minimum=1900, maximum=2100)


class Change(Record):
    label = "En ändring"
    date = Date("Datum")
    change = Text("Vad ändrades", max_length=300)
    reason = Text("Varför", max_length=300)


class Trust(Record):
    label = "Hur pålitlig metoden är"
    status = Choice("Status", vocabulary="statuses")
    tested_in = ListOf(Text("Kommun", max_length=80), "Prövad i", unique=True, required=False,
                       help="Kommuner där metoden har prövats på riktigt, enligt en källa.")
    tested_what = Markdown("Vad som har prövats", required=False,
                           help="Vilken del av metoden som har prövats, var och enligt vilken källa. Krävs när "
                                "status säger att metoden har prövats, så att ingen läser in mer än källan säger.")
    origin = Nested(Origin, "Ursprung")
    owner = Text("Ansvarig", max_length=120, help="Den roll som ansvarar för metoden, aldrig en namngiven person.")
    last_reviewed = Date("Senast granskad")
    review_interval_months = Integer("Granskas var … månad", minimum=1, maximum=60)
    changelog = ListOf(Nested(Change, "Ändring"), "Ändringslogg", min_items=1)

    def check(self, path: FieldPath, ctx: Context) -> None:
        status = ctx.vocabulary.terms("statuses")[self.status]
        if status.requires_tested_in and not self.tested_in:
            ctx.error(path + ("status",), f"Status \"{status.name}\" betyder att metoden har prövats. Ange i "
                                          "\"tested_in\" var den har prövats, eller välj en annan status.")
        if status.requires_tested_in and not self.tested_what:
            ctx.error(path + ("status",), f"Status \"{status.name}\" betyder att metoden har prövats. Beskriv i "
                                          "\"tested_what\" vilken del som har prövats och enligt vilken källa.")
        today = datetime.date.today()
        if self.last_reviewed > today:
            ctx.error(path + ("last_reviewed",), f"Datumet {self.last_reviewed} ligger i framtiden.")
        for index, change in enumerate(self.changelog):
            if change.date > today:
                ctx.error(path + ("changelog", index, "date"), f"Datumet {change.date} ligger i framtiden.")


class Method(Record):
    """One method: methods/<slug>/method.yml."""

    label = "Metodfilen"
    id = Identifier("Id", help="Stabilt id, unikt bland metoderna. Byt aldrig id på en publicerad metod.")
    title = Text("Titel", max_length=120)
    short_title = Text("Kort namn", max_length=48, help="Visas i menyn.")
    summary = Text("Sammanfattning", max_length=SUMMARY_MAX_LENGTH,
                   help=f"En mening på högst {SUMMARY_MAX_LENGTH} tecken. Visas på metodkortet.")
    keywords = ListOf(Text("Sökord", max_length=60), "Sökord", unique=True, required=False,
                      help="Ord som planerare söker på men som inte står i titeln: synonymer, förkortningar "
                           "och böjda former, till exempel \"seniorer\", \"BKA\" eller \"ungdomarnas\".")
    when_to_use = _paragraphs("När metoden passar", min_items=1, required=True)
    when_not_to_use = _paragraphs("När metoden inte passar")
    phases = _choices("phases", "Planeringsskeden")
    questions = _choices("questions", "Frågor och syften")
    target_groups = _choices("target_groups", "Målgrupper")
    people = Nested(People, "Vem gör vad")
    effort = Nested(Effort, "Tidsåtgång och omfattning")
    difficulty = Choice("Svårighetsgrad", vocabulary="difficulties")
    steps = ListOf(Nested(Step, "Steg"), "Steg för steg", min_items=1)
    outputs = _paragraphs("Resultat", min_items=1, required=True, help="Vad man har när metoden är genomförd.")
    tips = _paragraphs("Tips")
    pitfalls = _paragraphs("Fallgropar")
    legal_basis = ListOf(Nested(LegalBasis, "Rättslig grund"), "Juridik", required=False)
    examples = ListOf(Nested(Example, "Exempel"), "Exempel", required=False)
    checklists = ListOf(Nested(Checklist, "Checklista"), "Checklistor", required=False)
    templates = ListOf(Nested(Template, "Mall"), "Mallar", required=False)
    indicators = ListOf(Nested(Indicator, "Indikator"), "Indikatorer", required=False,
                        help="En indikatorkatalog, för metoder som följer upp med mått.")
    related = Nested(Related, "Relaterade metoder", required=False)
    feeds = ListOf(Nested(Feed, "Steg"), "Resultatet används i", required=False,
                   help="Steg i andra metoder där den här metodens resultat används. Säg det här i stället för "
                        "\"after\" när den andra metoden börjar tidigare och tar emot resultatet på vägen.")
    sources = ListOf(Nested(Source, "Källa"), "Källor", min_items=1)
    trust = Nested(Trust, "Status och granskning")

    # Set by the loader, not read from method.yml.
    slug: str
    folder: "Path"  # methods/<slug>/, or an edition's metoder/<slug>/
    source_file: str
    text: "MethodText"
    links: list  # library.TextLink: links to pages of the handbook, checked once every page is known
    # Set when an edition is applied (content/edition.py): its additions to this
    # method, and whether the method is the edition's own.
    local = None  # edition.LocalAdditions | None
    is_local = False

    def check(self, path: FieldPath, ctx: Context) -> None:
        documents: dict[str, FieldPath] = {}
        for kind in ("checklists", "templates"):
            for index, document in enumerate(getattr(self, kind)):
                if document.id in documents:
                    ctx.error(path + (kind, index, "id"), f"Id \"{document.id}\" används redan för en annan mall "
                                                          "eller checklista i samma metod.")
                documents[document.id] = path + (kind, index)
        step_ids: dict[str, int] = {}
        for index, step in enumerate(self.steps):
            if step.id in step_ids:
                ctx.error(path + ("steps", index, "id"), f"Id \"{step.id}\" används redan av steg {step_ids[step.id] + 1} "
                                                         "i metoden. Ge varje steg ett eget id.")
            step_ids.setdefault(step.id, index)
            if step.phase and step.phase not in self.phases:
                ctx.error(path + ("steps", index, "phase"),
                          f"Skedet \"{step.phase}\" finns inte bland metodens skeden (\"phases\"). Lägg till det där "
                          "eller välj ett av metodens skeden.")
        if any(step.phase for step in self.steps):
            for index, step in enumerate(self.steps):
                if not step.phase:
                    ctx.error(path + ("steps", index), "Steget saknar \"phase\". Ange skede för alla steg i metoden, "
                                                       "eller för inget.")
        indicator_ids: set[str] = set()
        for index, indicator in enumerate(self.indicators):
            if indicator.id in indicator_ids:
                ctx.error(path + ("indicators", index, "id"), f"Id \"{indicator.id}\" används redan av en annan "
                                                              "indikator i metoden.")
            indicator_ids.add(indicator.id)
        for index, step in enumerate(self.steps):
            for ref_index, ref in enumerate(step.uses):
                if ref not in documents:
                    known = ", ".join(f"\"{d}\"" for d in documents) or "inga"
                    ctx.error(path + ("steps", index, "uses", ref_index),
                              f"Steget hänvisar till mallen eller checklistan \"{ref}\", som inte finns i metoden. "
                              f"Metodens mallar och checklistor: {known}.")

        for index, basis in enumerate(self.legal_basis):
            # The page shows one review date; a fact checked after it means the
            # page was changed without the review that the date promises.
            if basis.as_of and basis.as_of > self.trust.last_reviewed:
                ctx.error(path + ("legal_basis", index, "as_of"),
                          f"Uppgiften kontrollerades {basis.as_of}, efter sidans senaste granskning "
                          f"({self.trust.last_reviewed}). Granska sidan och flytta fram \"last_reviewed\".")

    def documents(self) -> list[Checklist | Template]:
        return [*self.templates, *self.checklists]

    def document(self, document_id: str) -> Checklist | Template:
        return next(d for d in self.documents() if d.id == document_id)


class MethodText(Record):
    """The long-form prose of a method: methods/<slug>/text.md.

    Each field is a `## <label>` section of the file, so the labels here are
    also the headings editors write.
    """

    label = "Metodens text"
    purpose = Markdown("Syfte", headings_from=3, help="Varför metoden finns och vad den ska leda till.")
    background = Markdown("Bakgrund", headings_from=3, required=False,
                          help="Hur metoden togs fram och vilka erfarenheter den bygger på.")
