"""Customer queries: keyset pages with SQL-side search and sort."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    func,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from models.customer import Customer
from models.customer_dates import NO_NEXT_DUE
from models.search_index import MIN_TERM, TABLE, match_phrase

SORTABLE = {
    "name": Customer.name,
    "company": Customer.company,
    "email": Customer.email,
    "phone": Customer.phone,
    "channel": Customer.preferred_channel,
    "is_key": Customer.is_key,
    "created_at": Customer.created_at,
    # Kept on the row by triggers (models.customer_dates), so sorting by them is one index.
    "next_due": Customer.next_due,
    "last_contact": Customer.last_contact_at,
}


def has_search_index(session: Session) -> bool:
    """Whether the FTS index exists (it is skipped on SQLite builds without FTS5)."""
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": TABLE},
    ).first()
    return found is not None


Search = str | Sequence[Sequence[str]]


def _word(form: str, number: str, indexed: bool) -> ColumnElement[bool]:
    if len(form) >= MIN_TERM and indexed:
        matches: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(text(TABLE))
            .where(text(f"{TABLE} MATCH :{number}").bindparams(**{number: match_phrase(form)}))
        )
        return Customer.id.in_(matches)
    # instr() is a plain substring test: no LIKE wildcards to escape in user text.
    return func.instr(Customer.search_text, form) > 0


def _filters(
    search: Search,
    include_deleted: bool,
    indexed: bool,
    no_future: bool = False,
    contacted_before: dt.datetime | None = None,
) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if not include_deleted:
        filters.append(Customer.deleted_at.is_(None))
    if no_future:
        filters.append(Customer.next_due >= NO_NEXT_DUE)
    if contacted_before is not None:
        # Someone who asked not to be contacted is not "drifting into silence".
        filters.extend(
            (Customer.last_contact_at < contacted_before, Customer.do_not_contact.is_(False))
        )
    # Every word must match; a word written several ways (a phone number) in any form.
    terms = [(word,) for word in search.casefold().split()] if isinstance(search, str) else search
    for number, forms in enumerate(terms):
        found = [_word(form, f"term{number}_{n}", indexed) for n, form in enumerate(forms)]
        filters.append(found[0] if len(found) == 1 else or_(*found))
    return filters


def page(
    session: Session,
    *,
    search: Search,
    sort_by: str,
    descending: bool,
    after: tuple[Any, int] | None,
    limit: int,
    include_deleted: bool = False,
    no_future: bool = False,
    contacted_before: dt.datetime | None = None,
) -> Sequence[Row[Any]]:
    """One page of customers after the keyset cursor (sort value, id), as plain rows with the
    Customer's attribute names: a list page builds no ORM objects (most of its cost)."""
    column = SORTABLE[sort_by]
    filters = _filters(
        search, include_deleted, has_search_index(session), no_future, contacted_before
    )
    if after is not None:
        key = tuple_(column, Customer.id)
        filters.append(key < tuple_(*after) if descending else key > tuple_(*after))
    order = (column.desc(), Customer.id.desc()) if descending else (column, Customer.id)
    statement = select(*Customer.__table__.columns).where(*filters).order_by(*order).limit(limit)
    return session.execute(statement).all()


def count(
    session: Session,
    *,
    search: Search,
    include_deleted: bool = False,
    no_future: bool = False,
    contacted_before: dt.datetime | None = None,
) -> int:
    filters = _filters(
        search, include_deleted, has_search_index(session), no_future, contacted_before
    )
    statement = select(func.count(Customer.id)).where(*filters)
    return int(session.scalar(statement) or 0)


def get(session: Session, customer_id: int) -> Customer | None:
    return session.get(Customer, customer_id)


def deleted(session: Session) -> Sequence[Customer]:
    statement = (
        select(Customer)
        .where(Customer.deleted_at.is_not(None))
        .order_by(Customer.deleted_at.desc())
    )
    return session.scalars(statement).all()


def sort_value(customer: Customer | Row[Any], sort_by: str) -> Any:
    """The cursor value of a row for the given sort column."""
    attribute = {"channel": "preferred_channel", "last_contact": "last_contact_at"}
    return getattr(customer, attribute.get(sort_by, sort_by))


def all_active(session: Session) -> Sequence[Customer]:
    return session.scalars(select(Customer).where(Customer.deleted_at.is_(None))).all()
