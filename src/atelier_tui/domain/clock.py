"""The step's clock as data: one countdown that every screen shows the same way. No Textual.

A state says how many seconds were left at a moment (``at``, wall-clock seconds) and whether it runs,
so the room's screen, reading the state the facilitator published, shows the same time, the same
pause and the same "tijd is om" as hers, without a clock of its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

Phase = Literal["empty", "ready", "running", "paused", "done"]


@dataclass(frozen=True)
class ClockState:
    total: int | None = None  # the time box in seconds; None: the step has none
    left: int | None = None  # seconds left at ``at``
    running: bool = False
    at: float = 0.0

    @classmethod
    def of_minutes(cls, minutes: int | None, now: float) -> ClockState:
        total = minutes * 60 if minutes else None
        return cls(total, total, False, now)

    def remaining(self, now: float) -> int | None:
        if self.left is None:
            return None
        if not self.running:
            return self.left
        return max(0, round(self.left - (now - self.at)))

    def phase(self, now: float) -> Phase:
        left = self.remaining(now)
        if left is None:
            return "empty"
        if left == 0:
            return "done"
        if self.running:
            return "running"
        return "ready" if left == self.total else "paused"

    def started(self, now: float) -> ClockState:
        left = self.remaining(now)
        if self.running or not left:
            return self
        return replace(self, left=left, running=True, at=now)

    def paused(self, now: float) -> ClockState:
        if not self.running:
            return self
        return replace(self, left=self.remaining(now), running=False, at=now)

    def reset(self, now: float) -> ClockState:
        return ClockState(self.total, self.total, False, now)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> ClockState | None:
        """A published state, or None when it is not one (a damaged or foreign file)."""
        try:
            total, left = data["total"], data["left"]
            ok = all(v is None or (isinstance(v, int) and 0 <= v <= 600 * 60) for v in (total, left))
            if not ok or not isinstance(data["running"], bool):
                return None
            return cls(total, left, data["running"], float(data["at"]))
        except (KeyError, TypeError, ValueError):
            return None
