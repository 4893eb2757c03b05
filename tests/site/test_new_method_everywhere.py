"""A method added the way CONTRIBUTING.md says shows up everywhere, with no code touched."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from conftest import CORPUS, assert_built, mkdocs_build, run_cli
from site_helpers import content, nav_links, page


def linked_paths(site, url_path: str) -> set[str]:
    base = f"http://sajt/{url_path}"
    return {urlparse(urljoin(base, a["href"])).path for a in content(page(site, url_path)).select("a[href]")}


def write_the_methods_own_text(project, slug: str, title: str) -> None:
    """What the editor does after `make new-method`: replace every example text with the method's own.
    Here the method's own text is the test corpus's complete method, under the new method's id and title."""
    folder = project / "methods" / slug
    skeleton = (folder / "method.yml").read_text(encoding="utf-8")
    assert "example.org" in skeleton  # still the unedited example
    written = (CORPUS / "valid" / "exempel" / "method.yml").read_text(encoding="utf-8")
    written = written.replace("id: exempel\n", f"id: {slug}\n").replace("title: Exempelmetod för tester", f"title: {title}")
    written = written.replace("short_title: Exempelmetod", "short_title: Trygghetsvandring")
    written = written.replace("exempel-mall", f"{slug}-mall").replace("exempel-checklista", f"{slug}-checklista")
    written = written.replace("related:\n  combine_with: []", "related:\n  combine_with:\n    - exempel")
    (folder / "method.yml").write_text(written, encoding="utf-8")
    (folder / "text.md").write_text((CORPUS / "valid" / "exempel" / "text.md").read_text(encoding="utf-8"),
                                    encoding="utf-8")


def test_new_method_appears_in_handbook_finder_process_map_and_downloads(corpus_project):
    assert run_cli(corpus_project, "new-method", "Trygghetsvandring med boende").returncode == 0
    # The unedited skeleton is not publishable; the editor's own text is.
    assert run_cli(corpus_project, "check").returncode == 1
    write_the_methods_own_text(corpus_project, "trygghetsvandring-med-boende", "Trygghetsvandring med boende")
    # A role the vocabulary lacks, added the way CONTRIBUTING.md section 6 says: first refused with
    # that route named, then accepted once the value is in methods/vocabulary.yml.
    method_file = corpus_project / "methods" / "trygghetsvandring-med-boende" / "method.yml"
    method_file.write_text(method_file.read_text(encoding="utf-8").replace(
        "  participants:\n    - socialtjanst\n", "  participants:\n    - socialtjanst\n    - polisen\n"),
        encoding="utf-8")
    refused = run_cli(corpus_project, "check")
    assert refused.returncode == 1 and 'lägg till det under "roles" i methods/vocabulary.yml' in refused.stderr
    vocabulary = corpus_project / "methods" / "vocabulary.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(
        "roles:\n", "roles:\n  - id: polisen\n    name: Polisen\n", 1), encoding="utf-8")
    result = run_cli(corpus_project, "check")
    assert result.returncode == 0, result.stderr
    assert_built(mkdocs_build(corpus_project))
    site = corpus_project / "site"
    slug = "trygghetsvandring-med-boende"
    method_url = f"/metoder/{slug}/"

    assert (site / "metoder" / slug / "index.html").is_file()
    assert "Trygghetsvandring med boende" in nav_links(page(site, ""))
    assert method_url in linked_paths(site, "metoder/")
    assert method_url in linked_paths(site, "metoder/metodvaljare/")
    assert method_url in linked_paths(site, "metoder/vilken-metod-nar/")
    downloads = {path for path in linked_paths(site, "metoder/nedladdningar/")
                 if path.startswith(method_url) and path != method_url}
    assert {p.rsplit(".", 1)[1] for p in downloads} >= {"docx", "odt", "pdf", "xlsx"}
    for path in downloads:
        assert (site / path.lstrip("/")).is_file()
    # The downloads page offers the method's files as one ZIP, and the toolbox's ZIP takes them too.
    bundle = page(site, "metoder/nedladdningar/").select_one(f'button[data-vl-zip-folder="{slug}"]')
    assert {f"/metoder/{p}" for p in bundle["data-vl-zip-files"].split()} == downloads

    finder = page(site, "metoder/metodvaljare/")
    role = finder.select_one('input[name="roll"][value="polisen"]')
    assert role is not None and "Polisen" in finder.select_one(f'label[for="{role["id"]}"]').get_text()
    # The method's card answers to the new role, so ticking it finds the method.
    card = next(c for c in finder.select("article.vl-finder__card") if c.select_one(f'a[href$="{slug}/"]'))
    assert "polisen" in card["data-roll"].split()
    # The About page counts from the handbook and does not present the new method as one of GR's of 2019.
    about = " ".join(content(page(site, "om/")).get_text(" ").split())
    assert "webbhandbok med 2 metoder" in about
    later = next(p for p in content(page(site, "om/")).select("p") if "har lagts till senare" in p.get_text())
    assert "Trygghetsvandring med boende" in later.get_text()
    assert "kommer från Göteborgsregionens verktygslåda" not in about
