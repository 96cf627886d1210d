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
    in_verslag: str = ""  # the question as a heading of the verslag, third person


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
            in_verslag=q.get("in_verslag", q["vraag"]),
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


# --- Built-in starting texts: the verslag shows them only when the room worked on them ---------


@cache
def _standard_doelgroepen() -> dict[str, str]:
    return {d.naam: d.hoe_bereiken for d in default_doelgroepen()}


@cache
def _standard_criteria() -> dict[str, tuple[str, str, str]]:
    return {c.naam: (c.uitleg, c.toets, c.geldt_voor) for c in default_criteria()}


@cache
def _standard_rollen() -> dict[str, tuple[str, str]]:
    return {r.key: (r.naam, r.uitleg) for r in default_rollen()}


def is_standard_hoe_bereiken(groep: Doelgroep) -> bool:
    """True when a target group's "hoe te bereiken" is still the built-in starting text."""
    return _standard_doelgroepen().get(groep.naam) == groep.hoe_bereiken


def is_standard_criterium(criterium: Criterium) -> bool:
    """True when a draagvlak criterion is still exactly the built-in starting text."""
    return _standard_criteria().get(criterium.naam) == (criterium.uitleg, criterium.toets, criterium.geldt_voor)


def is_standard_rol_uitleg(rol: InitiatiefRol) -> bool:
    """True when a role's explanation is still the built-in starting text."""
    standard = _standard_rollen().get(rol.key)
    return standard is not None and standard[1] == rol.uitleg
