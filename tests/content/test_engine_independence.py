"""The content model and page generation must outlive MkDocs (Material EOL 2027-05-05).

The same holds under ProperDocs: tests/site/test_engines.py checks it with ProperDocs' own Python.
"""

from __future__ import annotations

import sys

from engine_free import engines_loaded


def test_no_module_of_the_package_imports_a_site_engine():
    count, loaded = engines_loaded(sys.executable)
    assert count > 30, f"Bara {count} moduler i verktygsladan hittades; testet importerar för lite."
    assert not loaded, (f"verktygsladan laddar {', '.join(loaded)}. Innehållet, kontrollen, sidorna och "
                        "nedladdningarna ska klara sig utan MkDocs; bara macros/ får prata med motorn.")
