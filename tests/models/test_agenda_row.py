"""The agenda row has one definition: the DTO, the plain read and the ORM select agree."""

from __future__ import annotations

import datetime as dt

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from models import plain_reads
from models.agenda_row import AGENDA_FIELDS
from models.repositories import touchpoints as repo


def test_the_dto_fields_are_the_agenda_fields_in_order() -> None:
    assert tuple(field for _table, _column, field in AGENDA_FIELDS) == TouchpointDTO._fields


def test_the_plain_read_and_the_orm_select_give_the_same_rows(context: AppContext) -> None:
    customer = context.customers.add(CustomerInput(name="Ana Silva", company="Acme"))
    sale = context.sales.record(
        SaleInput(customer.id, dt.date(2026, 11, 23), "won", promised_delivery=dt.date(2026, 12, 1))
    )
    first, second, *_ = sale.touchpoints
    context.touchpoints.done(first.id, note="sent")
    context.touchpoints.snooze(second.id, days=3)
    with context.sessions() as session:
        driver = session.connection().connection.driver_connection
        plain = plain_reads.agenda(driver, start=None, end=None, statuses=())
        ids = [row[0] for row in plain]
        orm = [tuple(row) for row in repo.by_ids(session, ids)]
    assert len(plain) >= 4 and plain == orm
    kinds = {
        field: {type(row[n]) for row in plain} for n, (_t, _c, field) in enumerate(AGENDA_FIELDS)
    }
    assert kinds["pinned"] == {bool} and dt.datetime in kinds["completed_at"]
