from __future__ import annotations

import json

from atelier_tui.schema import SCHEMA_FILE, render


def test_committed_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), (
        "session.schema.json is stale: run  python -m atelier_tui.schema"
    )


def test_schema_describes_the_session_document():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    props = schema["properties"]
    for field in ("schema_version", "kaarten", "ladder", "opbrengst", "evaluatie", "huidige_stap"):
        assert field in props
    kaart = schema["$defs"]["Kaart"]["properties"]
    assert kaart["kolom"]["enum"] == ["kans", "knelpunt"]
    assert kaart["stemmen"]["minimum"] == 0
