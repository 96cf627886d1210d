"""Typed access to the built-in content (ladders, questions, target groups, roles, criteria).

The texts live in TOML files in ``content/``; this module only turns them into models.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .content import load_json, load_toml
from .session import (
    AgendaPunt,
    Antwoord,
    Criterium,
    Doelgroep,
    InitiatiefRol,
    Ladder,
    Session,
    Spelregel,
    Trede,
)


@dataclass(frozen=True)
class Vraag:
    key: str
    vraag: str
    toelichting: str
    bronnen: tuple[str, ...]  # steps whose content feeds the draft answer


@cache
def _ladders() -> dict[str, dict]:
    return {item["variant"]: item for item in load_toml("ladders.toml")["ladder"]}


def ladder_variants() -> list[str]:
    """The keys of the built-in ladder variants, the default first."""
    return list(_ladders())


def ladder(variant: str = "vijf-treden") -> Ladder:
    """A fresh copy of a built-in ladder variant."""
    data = _ladders()[variant]
    return Ladder(
        variant=variant,
        naam=data["naam"],
        omschrijving=data.get("omschrijving", ""),
        treden=[Trede(**t) for t in data["trede"]],
    )


@cache
def questions() -> tuple[Vraag, ...]:
    return tuple(
        Vraag(
            key=q["key"],
            vraag=q["vraag"],
            toelichting=q.get("toelichting", ""),
            bronnen=tuple(q.get("bronnen", ())),
        )
        for q in load_toml("vragen.toml")["vraag"]
    )


def default_doelgroepen() -> list[Doelgroep]:
    return [
        Doelgroep(naam=d["naam"], hoe_bereiken=d.get("hoe_bereiken", ""))
        for d in load_toml("doelgroepen.toml")["doelgroep"]
    ]


def default_rollen() -> list[InitiatiefRol]:
    return [InitiatiefRol(**r) for r in load_toml("initiatiefrollen.toml")["rol"]]


def default_criteria() -> list[Criterium]:
    return [Criterium(**c) for c in load_toml("criteria.toml")["criterium"]]


def default_start() -> dict:
    """The editable starting ground rules and the agendas of both evenings (``standaard.toml``)."""
    data = load_toml("standaard.toml")
    return {
        "spelregels": [Spelregel(tekst=t) for t in data["spelregels"]],
        "avond1": {"agenda": [AgendaPunt(**p) for p in data["avond1"]]},
        "avond2": {"agenda": [AgendaPunt(**p) for p in data["avond2"]]},
    }


def new_session(naam: str, gemeente: str = "") -> Session:
    """A new, empty session with the built-in starting content filled in."""
    return Session(
        naam=naam,
        gemeente=gemeente,
        **default_start(),
        ladder=ladder(),
        doelgroepen=default_doelgroepen(),
        initiatieven={"rollen": default_rollen()},
        criteria=default_criteria(),
        opbrengst={"antwoorden": [Antwoord(vraag=q.key) for q in questions()]},
    )


def demo_data() -> dict:
    """The raw built-in demo session (never modified; ``atelier demo`` works on a copy)."""
    return load_json("demo.json")
