"""Built-in content as data files (TOML and JSON), read from the package."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from typing import Any


def _read(name: str) -> bytes:
    return resources.files(__package__).joinpath(name).read_bytes()


def load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(_read(name).decode("utf-8"))


def load_json(name: str) -> Any:
    return json.loads(_read(name).decode("utf-8"))
