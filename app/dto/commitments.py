"""Commitment DTOs: promises, their recovery, the delivery record and the compensation guide."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dto.timeline import MoneyTotal
from app.dto.touchpoints import TouchpointDTO

OPEN_STATUSES = ("on_track", "at_risk")
COMMITMENT_STATUSES = ("on_track", "at_risk", "kept", "broken")


@dataclass(frozen=True)
class CommitmentInput:
    """A promise as the user enters it; the service validates it."""

    customer_id: int
    text: str
    due_on: dt.date
    buffer_days: int = 0
    sale_id: int | None = None


@dataclass(frozen=True)
class CommitmentDTO:
    """A promise with its state; `outcome` is kept / broken / recovered once resolved."""

    id: int
    customer_id: int
    customer_name: str
    sale_id: int | None
    text: str
    due_on: dt.date
    buffer_days: int
    status: str
    note: str
    recovery_started_at: dt.datetime | None
    resolved_at: dt.datetime | None
    recovered: bool

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def check_on(self) -> dt.date:
        """The last day the buffer protects; after it an open promise is at risk."""
        return self.due_on - dt.timedelta(days=self.buffer_days)

    @property
    def outcome(self) -> str:
        if self.recovered:
            return "recovered"
        return self.status if not self.is_open else ""


@dataclass(frozen=True)
class DeliveryRecord:
    """How promises ended: the figure buyers judge a supplier by."""

    kept: int = 0
    broken: int = 0
    recovered: int = 0
    open: int = 0
    at_risk: int = 0


@dataclass(frozen=True)
class CompensationGuide:
    """What to spend at least (a new customer's cost) beside what this customer is worth."""

    floor_minor: int | None  # None until budget and customers won are set
    currency: str
    customer_value: tuple[MoneyTotal, ...]


@dataclass(frozen=True)
class ChecklistLine:
    """One recovery checklist line; `touchpoint_id` is the step that carries it."""

    code: str
    text: str
    touchpoint_id: int | None
    done: bool


@dataclass(frozen=True)
class Recovery:
    """A commitment's recovery: its steps as touchpoints, the checklist and the guide."""

    commitment: CommitmentDTO
    touchpoints: tuple[TouchpointDTO, ...]
    checklist: tuple[ChecklistLine, ...]
    compensation: CompensationGuide
    started: bool  # False when it had already run: nothing new was planned
