"""Next follow-up and last contact on the Customers list: kept in step, sorted and paged in SQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput, CustomerQuery
from app.dto.sales import SaleInput

D = dt.date


def planned_days(planner: AppContext, customer: CustomerDTO) -> list[D]:
    return sorted(
        item.due_date
        for item in planner.agenda.touchpoints(customer_id=customer.id)
        if item.status == "planned"
    )


def test_next_follow_up_follows_sales_done_and_skips(planner: AppContext, ana: CustomerDTO) -> None:
    before = planner.customers.get(ana.id).next_due
    assert before == (planned_days(planner, ana) or [None])[0]
    planner.sales.record(
        SaleInput(ana.id, D(2026, 11, 20), "won", promised_delivery=D(2026, 12, 4))
    )
    first = planned_days(planner, ana)[0]
    assert planner.customers.get(ana.id).next_due == first == D(2026, 11, 20)
    thank_you = next(
        item for item in planner.agenda.touchpoints(customer_id=ana.id) if item.due_date == first
    )
    planner.touchpoints.done(thank_you.id, note="Sent")
    assert planner.customers.get(ana.id).next_due == planned_days(planner, ana)[0] > first
    for item in planner.agenda.touchpoints(customer_id=ana.id):
        if item.status == "planned":
            planner.touchpoints.skip(item.id, reason="Changed plans")
    # Skipping everything leaves only what keep-in-touch plans afresh.
    after_skips = planner.customers.get(ana.id).next_due
    assert after_skips == (planned_days(planner, ana) or [None])[0]
    assert after_skips is None or after_skips > D(2027, 1, 1)


def test_last_contact_is_the_latest_interaction(planner: AppContext, ana: CustomerDTO) -> None:
    assert planner.customers.get(ana.id).last_contact is None
    now = planner.clock.now()
    planner.interactions.add(ana.id, "Called about the quote", occurred_at=now)
    planner.interactions.add(ana.id, "Met at the fair", occurred_at=now - dt.timedelta(days=30))
    assert planner.customers.get(ana.id).last_contact == D(2026, 11, 20)
    # The day is the user's (Berlin): 23:30 UTC on the 20th is already the 21st there.
    late = dt.datetime(2026, 11, 20, 23, 30, tzinfo=dt.UTC)
    planner.clock.set(late + dt.timedelta(hours=1))  # type: ignore[attr-defined]
    planner.interactions.add(ana.id, "Late call", occurred_at=late)
    assert planner.customers.get(ana.id).last_contact == D(2026, 11, 21)


def test_sorted_by_next_follow_up_nothing_planned_last_and_paged(planner: AppContext) -> None:
    ids = []
    for number, closed in enumerate((D(2026, 11, 18), D(2026, 11, 12), D(2026, 11, 16))):
        customer = planner.customers.add(CustomerInput(name=f"Buyer {number}"))
        planner.sales.record(SaleInput(customer.id, closed, "lost"))
        ids.append(customer.id)
    silent = planner.customers.add(CustomerInput(name="Silent", do_not_contact=True))
    seen: list[CustomerDTO] = []
    query = CustomerQuery(sort_by="next_due", limit=2)
    while True:
        page = planner.customers.page(query)
        seen.extend(page.rows)
        if page.next_after is None:
            break
        query = CustomerQuery(sort_by="next_due", limit=2, after=page.next_after)
    dues = [row.next_due for row in seen]
    assert [row.id for row in seen][-1] == silent.id and dues[-1] is None
    assert dues[:-1] == sorted(due for due in dues if due is not None)
    assert len(seen) == 4
    backwards = planner.customers.page(CustomerQuery(sort_by="next_due", descending=True))
    assert [row.id for row in backwards.rows] == [row.id for row in reversed(seen)]


def test_sorted_by_last_contact_never_first_and_filtered(planner: AppContext) -> None:
    now = planner.clock.now()
    names = {"Recent": 3, "Old": 200, "Older": 400}
    for name, days in names.items():
        customer = planner.customers.add(CustomerInput(name=name))
        planner.interactions.add(customer.id, "Spoke", occurred_at=now - dt.timedelta(days=days))
    planner.customers.add(CustomerInput(name="Never"))
    rows = planner.customers.page(CustomerQuery(sort_by="last_contact", limit=3))
    assert [row.name for row in rows.rows] == ["Never", "Older", "Old"]
    rest = planner.customers.page(
        CustomerQuery(sort_by="last_contact", limit=3, after=rows.next_after)
    )
    assert [row.name for row in rest.rows] == ["Recent"]
    quiet = CustomerQuery(sort_by="last_contact", not_contacted_days=90)
    shown = planner.customers.page(quiet).rows
    assert [(row.name, row.last_contact) for row in shown] == [
        ("Never", None),
        ("Older", (now - dt.timedelta(days=400)).date()),
        ("Old", (now - dt.timedelta(days=200)).date()),
    ]
    assert planner.customers.count(query=quiet) == 3


def test_nothing_planned_filter_reads_the_same_dates(planner: AppContext) -> None:
    busy = planner.customers.add(CustomerInput(name="Busy"))
    planner.sales.record(SaleInput(busy.id, D(2026, 11, 19), "lost"))
    planner.customers.add(CustomerInput(name="Idle", do_not_contact=True))
    idle_query = CustomerQuery(no_future_touchpoint=True)
    assert [row.name for row in planner.customers.page(idle_query).rows] == ["Idle"]


def test_a_new_customer_comes_back_with_the_check_in_just_planned(planner: AppContext) -> None:
    added = planner.customers.add(CustomerInput(name="Fresh Face"))
    planned = sorted(t.due_date for t in planner.agenda.touchpoints(customer_id=added.id))
    assert planned and added.next_due == planned[0]
    edited = planner.customers.update(added.id, CustomerInput(name="Fresh Face", is_key=True))
    assert edited.next_due == planner.customers.get(added.id).next_due


def test_bulk_recording_settles_the_dates_once_and_keeps_the_triggers(
    planner: AppContext,
) -> None:
    customers = [planner.customers.add(CustomerInput(name=f"Bulk {n}")) for n in range(6)]
    planner.bulk_sales.record_many(
        [
            SaleInput(c.id, D(2026, 11, 10 + n), "won", promised_delivery=D(2026, 12, 1 + n))
            for n, c in enumerate(customers)
        ]
    )
    for customer in customers:
        assert planner.customers.get(customer.id).next_due == planned_days(planner, customer)[0]
    # The per-row triggers are back: a single change afterwards still moves the date.
    first = customers[0]
    soonest = next(
        item
        for item in planner.agenda.touchpoints(customer_id=first.id)
        if item.due_date == planned_days(planner, first)[0]
    )
    planner.touchpoints.done(soonest.id, note="Done on the day")
    assert planner.customers.get(first.id).next_due == planned_days(planner, first)[0]


def test_a_replan_leaves_every_next_follow_up_right(planner: AppContext) -> None:
    customers = [planner.customers.add(CustomerInput(name=f"Replan {n}")) for n in range(3)]
    for n, customer in enumerate(customers):
        planner.sales.record(
            SaleInput(customer.id, D(2026, 11, 16 + n), "won", promised_delivery=D(2026, 12, 7))
        )
    change = planner.change_settings({"working_days": "tue,wed,thu"})
    assert change.moved  # the plan moved to the new working days
    for customer in customers:
        assert planner.customers.get(customer.id).next_due == planned_days(planner, customer)[0]


def test_an_import_of_many_customers_gives_each_its_next_follow_up(
    planner: AppContext, tmp_path: Path
) -> None:
    rows = "".join(f"Person {n},person{n}@example.com\n" for n in range(150))
    source = tmp_path / "contacts.csv"
    source.write_text("Name,E-mail\n" + rows, encoding="utf-8")
    planner.importing.run(planner.importing.preview(source))
    page = planner.customers.page(CustomerQuery(limit=1000)).rows
    assert len(page) == 150
    for customer in page[::15]:
        assert customer.next_due is not None
        assert customer.next_due == planned_days(planner, customer)[0]
