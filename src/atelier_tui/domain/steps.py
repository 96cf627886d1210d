"""The steps of the two evenings, in order. Keys are used on the command line (``--step``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from .content import load_toml

StepKey = Literal[
    "sessie",
    "intake",
    "opening",
    "voorbeelden",
    "eisen-wensen",
    "kansen-knelpunten",
    "afsluiting",
    "terugblik",
    "ladder",
    "ambitie",
    "initiatieven",
    "unusual-suspects",
    "draagvlak",
    "opbrengst",
    "evaluatie",
    "export",
    "deel",
]
STEP_KEYS: tuple[str, ...] = get_args(StepKey)


@dataclass(frozen=True)
class Step:
    key: str
    titel: str
    groep: str  # "Voorbereiding", "Werkatelier 1", ...
    uitleg: str


@cache
def steps() -> tuple[Step, ...]:
    data = load_toml("steps.toml")
    result = tuple(Step(**item) for item in data["stap"])
    if tuple(s.key for s in result) != STEP_KEYS:  # pragma: no cover - guarded by a test
        raise RuntimeError("steps.toml does not match STEP_KEYS")
    return result


def step(key: str) -> Step:
    for s in steps():
        if s.key == key:
            return s
    raise KeyError(key)
