"""Which site engines a Python process has loaded after importing all of verktygsladan.

The content model, the checks, the pages and the downloads are plain Python, so the
handbook can move off MkDocs 1.6 (issue 18): to ProperDocs, or to another engine.
Only macros/ talks to the engine.
"""

from __future__ import annotations

import subprocess

from conftest import ENV, ROOT

# The engines and the packages that exist only for them, by their top-level module names.
ENGINES = ("mkdocs", "properdocs", "material", "mkdocs_macros")

_IMPORT_EVERYTHING = f"""
import importlib, pkgutil, sys, verktygsladan
names = [m.name for m in pkgutil.walk_packages(verktygsladan.__path__, "verktygsladan.")
         if not m.name.endswith(".__main__")]  # __main__ would run the command line
for name in names:
    importlib.import_module(name)
print(len(names))
print(" ".join(sorted({{m.split(".")[0] for m in sys.modules}} & set({ENGINES!r}))))
"""


def engines_loaded(python: str) -> tuple[int, list[str]]:
    """How many modules of the package `python` imported, and which engines came along."""
    result = subprocess.run([python, "-c", _IMPORT_EVERYTHING], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, f"verktygsladan gick inte att importera med {python}:\n{result.stderr}"
    count, loaded = result.stdout.splitlines()
    return int(count), loaded.split()
