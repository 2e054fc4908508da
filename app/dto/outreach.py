"""DTOs for requests, declines, partners, the value-add library and feedback."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dto.touchpoints import TouchpointDTO

DECLINE_REASONS = ("outside_field", "too_specialised", "no_capacity")


@dataclass(frozen=True)
class RequestDTO:
    """An inbound request and whether it was answered in time."""

    id: int
    customer_id: int
    customer_name: str
    received_at: dt.datetime  # UTC
    channel: str
    summary: str
    due_at: dt.datetime  # UTC
    answered_at: dt.datetime | None
    answer_note: str
    touchpoint_id: int | None
    overdue: bool


@dataclass(frozen=True)
class PartnerInput:
    """A partner as the user enters it; `covers` is a comma-separated list of fields."""

    name: str
    company: str = ""
    covers: str = ""
    contact: str = ""
    trusted: bool = False
    notes: str = ""


@dataclass(frozen=True)
class PartnerDTO:
    """Someone to refer declined requests to."""

    id: int
    name: str
    company: str
    covers: tuple[str, ...]
    contact: str
    trusted: bool
    notes: str


@dataclass(frozen=True)
class DeclineInput:
    """A request turned down: why, how they found you, whom you referred them to."""

    summary: str
    reason: str
    source: str = ""
    partner_id: int | None = None
    come_back_on: dt.date | None = None
    customer_id: int | None = None


@dataclass(frozen=True)
class DeclineDTO:
    """A recorded decline and the come-back touchpoint it planned, if any."""

    id: int
    summary: str
    reason: str
    source: str
    partner_id: int | None
    partner_name: str
    customer_id: int | None
    come_back_on: dt.date | None
    touchpoint: TouchpointDTO | None
    customer_name: str = ""


@dataclass(frozen=True)
class LibraryInput:
    """An article, paper, event or introduction worth sending."""

    title: str
    kind: str = "article"
    url: str = ""
    note: str = ""
    tags: str = ""
    industries: str = ""
    expires_on: dt.date | None = None


@dataclass(frozen=True)
class LibraryItemDTO:
    """A library item; tags and industries lower-case."""

    id: int
    title: str
    kind: str
    url: str
    note: str
    tags: tuple[str, ...]
    industries: tuple[str, ...]
    expires_on: dt.date | None


@dataclass(frozen=True)
class LibrarySendDTO:
    """An item sent to a customer."""

    item_id: int
    title: str
    customer_id: int
    touchpoint_id: int | None
    sent_at: dt.datetime


@dataclass(frozen=True)
class FeedbackResult:
    """A recorded score and what it changed in the plan."""

    id: int
    customer_id: int
    touchpoint_id: int | None
    score: int
    note: str
    skipped: tuple[TouchpointDTO, ...]  # referral asks called off
    added: tuple[TouchpointDTO, ...]  # the recovery call
    moved: tuple[TouchpointDTO, ...]  # referral asks brought forward


LIBRARY_KINDS = ("article", "paper", "event", "introduction", "newsletter", "other")


@dataclass(frozen=True)
class ReferralAnswerDTO:
    """What the customer said to a referral / testimonial ask."""

    id: int
    customer_id: int
    touchpoint_id: int
    given: bool  # a referral, a testimonial or a recommendation; False: they declined
    note: str
