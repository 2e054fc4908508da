"""Small hand-made Insights histories, written straight into the tables: customers,
follow-ups, contacts, promises, requests and sales at Berlin wall-clock moments (CET)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from app.context import AppContext
from models.commitment import Commitment
from models.customer import Customer
from models.interaction import Interaction
from models.responsiveness import InboundRequest
from models.sale import Sale
from models.touchpoint import Touchpoint

D = dt.date
CET = dt.timezone(dt.timedelta(hours=1))
_uids = itertools.count()


def at(day: str, time: str = "11:00") -> dt.datetime:
    """A Berlin wall-clock moment in November (CET) as the aware instant stored."""
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=CET)


def customer(
    session: Any,
    name: str,
    *,
    key: bool = False,
    days: int | None = None,
    created: str = "2026-06-01",
    deleted: bool = False,
    dnc: bool = False,
) -> int:
    row = Customer(
        name=name,
        is_key=key,
        keep_in_touch_days=days,
        do_not_contact=dnc,
        created_at=at(created),
        deleted_at=at("2026-11-20") if deleted else None,
    )
    session.add(row)
    session.flush()
    return row.id


def touchpoint(
    session: Any,
    who: int,
    due: str,
    status: str = "planned",
    *,
    closed: str | None = None,
    kind: str = "value_add",
) -> int:
    row = Touchpoint(
        uid=f"t{next(_uids)}",
        customer_id=who,
        kind=kind,
        channel="email",
        due_date=D.fromisoformat(due),
        status=status,
    )
    if status == "done":
        row.completed_at = at(*closed.split()) if closed else None
    if status == "skipped":
        row.updated_at = at(*closed.split()) if closed else None
    session.add(row)
    session.flush()
    return row.id


def contact(session: Any, who: int, when: str) -> None:
    session.add(Interaction(customer_id=who, occurred_at=at(*when.split()), channel="phone"))


def read(context: AppContext) -> Any:
    start, end = context.insights.preset("4w")
    assert (start, end) == (D(2026, 10, 27), D(2026, 11, 23))
    return context.insights.figures(start, end)


def promise(
    session: Any,
    who: int,
    status: str,
    resolved: str | None = None,
    *,
    recovered: bool = False,
    due: str = "2026-11-30",
    buffer: int = 0,
) -> None:
    session.add(
        Commitment(
            customer_id=who,
            text="Deliver",
            due_on=D.fromisoformat(due),
            buffer_days=buffer,
            status=status,
            recovered=recovered,
            resolved_at=at(*resolved.split()) if resolved else None,
        )
    )


def request(session: Any, who: int, received: str, answered: str | None) -> None:
    session.add(
        InboundRequest(
            customer_id=who,
            received_at=at(*received.split()),
            channel="phone",
            summary="Question",
            due_at=at(*received.split()),
            answered_at=at(*answered.split()) if answered else None,
        )
    )


def sale(
    session: Any,
    who: int,
    closed: str,
    amount: int,
    *,
    currency: str = "EUR",
    outcome: str = "won",
    deleted: bool = False,
) -> None:
    session.add(
        Sale(
            customer_id=who,
            closed_on=D.fromisoformat(closed),
            outcome=outcome,
            amount_minor=amount,
            currency=currency,
            deleted_at=at("2026-11-01") if deleted else None,
        )
    )
