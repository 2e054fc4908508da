"""The rewritten Insights statements give the very answers of the ones they replaced
(tests/support/insights_sql_before.py) on random histories: contacts around local midnight and
the change from summer time, customers added after their first contact, small and large
cadences, the trash and do-not-contact, follow-ups done, skipped and left open."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from sqlalchemy import select

from app.context import AppContext
from app.dto.customers import CustomerInput
from models.customer import Customer
from models.interaction import Interaction
from models.repositories import insights as insights_repo
from models.sale import Sale
from models.touchpoint import Touchpoint
from tests.support import insights_sql_before

BERLIN_SETTINGS = {"timezone": "Europe/Berlin", "holiday_country": "DE-BY"}
TODAY = dt.date(2026, 11, 23)


def _instant(rng: random.Random, first: dt.date, last: dt.date) -> dt.datetime:
    """A UTC instant on a day between the two, often close to a Berlin midnight."""
    day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
    minutes = rng.choice((0, 1, 22 * 60, 22 * 60 + 59, 23 * 60, 23 * 60 + 30, rng.randint(0, 1439)))
    return dt.datetime.combine(day, dt.time(), dt.UTC) + dt.timedelta(minutes=minutes)


def _history(context: AppContext, seed: int) -> None:
    rng = random.Random(seed)
    early = TODAY - dt.timedelta(days=400)
    with context.sessions.begin() as session:
        ids = []
        for number in range(60):
            row = Customer(
                name=f"Customer {number}",
                is_key=rng.random() < 0.3,
                keep_in_touch_days=rng.choice((None, None, 1, 3, 7, 10, 30, 45, 200)),
                do_not_contact=rng.random() < 0.05,
                created_at=_instant(rng, early, TODAY),
                deleted_at=_instant(rng, TODAY - dt.timedelta(days=30), TODAY)
                if rng.random() < 0.05
                else None,
            )
            session.add(row)
            session.flush()
            ids.append(row.id)
        for who in ids:
            # Some customers were in contact before they were added (an import).
            for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 9))):
                session.add(
                    Interaction(
                        customer_id=who,
                        occurred_at=_instant(rng, early, TODAY + dt.timedelta(days=1)),
                        channel="phone",
                    )
                )
            for _ in range(rng.choice((0, 1, 3))):
                due = early + dt.timedelta(days=rng.randint(200, 400))
                status = rng.choice(("planned", "done", "done", "skipped"))
                if due > TODAY:
                    status = "planned"
                closed = _instant(rng, due - dt.timedelta(days=3), TODAY)
                session.add(
                    Touchpoint(
                        uid=f"r{seed}-{who}-{rng.getrandbits(32)}",
                        customer_id=who,
                        kind=rng.choice(("value_add", "referral", "check_in")),
                        channel="email",
                        due_date=due,
                        status=status,
                        completed_at=closed if status == "done" else None,
                        updated_at=closed if status == "skipped" else None,
                    )
                )
            if rng.random() < 0.3:
                session.add(
                    Sale(
                        customer_id=who,
                        closed_on=early + dt.timedelta(days=rng.randint(0, 400)),
                        outcome="won",
                        amount_minor=rng.randint(100, 10_000),
                        currency=rng.choice(("EUR", "EUR", "USD")),
                    )
                )


def _both(context: AppContext, start: dt.date, end: dt.date, monkeypatch: Any) -> tuple[Any, Any]:
    now = context.insights.figures(start, end)
    with monkeypatch.context() as patch:
        patch.setattr(insights_repo, "statements", insights_sql_before.statements)
        before = context.insights.figures(start, end)
    return now, before


@pytest.mark.parametrize("seed", range(6))
def test_the_same_figures_as_before_on_a_random_history(
    context: AppContext, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    context.settings.set_many(BERLIN_SETTINGS | {"default_cadence_days": "20"})
    _history(context, seed)
    periods = [
        context.insights.preset("4w"),
        context.insights.preset("quarter"),
        (dt.date(2026, 10, 20), dt.date(2026, 10, 31)),  # summer time ends inside
        (dt.date(2026, 3, 1), dt.date(2026, 6, 30)),  # ends long before today
        (TODAY, TODAY),
    ]
    for start, end in periods:
        now, before = _both(context, start, end, monkeypatch)
        assert now == before, (start, end)


@pytest.mark.parametrize("seed", range(3))
def test_the_same_figures_after_contacts_are_logged_undone_and_skipped(
    context: AppContext, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Contacts the app logs and takes back (done and its undo, skip and its undo, contacts
    noted by hand) and customers edited, trashed and restored keep the stored links Nobody
    forgotten reads in step."""
    context.settings.set_many(BERLIN_SETTINGS | {"default_cadence_days": "20"})
    _history(context, seed)
    rng = random.Random(seed)
    with context.sessions() as session:
        planned = list(
            session.scalars(
                select(Touchpoint.id)
                .join(Customer, Customer.id == Touchpoint.customer_id)
                .where(
                    Touchpoint.status == "planned",
                    Touchpoint.due_date <= TODAY,
                    Customer.deleted_at.is_(None),
                )
            )
        )
        customers = list(session.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))))
    done = 0
    for touchpoint_id in rng.sample(planned, min(12, len(planned))):
        if rng.random() < 0.6:
            context.touchpoints.done(touchpoint_id)
            done += 1
        else:
            context.touchpoints.skip(touchpoint_id, "Not now.")
        if rng.random() < 0.5:
            context.touchpoints.undo(touchpoint_id)
    for customer_id in rng.sample(customers, 8):
        back = dt.timedelta(days=rng.randint(0, 120), minutes=rng.choice((0, 70, 1380)))
        context.interactions.add(
            customer_id, "Met at the fair.", "phone", context.planning().now - back
        )
    # What of the customer a silence depends on, changed after the contacts were linked.
    for customer_id in rng.sample(customers, 10):
        roll = rng.random()
        if roll < 0.25:
            context.customers.delete(customer_id)
        else:
            context.customers.update(
                customer_id,
                CustomerInput(
                    name=f"Customer {customer_id}",
                    is_key=rng.random() < 0.5,
                    keep_in_touch_days=rng.choice((None, 2, 15, 90)),
                    do_not_contact=roll > 0.85,
                ),
            )
    for trashed in context.customers.trash()[:2]:
        context.customers.restore(trashed.id)
    assert done > 0
    for start, end in (context.insights.preset("4w"), context.insights.preset("quarter")):
        now, before = _both(context, start, end, monkeypatch)
        assert now == before, (start, end)
