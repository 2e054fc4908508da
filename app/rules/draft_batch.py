"""Rendering the drafts of many touchpoints with a handful of queries (exports, sync, Today)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dto.touchpoints import Draft
from app.dto.vocabulary import Status
from app.messages.drafts import build_draft, format_day, merge_values
from app.preferences import Preferences
from app.rules.adhoc_drafts import adhoc_parts
from models.customer import Customer
from models.plan import PlanStep
from models.repositories.keep_in_touch import chunks
from models.sale import Sale
from models.touchpoint import Touchpoint


@dataclass(frozen=True)
class TouchpointContent:
    """What a calendar event or a message needs beyond the touchpoint row itself."""

    draft: Draft
    sale_summary: str


def sale_summary(sale: Sale | None) -> str:
    if sale is None:
        return ""
    parts = [sale.description or ("Won sale" if sale.outcome == "won" else "Lost sale")]
    if sale.amount_minor is not None:
        parts.append(f"{sale.amount_minor / 100:,.2f} {sale.currency}")
    parts.append(f"closed {format_day(sale.closed_on)}")
    delivery = sale.actual_delivery or sale.promised_delivery
    if delivery is not None:
        word = "delivered" if sale.actual_delivery else "delivery promised for"
        parts.append(f"{word} {format_day(delivery)}")
    return ", ".join(parts)


Row = TypeVar("Row", Customer, Sale, PlanStep)


def _by_id(session: Session, model: type[Row], ids: set[int]) -> dict[int, Row]:
    found: dict[int, Row] = {}
    for part in chunks(sorted(ids)):
        statement = select(model).where(model.id.in_(part))
        found.update({row.id: row for row in session.scalars(statement)})
    return found


def render_contents(
    session: Session, ids: Sequence[int], prefs: Preferences, today: dt.date
) -> dict[int, TouchpointContent]:
    """Drafts and sale summaries for the given touchpoints, keyed by touchpoint id."""
    rows: list[Touchpoint] = []
    for part in chunks(list(ids)):
        rows.extend(session.scalars(select(Touchpoint).where(Touchpoint.id.in_(part))))
    customers = _by_id(session, Customer, {row.customer_id for row in rows})
    sales = _by_id(session, Sale, {row.sale_id for row in rows if row.sale_id})
    steps = _by_id(session, PlanStep, {row.step_id for row in rows if row.step_id})
    planned_by_sale: dict[int, list[Touchpoint]] = defaultdict(list)
    for part in chunks(sorted(sales)):
        statement = (
            select(Touchpoint)
            .where(Touchpoint.sale_id.in_(part), Touchpoint.status == Status.PLANNED)
            .order_by(Touchpoint.due_date, Touchpoint.id)
        )
        for other in session.scalars(statement):
            planned_by_sale[other.sale_id or 0].append(other)
    contents = {}
    for row in rows:
        customer = customers[row.customer_id]
        sale = sales.get(row.sale_id) if row.sale_id else None
        step = steps.get(row.step_id) if row.step_id else None
        later = [
            other
            for other in planned_by_sale.get(row.sale_id or 0, [])
            if other.id != row.id and other.due_date >= row.due_date
        ]
        values = merge_values(customer, sale, prefs, later, today)
        if step is not None:
            subject, body = step.subject_template, step.body_template
        else:
            # Recovery steps, requests, come-backs: their text lives on the row.
            subject, body, extra = adhoc_parts(session, row, prefs)
            values |= extra
        contents[row.id] = TouchpointContent(
            build_draft(row, customer, subject, body, values), sale_summary(sale)
        )
    return contents
