"""The step views. Which view a step has is declared in the step registry (``domain/steps.py``)."""

from __future__ import annotations

from importlib import import_module

from ...domain.steps import Step
from .base import StepView


def view_class(step: Step) -> type[StepView]:
    """The view of ``step``, imported when the step is first shown."""
    module, _, name = step.view.partition(":")
    return getattr(import_module(f"{__name__}.{module}"), name)
