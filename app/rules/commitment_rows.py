"""Commitment rows: DTOs, resolving, starting a recovery, the promise a sale makes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.dto.commitments import OPEN_STATUSES, CommitmentDTO
from app.dto.vocabulary import Status
from app.i18n import N_, _
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import new_touchpoint
from app.scheduling.recovery import recovery_plan
from models.commitment import Commitment
from models.customer import Customer
from models.repositories import bulk
from models.repositories import commitments as repo
from models.repositories.bulk import NewCommitment
from models.sale import Sale
from models.touchpoint import Touchpoint

KEPT_REASON = N_("Promise kept")


def commitment_dto(row: Commitment, customer_name: str) -> CommitmentDTO:
    return CommitmentDTO(
        id=row.id,
        customer_id=row.customer_id,
        customer_name=customer_name,
        sale_id=row.sale_id,
        text=row.text,
        due_on=row.due_on,
        buffer_days=row.buffer_days,
        status=row.status,
        note=row.note,
        recovery_started_at=row.recovery_started_at,
        resolved_at=row.resolved_at,
        recovered=row.recovered,
    )


def resolve(session: Session, row: Commitment, kept: bool, ctx: PlanningContext) -> None:
    """Close a promise. Late but a recovery ran: recovered. Kept: the rest of the recovery
    is skipped (nothing left to recover)."""
    row.status = "kept" if kept else "broken"
    row.recovered = not kept and row.recovery_started_at is not None
    row.resolved_at = ctx.now
    if kept:
        for step in repo.steps_of(session, row.id):
            if step.status == Status.PLANNED:
                step.status, step.skip_reason = "skipped", KEPT_REASON
                step.sequence += 1
                step.updated_at = ctx.now


def start_recovery(
    session: Session, row: Commitment, ctx: PlanningContext, note: str = ""
) -> list[Touchpoint]:
    """Mark at risk and plan the recovery steps from now; once per promise. The steps belong
    to no plan step and no sale, so re-planning never moves them."""
    row.status = "at_risk"
    if note:
        row.note = f"{row.note}\n{note}".strip() if row.note else note
    if row.recovery_started_at is not None:
        return []
    row.recovery_started_at = ctx.now
    now_local = ctx.now.astimezone(ctx.zone)
    steps = recovery_plan(now_local, ctx.calendar)
    rows = []
    for step in steps:
        touchpoint = new_touchpoint(
            customer_id=row.customer_id,
            sale_id=None,
            step_id=None,
            kind="recovery",
            channel=step.channel.value,
            day=step.day,
            time_of_day=step.time_of_day,
            zone=ctx.zone,
        )
        touchpoint.commitment_id = row.id
        touchpoint.subject = step.text
        session.add(touchpoint)
        rows.append(touchpoint)
    session.flush()
    return rows


def delivery_text(description: str) -> str:
    what = " ".join(description.split())[:200]
    return _("Deliver {what}").format(what=what) if what else _("Deliver the order")


def sync_sale(session: Session, sale: Sale, ctx: PlanningContext) -> Commitment | None:
    """A won sale's promised delivery is a commitment: create it, keep its date in step,
    and close it when the delivery is recorded (on time: kept; late: broken or recovered)."""
    if sale.outcome != "won" or sale.promised_delivery is None:
        return None
    text = delivery_text(sale.description)
    row = repo.of_sale(session, sale.id, text)
    if row is None:
        row = Commitment(
            customer_id=sale.customer_id,
            sale_id=sale.id,
            text=text,
            due_on=sale.promised_delivery,
            buffer_days=0,
            status="on_track",
            note="",
            created_at=ctx.now,
            recovered=False,
        )
        session.add(row)
    if row.status in OPEN_STATUSES:
        row.due_on = sale.promised_delivery
        if sale.actual_delivery is not None:
            resolve(session, row, sale.actual_delivery <= row.due_on, ctx)
    session.flush()
    return row


def insert_for_sales(
    session: Session, sale_ids: Sequence[int], values: Sequence[dict[str, Any]], now: dt.datetime
) -> None:
    """The same promises for sales recorded in bulk (values as given to the sale insert)."""
    # Positional: one per sale, and keywords cost noticeably more.
    rows = [
        NewCommitment(
            sale["customer_id"],
            sale_id,
            delivery_text(sale["description"]),
            sale["promised_delivery"],
            0,
            "on_track",
            "",
            now,
        )
        for sale_id, sale in zip(sale_ids, values, strict=True)
        if sale["outcome"] == "won" and sale["promised_delivery"] is not None
    ]
    # Straight to the driver: the ORM's bulk insert took as long as planning the sales.
    bulk.insert_commitments(session, rows)


def is_overdue(row: Commitment, today: dt.date) -> bool:
    """The buffer's last day has passed and the promise is not kept."""
    return row.status == "on_track" and today > row.due_on - dt.timedelta(days=row.buffer_days)


def live_customer(session: Session, customer_id: int) -> Customer | None:
    customer = session.get(Customer, customer_id)
    return customer if customer is not None and customer.deleted_at is None else None
