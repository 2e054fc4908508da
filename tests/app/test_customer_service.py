"""Customer service: validation, search, keyset paging, trash."""

from __future__ import annotations

import pytest

from app.context import AppContext
from app.dto.customers import CustomerInput, CustomerQuery
from app.errors import NotFound, ValidationError


def test_add_normalises_and_reads_back(context: AppContext) -> None:
    created = context.customers.add(
        CustomerInput(
            name="  Ana\x00 Silva ",
            company="Acme",
            email="ana@acme.example",
            phone="+49 170 1234567",
            channel="Phone",
            birthday="02-29",
            is_key=True,
        )
    )
    again = context.customers.get(created.id)
    assert again.name == "Ana Silva"
    assert again.channel == "phone"
    assert str(again.birthday) == "02-29" and again.birthday and again.birthday.year is None
    assert again.is_key


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "name must not be empty"),
        ("email", "not-an-address", "is not an e-mail address"),
        ("channel", "pigeon", "unknown channel"),
        ("birthday", "2026-02-30", "not a real date"),
        ("birthday", "31/12/1980", "YYYY-MM-DD or MM-DD"),
        ("phone", "call me maybe", "not a phone number"),
    ],
)
def test_invalid_input_is_refused_and_nothing_written(
    context: AppContext, field: str, value: str, message: str
) -> None:
    fields = {"name": "Valid Name", field: value}
    with pytest.raises(ValidationError, match=message):
        context.customers.add(CustomerInput(**fields))  # type: ignore[arg-type]
    assert context.customers.count() == 0


def test_search_matches_name_company_email_and_phone_digits(context: AppContext) -> None:
    context.customers.add(CustomerInput(name="Ana Silva", company="Acme", phone="+49 170 555"))
    context.customers.add(CustomerInput(name="Ben Okafor", email="ben@northwind.example"))
    names = lambda text: [c.name for c in context.customers.page(CustomerQuery(search=text)).rows]  # noqa: E731
    assert names("acme") == ["Ana Silva"]
    assert names("NORTHWIND") == ["Ben Okafor"]
    assert names("170555") == ["Ana Silva"]
    assert names("ana acme") == ["Ana Silva"]
    assert names("%") == []  # user text is never a wildcard


def test_keyset_pages_cover_every_row_once_in_both_directions(context: AppContext) -> None:
    for number in range(57):
        context.customers.add(CustomerInput(name=f"Customer {number % 10}", company=f"C{number}"))
    for descending in (False, True):
        seen: list[int] = []
        after = None
        while True:
            page = context.customers.page(
                CustomerQuery(sort_by="name", descending=descending, after=after, limit=10)
            )
            seen.extend(row.id for row in page.rows)
            if page.next_after is None:
                break
            after = page.next_after
        assert sorted(seen) == list(range(1, 58))
        assert len(seen) == len(set(seen))


def test_delete_moves_to_trash_and_restore_brings_back(context: AppContext) -> None:
    kept = context.customers.add(CustomerInput(name="Kept"))
    gone = context.customers.add(CustomerInput(name="Gone"))
    context.customers.delete(gone.id)
    assert [c.name for c in context.customers.page(CustomerQuery()).rows] == ["Kept"]
    assert [c.id for c in context.customers.trash()] == [gone.id]
    with pytest.raises(NotFound):
        context.customers.update(gone.id, CustomerInput(name="Edited while deleted"))
    context.customers.restore(gone.id)
    assert {c.id for c in context.customers.page(CustomerQuery()).rows} == {kept.id, gone.id}


def test_silence_filters(context: AppContext, clock: object) -> None:
    import datetime as dt

    from app.dto.customers import CustomerQuery as Q

    quiet = context.customers.add(CustomerInput(name="Quiet", do_not_contact=True))
    busy = context.customers.add(CustomerInput(name="Busy"))
    context.interactions.add(busy.id, "Called", channel="phone")
    names = lambda query: [c.name for c in context.customers.page(query).rows]  # noqa: E731
    assert names(Q(no_future_touchpoint=True)) == [quiet.name]
    assert names(Q(not_contacted_days=30)) == []  # Quiet cannot be contacted; Busy just was
    context.clock.set(context.clock.now() + dt.timedelta(days=40))  # type: ignore[attr-defined]
    assert names(Q(not_contacted_days=30)) == [busy.name]
    assert context.customers.count(query=Q(not_contacted_days=30)) == 1


def test_search_index_follows_edits_and_takes_any_text(context: AppContext) -> None:
    from app.dto.customers import CustomerQuery as Q

    ana = context.customers.add(CustomerInput(name="Ana Silva", company="Acme Logistics"))
    names = lambda text: [c.name for c in context.customers.page(Q(search=text)).rows]  # noqa: E731
    assert names("logist") == ["Ana Silva"]
    context.customers.update(ana.id, CustomerInput(name="Ana Silva", company="Northwind"))
    assert names("logist") == [] and names("northw") == ["Ana Silva"]
    for hostile in ('"', '" OR 1', "an*", "NEAR(a b)", "'; DROP TABLE customer; --"):
        assert names(hostile) == []
    assert context.customers.count(query=Q(search="wind ana")) == 1
