"""Timeline DTOs: one customer's sales, touchpoints, interactions and commitments in date order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dto.customers import CustomerDTO

UPCOMING = "upcoming"
PAST = "past"
# Where an entry comes from; with source_id it names the record.
SALE = "sale"
TOUCHPOINT = "touchpoint"
INTERACTION = "interaction"
COMMITMENT = "commitment"
OPEN_COMMITMENT = frozenset({"on_track", "at_risk"})


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline; machine values (status, kind, channel) for the faces to label."""

    section: str  # UPCOMING: still to do (planned, open promises); PAST: what happened
    when: dt.date  # the local day it is due or happened
    source: str  # SALE, TOUCHPOINT, INTERACTION or COMMITMENT
    source_id: int
    # won/lost; planned/done/skipped; on_track/at_risk/kept/broken; "" for interactions.
    status: str
    # The user's own text: description, outcome note or skip reason, summary, the promise.
    detail: str = ""
    kind: str = ""  # touchpoint kind
    channel: str = ""
    time: dt.time | None = None  # local wall-clock time for timed items
    overdue: bool = False
    sale_id: int | None = None
    amount_minor: int | None = None
    currency: str = ""
    promised_delivery: dt.date | None = None
    actual_delivery: dt.date | None = None
    buffer_days: int | None = None
    pinned: bool = False
    # A lost sale's reason (a key of app.kinds.LOST_REASON_LABELS) and note.
    lost_reason: str = ""
    lost_note: str = ""


@dataclass(frozen=True)
class MoneyTotal:
    """A sum in one currency, in minor units (cents)."""

    currency: str
    amount_minor: int


@dataclass(frozen=True)
class TimelineTotals:
    """The customer at a glance."""

    won: int
    lost: int
    won_amounts: tuple[MoneyTotal, ...]  # by currency code
    planned: int  # planned touchpoints still to do
    last_contact: dt.datetime | None  # UTC


@dataclass(frozen=True)
class CustomerTimeline:
    """Everything about one customer, newest history first, what is coming soonest first."""

    customer: CustomerDTO
    today: dt.date
    totals: TimelineTotals
    entries: tuple[TimelineEntry, ...]  # all UPCOMING entries, then all PAST ones

    @property
    def upcoming(self) -> tuple[TimelineEntry, ...]:
        return tuple(entry for entry in self.entries if entry.section == UPCOMING)

    @property
    def past(self) -> tuple[TimelineEntry, ...]:
        return tuple(entry for entry in self.entries if entry.section == PAST)


@dataclass(frozen=True)
class InteractionDTO:
    """A logged contact."""

    id: int
    customer_id: int
    occurred_at: dt.datetime
    channel: str
    summary: str
    touchpoint_id: int | None
    # The follow-up planned as the next step when the contact was logged, if any.
    next_step_id: int | None = None


@dataclass(frozen=True)
class NextStepInput:
    """What to do next, logged with a contact: it becomes a planned follow-up (all day)."""

    kind: str
    due: dt.date
    note: str = ""
    # "" is the customer's preferred channel.
    channel: str = ""
