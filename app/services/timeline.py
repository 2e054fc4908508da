"""A customer's timeline: sales, touchpoints, interactions and commitments merged by date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from app.dto.sales import SaleDTO
from app.dto.timeline import (
    COMMITMENT,
    INTERACTION,
    OPEN_COMMITMENT,
    PAST,
    SALE,
    TOUCHPOINT,
    UPCOMING,
    CustomerTimeline,
    InteractionDTO,
    MoneyTotal,
    TimelineEntry,
    TimelineTotals,
)
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import STATUSES, Status
from app.errors import NotFound
from app.i18n import _
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import to_dto as touchpoint_dto
from app.services.customers import to_dto as customer_dto
from app.services.interactions import interaction_dto
from app.services.sales import sale_dto
from models.commitment import Commitment
from models.repositories import customers as customer_repo
from models.repositories import interactions as interaction_repo
from models.repositories import sales as sale_repo
from models.repositories import timeline as repo
from models.repositories import touchpoints as tp_repo

# Same day, no time: sales first, then touchpoints, commitments, interactions.
SOURCE_ORDER = {SALE: 0, TOUCHPOINT: 1, COMMITMENT: 2, INTERACTION: 3}


def _local(instant: dt.datetime, zone: ZoneInfo) -> tuple[dt.date, dt.time]:
    local = instant.astimezone(zone)
    return local.date(), local.time().replace(second=0, microsecond=0)


def _sale_entry(sale: SaleDTO) -> TimelineEntry:
    return TimelineEntry(
        section=PAST,
        when=sale.closed_on,
        source=SALE,
        source_id=sale.id,
        status=sale.outcome,
        detail=sale.description,
        sale_id=sale.id,
        amount_minor=sale.amount_minor,
        currency=sale.currency,
        promised_delivery=sale.promised_delivery,
        actual_delivery=sale.actual_delivery,
        lost_reason=sale.lost_reason,
        lost_note=sale.lost_note,
    )


def _touchpoint_entry(row: TouchpointDTO, ctx: PlanningContext) -> TimelineEntry:
    when, time = row.due_date, None
    if row.due_at is not None:
        time = _local(row.due_at, ctx.zone)[1]
    if row.status == Status.DONE and row.completed_at is not None:
        # What happened counts, not what was planned.
        when, time = _local(row.completed_at, ctx.zone)
    planned = row.status == Status.PLANNED
    return TimelineEntry(
        section=UPCOMING if planned else PAST,
        when=when,
        source=TOUCHPOINT,
        source_id=row.id,
        status=row.status,
        # What a recovery step or a request is about, until there is an outcome to show.
        # The planner's own skip reasons are stored in English (they are matched as keys) and
        # translated here, where they are shown; a reason the user typed is no msgid: kept.
        detail=_(row.skip_reason)
        if row.status == Status.SKIPPED and row.skip_reason
        else (row.outcome_note or row.subject),
        kind=row.kind,
        channel=row.channel,
        time=time,
        overdue=planned and row.due_date < ctx.today,
        sale_id=row.sale_id,
        pinned=row.pinned,
    )


def _interaction_entry(row: InteractionDTO, zone: ZoneInfo) -> TimelineEntry:
    when, time = _local(row.occurred_at, zone)
    return TimelineEntry(
        section=PAST,
        when=when,
        source=INTERACTION,
        source_id=row.id,
        status="",
        detail=row.summary,
        channel=row.channel,
        time=time,
    )


def _commitment_entry(row: Commitment, ctx: PlanningContext) -> TimelineEntry:
    is_open = row.status in OPEN_COMMITMENT
    when = row.due_on
    if not is_open and row.resolved_at is not None:
        when = _local(row.resolved_at, ctx.zone)[0]
    return TimelineEntry(
        section=UPCOMING if is_open else PAST,
        when=when,
        source=COMMITMENT,
        source_id=row.id,
        status=row.status,
        detail=row.text,
        overdue=is_open and row.due_on < ctx.today,
        sale_id=row.sale_id,
        buffer_days=row.buffer_days,
    )


def _sort_key(entry: TimelineEntry) -> tuple[dt.date, dt.time, int, int]:
    return (entry.when, entry.time or dt.time.min, SOURCE_ORDER[entry.source], entry.source_id)


def _totals(
    sales: Iterable[SaleDTO], planned: int, last_contact: dt.datetime | None
) -> TimelineTotals:
    won = lost = 0
    amounts: dict[str, int] = {}
    for sale in sales:
        if sale.outcome == "won":
            won += 1
            if sale.amount_minor is not None:
                amounts[sale.currency] = amounts.get(sale.currency, 0) + sale.amount_minor
        else:
            lost += 1
    money = tuple(MoneyTotal(code, amounts[code]) for code in sorted(amounts))
    return TimelineTotals(won, lost, money, planned, last_contact)


class TimelineService:
    """Read-only: one session per call, DTOs out."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def timeline(self, customer_id: int) -> CustomerTimeline:
        """Upcoming entries soonest first (overdue ones lead), then the past newest first."""
        ctx = self._planning()
        with self._sessions() as session:
            row = customer_repo.get(session, customer_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(
                    _("customer {customer_id} does not exist (or is in the trash)").format(
                        customer_id=customer_id
                    )
                )
            sales = [sale_dto(sale) for sale in sale_repo.of_customer(session, customer_id)]
            touchpoints = [
                touchpoint_dto(tp)
                for tp in tp_repo.agenda_rows(
                    session, start=None, end=None, customer_id=customer_id, statuses=STATUSES
                )
            ]
            interactions = [
                interaction_dto(item) for item in interaction_repo.of_customer(session, customer_id)
            ]
            commitments = repo.commitments_of_customer(session, customer_id)
            entries = [_sale_entry(sale) for sale in sales]
            entries += [_touchpoint_entry(tp, ctx) for tp in touchpoints]
            entries += [_commitment_entry(item, ctx) for item in commitments]
            # Completing a touchpoint logs an interaction too: show that contact once.
            done = {tp.id for tp in touchpoints if tp.status == Status.DONE}
            entries += [
                _interaction_entry(item, ctx.zone)
                for item in interactions
                if item.touchpoint_id not in done
            ]
            upcoming = sorted((e for e in entries if e.section == UPCOMING), key=_sort_key)
            past = sorted((e for e in entries if e.section == PAST), key=_sort_key, reverse=True)
            planned = sum(1 for tp in touchpoints if tp.status == Status.PLANNED)
            # Newest first, so the first is the last contact.
            last_contact = interactions[0].occurred_at if interactions else None
            totals = _totals(sales, planned, last_contact)
            return CustomerTimeline(
                customer=customer_dto(row),
                today=ctx.today,
                totals=totals,
                entries=(*upcoming, *past),
            )
