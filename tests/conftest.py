from __future__ import annotations

import os
from pathlib import Path

import pytest

# Every test gets its own sessions folder; never the developer's ./sessions.
os.environ.pop("ATELIER_SESSIONS_DIR", None)


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    path = tmp_path / "sessions"
    path.mkdir()
    return path
