"""Touchpoint DTOs: scheduled contacts as the agenda, the CLI and exports see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from app.kinds import kind_label


class TouchpointDTO(NamedTuple):
    """One scheduled contact with the customer facts needed to act on it.

    A NamedTuple rather than a frozen dataclass: just as immutable, and several times
    cheaper to build, which matters for an agenda of thousands of rows."""

    id: int
    uid: str
    customer_id: int
    customer_name: str
    company: str
    customer_email: str
    customer_phone: str
    sale_id: int | None
    kind: str
    channel: str
    due_date: dt.date
    # The instant in UTC for timed items; None for all-day ones.
    due_at: dt.datetime | None
    status: str
    sequence: int
    pinned: bool = False
    snoozed_from: dt.date | None = None
    completed_at: dt.datetime | None = None
    outcome_note: str = ""
    skip_reason: str = ""
    updated_at: dt.datetime | None = None
    # What a recovery step or an inbound request is about (empty for plan steps).
    subject: str = ""
    commitment_id: int | None = None
    request_id: int | None = None

    @property
    def all_day(self) -> bool:
        return self.due_at is None

    @property
    def customer_display(self) -> str:
        return f"{self.customer_name} ({self.company})" if self.company else self.customer_name

    @property
    def title(self) -> str:
        what = f"{kind_label(self.kind)}: {self.subject}" if self.subject else kind_label(self.kind)
        return f"{what} — {self.customer_display}"

    def due_iso(self, zone: dt.tzinfo) -> str:
        """ISO date for all-day items, ISO date-time with the user's offset for timed ones."""
        if self.due_at is None:
            return self.due_date.isoformat()
        return self.due_at.astimezone(zone).isoformat(timespec="minutes")


@dataclass(frozen=True)
class PlannedPreview:
    """A touchpoint a plan would create (the record-a-sale preview); dates may be edited."""

    step_position: int
    occurrence: int
    kind: str
    channel: str
    due_date: dt.date | None
    time_of_day: dt.time | None
    waiting_for: str | None = None

    @property
    def title(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class Draft:
    """A rendered message for a touchpoint, with links to act on it."""

    touchpoint_id: int
    subject: str
    body: str
    channel: str
    to_email: str
    to_phone: str
    mailto: str
    tel: str
    # "message", "short", "script" or "checklist" (app.messages.forms.Form).
    form: str = "message"
    # One plain sentence each: what stands between this draft and sending it.
    warnings: tuple[str, ...] = ()
    # Parts in [brackets] only the salesperson can write: never sent as it stands.
    needs_words: bool = False
    # The profile lacks the name or every way to reach the salesperson.
    needs_profile: bool = False
    # sms:<number>?body=<text> for a short message on the text channel.
    sms: str = ""
    kind: str = ""
    customer_id: int = 0
    # The salesperson changed the words; "Reset to the plan's text" brings the plan's back.
    edited: bool = False
    # The library item this follow-up brings, recorded as sent when it is done; whether its
    # text has a place for one.
    item_id: int | None = None
    item_title: str = ""
    takes_item: bool = False
    # A recovery step: the promise's whole recovery, (text, "done" / "skipped" / "now" /
    # "later") per step, so Today shows one row per promise and its checklist here.
    checklist: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class NewFollowUp:
    """A follow-up added by hand: who, what, when (a time inside working hours or none)."""

    customer_id: int
    kind: str
    due_date: dt.date
    time_of_day: dt.time | None = None
    channel: str = ""  # "": the customer's preferred channel
    note: str = ""


@dataclass(frozen=True)
class AddedFollowUp:
    """The follow-up added, and one line to show if its day is not a working day."""

    touchpoint: TouchpointDTO
    warning: str = ""


@dataclass(frozen=True)
class UndoableAction:
    """The newest action that can be taken back (Edit -> Undo names it)."""

    entry_id: int
    touchpoint_id: int
    action: str
    # "mark done", "skip", ...: the menu says "Undo mark done".
    label: str
