"""Sale DTOs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.dto.touchpoints import PlannedPreview, TouchpointDTO


@dataclass(frozen=True)
class SaleInput:
    """A sale as the user enters it; the service validates it."""

    customer_id: int
    closed_on: dt.date
    outcome: str
    amount: str = ""
    currency: str = ""
    description: str = ""
    promised_delivery: dt.date | None = None
    plan_name: str = ""
    # Lost sales only: a key of app.kinds.LOST_REASON_LABELS and a free note.
    lost_reason: str = ""
    lost_note: str = ""
    # Dates the user changed in the preview, by (step position, occurrence).
    date_overrides: dict[tuple[int, int], dt.date] = field(default_factory=dict)


@dataclass(frozen=True)
class SaleDTO:
    """A recorded sale."""

    id: int
    customer_id: int
    closed_on: dt.date
    outcome: str
    amount_minor: int | None
    currency: str
    description: str
    promised_delivery: dt.date | None
    actual_delivery: dt.date | None
    plan_id: int | None
    lost_reason: str = ""
    lost_note: str = ""

    @property
    def delivery(self) -> dt.date | None:
        return self.actual_delivery or self.promised_delivery


@dataclass(frozen=True)
class SaleResult:
    """What recording a sale did."""

    sale: SaleDTO
    touchpoints: tuple[TouchpointDTO, ...]
    skipped_reason: str | None = None


@dataclass(frozen=True)
class SalePreview:
    """What recording the sale would create."""

    plan_name: str
    items: tuple[PlannedPreview, ...]
    skipped_reason: str | None = None


@dataclass(frozen=True)
class BulkResult:
    """How much one bulk recording wrote."""

    sales: int
    touchpoints: int
    # Past sales (an import): steps whose day had gone, so they were not scheduled.
    in_the_past: int = 0
