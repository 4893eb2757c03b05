"""`make new-method` and the commented example method it starts from."""

from __future__ import annotations

import datetime
import re
import shutil

import pytest

from conftest import ROOT, run_cli
from verktygsladan.content import load_handbook
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


def test_example_method_is_valid(corpus_project):
    shutil.copytree(ROOT / "methods" / "_exempel", corpus_project / "methods" / "exempelmetod")
    shutil.rmtree(corpus_project / "methods" / "exempel")
    result = run_cli(corpus_project, "check")
    assert result.returncode == 0, result.stderr


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


def test_new_method_is_valid_with_todays_dates_and_unique_ids(corpus_project):
    today = datetime.date.today()
    folder = new_method(corpus_project, "Trygghetsvandring i centrum", today)
    assert folder.name == "trygghetsvandring-i-centrum"
    handbook = load_handbook(corpus_project)
    method = handbook.method("trygghetsvandring-i-centrum")
    assert method.title == "Trygghetsvandring i centrum"
    assert method.trust.last_reviewed == today
    assert {d.id for d in method.documents()} == {"trygghetsvandring-i-centrum-mall",
                                                  "trygghetsvandring-i-centrum-checklista"}


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
    from conftest import copy_project

    project = copy_project(tmp_path / "projekt")
    with pytest.raises(ScaffoldError) as refused:
        new_method(project, "Metodväljare")
    assert str(refused.value).startswith('Titeln "Metodväljare" ger mappnamnet "metodvaljare". Mappnamnet '
                                         '"metodvaljare" är upptaget')
    assert not (project / "methods" / "metodvaljare").exists()


def test_an_example_that_is_a_symbolic_link_is_not_copied(tmp_path):
    from conftest import copy_project

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
    from conftest import copy_project
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
    from conftest import copy_project
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
