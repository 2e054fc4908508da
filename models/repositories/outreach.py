"""Queries for requests, the value-add library, partners and a customer's pending asks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.customer import Customer
from models.partner import Partner
from models.responsiveness import InboundRequest, LibraryItem, LibrarySend
from models.touchpoint import Touchpoint


def requests_with_names(
    session: Session,
    *,
    open_only: bool,
    customer_id: int | None = None,
    ids: Sequence[int] = (),
) -> Sequence[tuple[InboundRequest, str]]:
    """Requests of live customers, the one due soonest first."""
    statement = (
        select(InboundRequest, Customer.name)
        .join(Customer, Customer.id == InboundRequest.customer_id)
        .where(Customer.deleted_at.is_(None))
        .order_by(InboundRequest.due_at, InboundRequest.id)
    )
    if open_only:
        statement = statement.where(InboundRequest.answered_at.is_(None))
    if customer_id is not None:
        statement = statement.where(InboundRequest.customer_id == customer_id)
    if ids:
        statement = statement.where(InboundRequest.id.in_(ids))
    return [(row, name) for row, name in session.execute(statement)]


def touchpoint_of_request(session: Session, request_id: int) -> Touchpoint | None:
    statement = (
        select(Touchpoint)
        .where(Touchpoint.request_id == request_id)
        .order_by(Touchpoint.id.desc())
        .limit(1)
    )
    return session.scalars(statement).first()


def planned_of_kind(session: Session, customer_id: int, kind: str) -> Sequence[Touchpoint]:
    statement = (
        select(Touchpoint)
        .where(
            Touchpoint.customer_id == customer_id,
            Touchpoint.kind == kind,
            Touchpoint.status == "planned",
        )
        .order_by(Touchpoint.due_date, Touchpoint.id)
    )
    return session.scalars(statement).all()


def library_items(
    session: Session, *, not_expired_on: dt.date | None = None, unsent_to: int | None = None
) -> Sequence[LibraryItem]:
    """Newest first; optionally only those still valid on a day and not yet sent to someone."""
    statement = select(LibraryItem).order_by(LibraryItem.created_at.desc(), LibraryItem.id.desc())
    if not_expired_on is not None:
        statement = statement.where(
            or_(LibraryItem.expires_on.is_(None), LibraryItem.expires_on >= not_expired_on)
        )
    if unsent_to is not None:
        sent = select(LibrarySend.item_id).where(LibrarySend.customer_id == unsent_to)
        statement = statement.where(LibraryItem.id.not_in(sent))
    return session.scalars(statement).all()


def sent_to(session: Session, item_id: int, customer_id: int) -> LibrarySend | None:
    statement = select(LibrarySend).where(
        LibrarySend.item_id == item_id, LibrarySend.customer_id == customer_id
    )
    return session.scalars(statement).first()


def sends_of_customer(session: Session, customer_id: int) -> Sequence[tuple[LibrarySend, str]]:
    statement = (
        select(LibrarySend, LibraryItem.title)
        .join(LibraryItem, LibraryItem.id == LibrarySend.item_id)
        .where(LibrarySend.customer_id == customer_id)
        .order_by(LibrarySend.sent_at.desc(), LibrarySend.id.desc())
    )
    return [(row, title) for row, title in session.execute(statement)]


def partners(session: Session, trusted_only: bool = False) -> Sequence[Partner]:
    statement = select(Partner).order_by(Partner.name, Partner.id)
    if trusted_only:
        statement = statement.where(Partner.trusted.is_(True))
    return session.scalars(statement).all()
