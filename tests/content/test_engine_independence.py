"""The content model and page generation must outlive MkDocs (Material EOL 2027-05-05)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ENV, ROOT


def test_core_package_does_not_import_mkdocs():
    code = ("import sys, verktygsladan.cli, verktygsladan.content, verktygsladan.pages; "
            "loaded = [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros')]; "
            "print(loaded); sys.exit(1 if loaded else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
