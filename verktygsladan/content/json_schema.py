"""The JSON Schema that editors' tools use to check method.yml as they type.

It is derived from `schema.Method` and the vocabulary, so it cannot disagree
with the validator. A copy is committed as methods/method.schema.json (each
method.yml points at it) and published on the site.
"""

from __future__ import annotations

import json
from typing import Any

from .schema import Method
from .vocabulary import Vocabulary


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
