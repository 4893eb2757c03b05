"""The JSON Schemas that editors' tools use to check their files as they type.

They are derived from the content model (`schema.Method`, and the edition's
`EditionSettings` and `LocalAdditions`) and the vocabulary, so they cannot
disagree with the validator. Copies are committed beside the files they
describe (methods/method.schema.json, editions/utgava.schema.json and
editions/tillagg.schema.json), and the method schema is published on the site.
"""

from __future__ import annotations

import json
from typing import Any

from .edition import EDITIONS_DIR, EditionSettings, LocalAdditions
from .fields import Record
from .schema import Method
from .vocabulary import Vocabulary

METHOD_SCHEMA = "methods/method.schema.json"
EDITION_SCHEMA = f"{EDITIONS_DIR}/utgava.schema.json"
ADDITIONS_SCHEMA = f"{EDITIONS_DIR}/tillagg.schema.json"
# Each committed schema: (path in the repository, record, title, what it describes).
SCHEMAS: tuple[tuple[str, type[Record], str, str], ...] = (
    (METHOD_SCHEMA, Method, "Metod i Verktygslådan", "Beskriver filen methods/<mapp>/method.yml."),
    (EDITION_SCHEMA, EditionSettings, "Utgåva av Verktygslådan",
     "Beskriver filen utgava.yml i en kommunutgåvas mapp."),
    (ADDITIONS_SCHEMA, LocalAdditions, "Lokala tillägg till en metod",
     "Beskriver filen metoder/<metod>.yml i en kommunutgåvas mapp."),
)


def method_json_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Metod i Verktygslådan",
        "description": "Beskriver filen methods/<mapp>/method.yml. Genereras från verktygsladan/content/schema.py "
                       "och methods/vocabulary.yml – ändra där, inte här.",
        **Method.json_schema(vocabulary),
    }


def render_json_schema(vocabulary: Vocabulary) -> str:
    return json.dumps(method_json_schema(vocabulary), ensure_ascii=False, indent=2) + "\n"


def render_json_schemas(vocabulary: Vocabulary) -> dict[str, str]:
    """Every committed schema, by its path in the repository."""
    rendered = {}
    for path, record, title, description in SCHEMAS:
        schema = method_json_schema(vocabulary) if record is Method else {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": title,
            "description": f"{description} Genereras från verktygsladan/content/edition.py och "
                           "methods/vocabulary.yml – ändra där, inte här.",
            **record.json_schema(vocabulary),
        }
        rendered[path] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return rendered
