"""Theme files the published site never uses, removed after each build.

Material copies all of its assets into every site. Two parts of them are
dead weight here, about 2.3 of the 2.7 MB under assets/: the lunr search
scripts (the site searches with Pagefind, see verktygsladan/search_index.py)
and the source maps of Material's minified files (for developer tools only;
the reference to them is taken out of the scripts too, so nothing points to a
missing file). The preview keeps them: its site is never published, and a
dirty build would copy them back each time.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

UNUSED_FOLDERS = ("assets/javascripts/lunr",)
SOURCE_MAP = ".map"
_MAP_REFERENCE = re.compile(rb"\n?//# sourceMappingURL=\S+\s*$|\n?/\*# sourceMappingURL=\S+ \*/\s*$")


def remove_unused_theme_files(site_dir: Path) -> None:
    for folder in UNUSED_FOLDERS:
        shutil.rmtree(site_dir / folder, ignore_errors=True)
    assets = site_dir / "assets"
    for path in sorted(assets.rglob("*")):
        if path.suffix == SOURCE_MAP:
            path.unlink()
        elif path.suffix in (".js", ".css") and path.is_file():
            data = path.read_bytes()
            stripped = _MAP_REFERENCE.sub(b"\n", data)
            if stripped != data:
                path.write_bytes(stripped)
