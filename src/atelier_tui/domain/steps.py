"""The step registry: the steps of the two evenings, in order, read from ``content/steps.toml``.

A step is declared once, in that file (key, title, evening, explanation, view, default time box);
navigation, ``--step``, the palette, the step list, the room's screen and the session model's
checks all read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .content import load_toml


@dataclass(frozen=True)
class Step:
    key: str
    titel: str
    groep: str  # the evening: "Voorbereiding", "Werkatelier 1", ...
    uitleg: str
    view: str  # "module:Class" in atelier_tui.screens.steps (the UI resolves it; the domain never does)
    tijdvak: int | None = None  # default time box in minutes


@cache
def steps() -> tuple[Step, ...]:
    return tuple(Step(**item) for item in load_toml("steps.toml")["stap"])


STEP_KEYS: tuple[str, ...] = tuple(s.key for s in steps())
_BY_KEY = {s.key: s for s in steps()}


def step(key: str) -> Step:
    return _BY_KEY[key]


def neighbour(key: str, delta: int) -> str | None:
    """The key of the step ``delta`` places after (or before) ``key``, or None past either end."""
    i = STEP_KEYS.index(key) + delta
    return STEP_KEYS[i] if 0 <= i < len(STEP_KEYS) else None


def known(key: str) -> str:
    """``key`` when it is a step of the registry; ValueError otherwise (for the session model)."""
    if key not in _BY_KEY:
        raise ValueError(f"onbekende stap {key!r}")
    return key
