"""`make new-method` and the commented example method it starts from."""

from __future__ import annotations

import datetime
import re
import shutil

import pytest
import yaml

from conftest import ROOT, copy_project, run_cli
from verktygsladan.content.fields import ListOf, Nested, Record
from verktygsladan.content.schema import Method
from verktygsladan.scaffold import ScaffoldError, new_method, slug_for


def field_names(record: type[Record]) -> set[str]:
    names = set()
    for name, field in record.fields.items():
        names.add(name)
        inner = field.item if isinstance(field, ListOf) else field
        if isinstance(inner, Nested):
            names |= field_names(inner.record)
    return names


def test_the_example_method_passes_every_field_rule_and_is_stopped_only_as_unfinished(corpus_project):
    """_exempel shows every field correctly filled in; what keeps it from being published is that it is
    an example: placeholder texts and addresses, and too little of everything."""
    shutil.copytree(ROOT / "methods" / "_exempel", corpus_project / "methods" / "exempelmetod")
    shutil.rmtree(corpus_project / "methods" / "exempel")
    result = run_cli(corpus_project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Fel i ")]
    assert errors and all(any(reason in line for reason in UNFINISHED) for line in errors), "\n".join(errors)


# What publishing_floor.py says about an unfinished method, and nothing else.
UNFINISHED = ("är kvar från exempelmetoden", "är en exempeladress", "En publicerad metod behöver minst",
              "Skriv minst 80", "behöver en checklista med minst", "Ange minst en relaterad metod")


def test_the_unedited_skeleton_is_refused_with_a_swedish_message_for_each_placeholder(tmp_path):
    project = copy_project(tmp_path / "projekt")
    new_method(project, "Trygghetsvandring")
    result = run_cli(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Fel i ")]
    assert all(line.startswith("Fel i methods/trygghetsvandring/") for line in errors)
    assert all(any(reason in line for reason in UNFINISHED) for line in errors), "\n".join(errors)
    # The placeholders editors leave most often, each with its file, line and field.
    expected = ['fält "examples → punkt 1 → municipality": Texten "Kommunens namn" är kvar',
                'fält "examples → punkt 1 → source_url": Adressen https://www.example.org/kalla är en exempeladress',
                'fält "indicators → punkt 1 → name": Texten "Exempel på indikator" är kvar',
                'fält "steps": Metoden har 2 steg.',
                'Fel i methods/trygghetsvandring/text.md, rad 3: Stycket "Här beskriver du']
    for fragment in expected:
        assert any(fragment in line for line in errors), fragment
    example = (ROOT / "methods" / "_exempel" / "method.yml").read_text(encoding="utf-8")
    line_of_municipality = example.splitlines().index("  - municipality: Kommunens namn") + 1
    assert any(f"rad {line_of_municipality}, fält \"examples → punkt 1 → municipality\"" in line for line in errors)


def test_example_method_documents_every_field():
    text = (ROOT / "methods" / "_exempel" / "method.yml").read_text(encoding="utf-8")
    # A field whose example would point at another method is shown in a comment.
    written = set(re.findall(r"^\s*(?:#\s*)?-?\s*([a-z_]+):", text, re.MULTILINE))
    assert field_names(Method) <= written


@pytest.mark.parametrize("title, slug", [
    ("Seniorperspektiv i samhällsplaneringen", "seniorperspektiv-i-samhallsplaneringen"),
    ("Trygghetsvandring: ÖP & DP", "trygghetsvandring-op-dp"),
    ("  Dialog   med  unga ", "dialog-med-unga"),
])
def test_slug_is_made_from_the_title(title, slug):
    assert slug_for(title) == slug


def test_new_method_gets_todays_dates_and_unique_ids(corpus_project):
    today = datetime.date.today()
    folder = new_method(corpus_project, "Trygghetsvandring i centrum", today)
    assert folder.name == "trygghetsvandring-i-centrum"
    data = yaml.safe_load((folder / "method.yml").read_text(encoding="utf-8"))
    assert data["id"] == "trygghetsvandring-i-centrum" and data["title"] == "Trygghetsvandring i centrum"
    assert data["trust"]["last_reviewed"] == today
    assert {d["id"] for d in data["templates"] + data["checklists"]} == {"trygghetsvandring-i-centrum-mall",
                                                                         "trygghetsvandring-i-centrum-checklista"}
    # Nothing but the placeholders stops it: its dates and ids are right.
    errors = [line for line in run_cli(corpus_project, "check").stderr.splitlines() if line.startswith("Fel i ")]
    assert errors and not any('→ id"' in line or 'fält "id"' in line or "Datumet" in line for line in errors)


def test_new_method_never_overwrites(corpus_project):
    folder = new_method(corpus_project, "Ny metod")
    (folder / "text.md").write_text("## Syfte\n\nRedan skriven text.\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="skrivs inte över"):
        new_method(corpus_project, "Ny metod")
    assert "Redan skriven text." in (folder / "text.md").read_text(encoding="utf-8")


def test_make_new_method_command(corpus_project):
    result = run_cli(corpus_project, "new-method", "Gåtur med äldre")
    assert result.returncode == 0, result.stderr
    assert (corpus_project / "methods" / "gatur-med-aldre" / "method.yml").is_file()
    again = run_cli(corpus_project, "new-method", "Gåtur med äldre")
    assert again.returncode == 1 and "Traceback" not in again.stderr


def test_a_title_that_would_take_a_handbook_page_is_refused(tmp_path):

    project = copy_project(tmp_path / "projekt")
    with pytest.raises(ScaffoldError) as refused:
        new_method(project, "Metodväljare")
    assert str(refused.value).startswith('Titeln "Metodväljare" ger mappnamnet "metodvaljare". Mappnamnet '
                                         '"metodvaljare" är upptaget')
    assert not (project / "methods" / "metodvaljare").exists()


def test_an_example_that_is_a_symbolic_link_is_not_copied(tmp_path):

    project = copy_project(tmp_path / "projekt")
    example = project / "methods" / "_exempel" / "text.md"
    secret = tmp_path / "hemlig.md"
    secret.write_text("## Syfte\n\nHemligt.\n", encoding="utf-8")
    example.unlink()
    example.symlink_to(secret)
    with pytest.raises(ScaffoldError) as refused:
        new_method(project, "Trygghetsvandring")
    assert "symbolisk länk" in str(refused.value)
    assert not (project / "methods" / "trygghetsvandring").exists()


def test_a_new_edition_gets_its_kommunkod_and_addresses_that_must_be_filled_in(tmp_path):
    from verktygsladan.scaffold import new_edition

    project = copy_project(tmp_path / "projekt")
    folder = new_edition(project, "Lerums kommun", today=datetime.date(2027, 1, 15))
    text = (folder / "utgava.yml").read_text(encoding="utf-8")
    assert folder == project / "editions" / "lerums-kommun"
    assert text.startswith("# yaml-language-server: $schema=../utgava.schema.json\n")
    assert 'kommunkod: "1441"' in text and "name: Lerums kommun" in text and "skapad 2027-01-15" in text
    result = run_cli(project, "--utgava", "lerums-kommun", "check")
    assert result.returncode == 1
    # The example's invented addresses are never left behind: the editor must write their own.
    assert [line.split(":", 1)[0] for line in result.stderr.splitlines() if line.startswith("Fel i ")] == [
        'Fel i editions/lerums-kommun/utgava.yml, rad 25, fält "contact → email"',
        'Fel i editions/lerums-kommun/utgava.yml, rad 28, fält "site_url"']
    assert "exempelkommun" not in text


def test_a_new_edition_can_be_made_in_a_kommuns_own_repository(tmp_path):
    from verktygsladan.scaffold import new_edition

    project = copy_project(tmp_path / "projekt")
    own = tmp_path / "kommunens-forrad"
    own.mkdir()
    new_edition(project, "Göteborgs Stad", folder=own)
    text = (own / "utgava.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../projekt/editions/utgava.schema.json"
    assert 'kommunkod: "1480"' in text
    with pytest.raises(ScaffoldError):
        new_edition(project, "Göteborgs Stad", folder=own)  # never overwritten
