"""Build the project in the current folder with the content check's text rules switched off.

The check refuses markup and script links with a message to the editor;
escaping where text is written is the second line of defence. To prove that
second line on its own, the hostile-content test builds a site whose every
text field is hostile, with the first line removed. Run by that test as
`python build_without_text_rules.py` in a project copy; never used otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from text_rules_off import switch_off  # noqa: E402

switch_off()
# A handbook validated without the rules must never be taken from the cache by a normal build.
os.environ["VERKTYGSLADAN_CACHE_DIR"] = tempfile.mkdtemp(prefix="verktygsladan-utan-textregler-")

from mkdocs.__main__ import cli  # noqa: E402  (after the switch, so every import sees it)

sys.exit(cli(["build", "--strict"], standalone_mode=True))
