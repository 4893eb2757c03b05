"""The markup we produce is valid HTML, checked by the Nu HTML Checker (vnu.jar, on Debian's Java)."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come only from Material for MkDocs' own templates, by exact message.
MATERIAL_ONLY = {
    # Material's CSS-only toggles for the drawer, search and table of contents are
    # checkboxes with autocomplete="off" (partials/header.html, base.html), which
    # HTML allows only on text-like inputs. Browsers ignore it; no effect on users.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
    "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or "
    "“week”.",
    # On pages without a table of contents Material still renders the mobile
    # navigation's title as <label for="__toc"> (partials/nav.html) while the
    # __toc checkbox is left out. The label then points at nothing.
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
}


def test_site_markup_has_no_html_errors(built_site):
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             str(built_site)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" and m["message"] not in MATERIAL_ONLY]
    report = "\n".join(f"{m['url'].split('/site/')[-1]}: {m['message']}\n    {m.get('extract', '')[:160]}"
                       for m in errors)
    assert errors == [], report
    # The filters above must keep matching something real, or they hide nothing and should go.
    assert {m["message"] for m in messages} & MATERIAL_ONLY
