"""The step views, by step key. A step without a view shows a plain placeholder."""

from __future__ import annotations

from importlib import import_module

from .base import StepView

#: step key -> "module:Class" inside this package; imported when the step is first shown.
VIEWS: dict[str, str] = {
    "sessie": "prep:SessieView",
    "intake": "prep:IntakeView",
    "opening": "evening1:OpeningView",
    "voorbeelden": "evening1:VoorbeeldenView",
    "eisen-wensen": "evening1:EisenWensenView",
    "afsluiting": "evening1:AfsluitingView",
    "kansen-knelpunten": "board:KansenKnelpuntenView",
    "terugblik": "evening2:TerugblikView",
    "ladder": "ladder:LadderStepView",
    "ambitie": "evening2:AmbitieView",
    "initiatieven": "evening2:InitiatievenView",
    "unusual-suspects": "evening2:UnusualSuspectsView",
    "draagvlak": "evening2:DraagvlakView",
    "opbrengst": "evening2:OpbrengstView",
    "evaluatie": "evening2:EvaluatieView",
    "export": "export:ExportView",
    "deel": "deel:DeelView",
}


def view_for(key: str) -> type[StepView] | None:
    target = VIEWS.get(key)
    if target is None:
        return None
    module, _, name = target.partition(":")
    return getattr(import_module(f"{__name__}.{module}"), name)
