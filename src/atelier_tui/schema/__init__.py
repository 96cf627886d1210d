"""The JSON Schema of the session document, generated from the models.

Regenerate after changing the models:  python -m atelier_tui.schema
A test fails when the committed file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("session.schema.json")


def render() -> str:
    from ..domain.session import Session

    schema = Session.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Atelier-sessie"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
