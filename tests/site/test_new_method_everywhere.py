"""A method added the way CONTRIBUTING.md says shows up everywhere, with no code touched."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from conftest import assert_built, mkdocs_build, run_cli
from site_helpers import content, nav_links, page


def linked_paths(site, url_path: str) -> set[str]:
    base = f"http://sajt/{url_path}"
    return {urlparse(urljoin(base, a["href"])).path for a in content(page(site, url_path)).select("a[href]")}


def test_new_method_appears_in_handbook_finder_process_map_and_downloads(corpus_project):
    assert run_cli(corpus_project, "new-method", "Trygghetsvandring med boende").returncode == 0
    assert run_cli(corpus_project, "check").returncode == 0
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
    assert {p.rsplit(".", 1)[1] for p in downloads} >= {"docx", "odt", "pdf", "xlsx", "zip"}
    for path in downloads:
        assert (site / path.lstrip("/")).is_file()
