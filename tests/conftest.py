from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Every test gets its own sessions folder; never the developer's ./sessions or her own sessions folder.
os.environ.pop("ATELIER_SESSIONS_DIR", None)
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="atelier-test-data-")


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    path = tmp_path / "sessions"
    path.mkdir()
    return path
