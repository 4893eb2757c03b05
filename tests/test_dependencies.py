"""Dependencies point one way: content → pages → downloads → publishing and the MkDocs glue.

Read from the source, so an import inside a function or under TYPE_CHECKING
counts too: a circle hidden there is still a circle for the next maintainer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "verktygsladan"
# Each part, and the parts of the package it must never import.
FORBIDDEN = {
    "site_layout": {"content", "pages", "downloads", "publishing", "cli", "scaffold", "maintenance"},
    "content": {"pages", "downloads", "publishing", "cli", "scaffold", "maintenance"},
    "pages": {"downloads", "publishing", "cli", "scaffold", "maintenance"},
    "downloads": {"publishing", "cli", "scaffold", "maintenance"},
}


def _part(module: Path) -> str:
    return module.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported_parts(module: Path) -> set[str]:
    package = module.relative_to(ROOT).with_suffix("").parts[:-1]
    parts = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
            else:
                target = (node.module or "").split(".")
            names = [target] if node.module else [[*target, alias.name] for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        else:
            continue
        parts |= {name[1] for name in names if len(name) > 1 and name[0] == "verktygsladan"}
    return parts


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if _part(p) in FORBIDDEN)


@pytest.mark.parametrize("module", MODULES, ids=[p.relative_to(PACKAGE).as_posix() for p in MODULES])
def test_a_module_imports_nothing_that_depends_on_it(module: Path):
    wrong = _imported_parts(module) & FORBIDDEN[_part(module)]
    assert not wrong, f"{module.relative_to(ROOT)} importerar {sorted(wrong)}"


def test_the_rule_sees_imports():
    assert "content" in _imported_parts(PACKAGE / "pages" / "method_page.py")
    assert "pages" in _imported_parts(PACKAGE / "downloads" / "print_edition.py")
