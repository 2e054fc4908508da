"""The demo database: realistic customers, sales and half a year of history, built by
replaying that history through the real services with a clock that walks forward.

It tells one story: each customer enters the book with their first sale (so nothing is
followed up before there was anything to follow up); lost sales promise no delivery; won
ones are delivered as promised, now and then a few days late; the salesperson works each
week's follow-ups with notes that fit them, brings items from the library, asks for
feedback, turns down what is not theirs; and today a promise is at risk and two requests
wait. Every date is relative to the clock's today, so it reads right on any day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

from app.clock import Clock, FixedClock
from app.context import AppContext, build_context
from app.demo_story import (
    LOST_REASONS,
    PRODUCTS,
    decline_not_now,
    decline_with_partner,
    last_day,
    note_for,
    stock_library,
)
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from app.errors import ValidationError
from app.i18n import _
from app.progress import NO_PROGRESS, Progress
from app.sample_data import sample_customers

DEMO_CUSTOMERS = 120
WEEKS_OF_HISTORY = 26
PROFILE = {
    "my_name": "Sam Seller",
    "my_title": "Account Manager",
    "my_company": "Forklift World GmbH",
    "my_phone": "+49 89 1234 5600",
    "my_email": "sam.seller@forklift-world.example",
    "my_website": "forklift-world.example",
    "holiday_country": "DE",
}


@dataclasses.dataclass
class _Book:
    """The walk's state: who is in the book yet, and which deliveries are still to come."""

    waiting: list[CustomerInput]
    ids: list[int] = dataclasses.field(default_factory=list)
    lost_sales: set[int] = dataclasses.field(default_factory=set)
    undelivered: list[tuple[int, dt.date]] = dataclasses.field(default_factory=list)


def create_demo_database(
    path: Path,
    clock: Clock,
    progress: Progress = NO_PROGRESS,
    seed: int = 3,
    customers: int = DEMO_CUSTOMERS,
    weeks: int = WEEKS_OF_HISTORY,
) -> Path:
    """Build a fresh demo database at path (replacing an older demo); returns path."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    rng = random.Random(seed)
    now = clock.now()
    walker = FixedClock(now - dt.timedelta(weeks=weeks))
    context = build_context(path, walker)
    try:
        context.settings.set_many(PROFILE)
        partners = stock_library(context)
        book = _Book(list(sample_customers(customers, seed=seed)))
        for week in range(weeks + 1):
            progress.report(week, weeks, _("Writing half a year of sample history…"))
            walker.set(now - dt.timedelta(weeks=weeks - week))
            day = context.planning().today
            # Requests this week come from customers who bought before it, never from one
            # whose first sale is still to come.
            known = list(book.ids)
            _sell(context, book, rng, day, weeks + 1 - week)
            _deliver(context, book, rng, day)
            _requests(context, walker, rng, known, day)
            _work(context, walker, book, rng, day, last_week=week == weeks)
            walker.set(now - dt.timedelta(weeks=weeks - week))
            if week == 2:
                decline_with_partner(context, partners[0])
            if week == weeks - 3:
                decline_not_now(context, rng.choice(book.ids), partners[1])
        last_day(context, walker, now, book.ids)
        progress.report(weeks, weeks, _("Done"))
    finally:
        context.close()
    return path


def _sell(context: AppContext, book: _Book, rng: random.Random, day: dt.date, left: int) -> None:
    """This week's sales: new customers (each enters with a first sale, so every customer
    is in by the last week) and a few repeat orders."""
    new = -(-len(book.waiting) // left)  # spread evenly over the weeks left
    buyers = [context.customers.add(book.waiting.pop(0)).id for _ in range(new)]
    book.ids.extend(buyers)
    repeat = [rng.choice(book.ids) for _ in range(rng.randint(0, 2))]
    for customer_id in buyers + repeat:
        won = rng.random() < 0.75
        sale = SaleInput(
            customer_id=customer_id,
            closed_on=day,
            outcome="won" if won else "lost",
            amount=str(rng.randrange(2_000, 90_000, 250)),
            description=rng.choice(PRODUCTS),
            # A lost sale delivers nothing, so it promises nothing.
            promised_delivery=_weekday(day + dt.timedelta(days=rng.randint(7, 28)))
            if won
            else None,
        )
        if not won:
            # Chosen without the random source, so the rest of the story stays as it was.
            reason, note = LOST_REASONS[customer_id % len(LOST_REASONS)]
            sale = dataclasses.replace(sale, lost_reason=reason, lost_note=note)
        recorded = context.sales.record(sale).sale
        if recorded.promised_delivery is not None:
            book.undelivered.append((recorded.id, recorded.promised_delivery))
        if not won:
            book.lost_sales.add(recorded.id)


def _weekday(day: dt.date) -> dt.date:
    """Deliveries are promised for a weekday, never a Sunday."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _deliver(context: AppContext, book: _Book, rng: random.Random, day: dt.date) -> None:
    """Deliveries arrive as promised, now and then a few days late."""
    for sale_id, promised in [item for item in book.undelivered if item[1] < day]:
        late = dt.timedelta(days=3 if rng.random() < 0.1 else 0)
        context.sales.update_delivery(sale_id, delivered=min(promised + late, day))
        book.undelivered.remove((sale_id, promised))


def _work(
    context: AppContext,
    walker: FixedClock,
    book: _Book,
    rng: random.Random,
    day: dt.date,
    last_week: bool,
) -> None:
    """Work the week's agenda as a diligent salesperson would: most on the day due, some a
    few days late, a few skipped, and this week's partly left open."""
    for item in context.agenda.touchpoints(end=day - dt.timedelta(days=1)):
        if last_week and rng.random() < 0.25:
            continue
        behind = rng.choice((1, 2, 4)) if rng.random() < 0.15 else 0
        when = min(item.due_date + dt.timedelta(days=behind), day - dt.timedelta(days=1))
        walker.set(dt.datetime.combine(max(when, item.due_date), dt.time(14), dt.UTC))
        if rng.random() >= 0.92:
            context.touchpoints.skip(item.id, reason="Customer on holiday")
        elif not _bring_or_ask(context, item, rng):
            lost = item.sale_id in book.lost_sales
            context.touchpoints.done(item.id, note=note_for(item.kind, lost, rng))


def _bring_or_ask(context: AppContext, item: TouchpointDTO, rng: random.Random) -> bool:
    """A value-add brings the library item that suits the customer best; a feedback request
    gets its score. False when the follow-up is simply done."""
    if item.kind == "value_add":
        suggested = context.library.suggest(item.customer_id, limit=1)
        if suggested:
            context.library.send(suggested[0].id, item.customer_id, item.id)
            return True
    if item.kind == "referral" and rng.random() < 0.7:
        # What they answered to the ask (Insights counts referral asks answered).
        context.referrals.answer(item.id, given=rng.random() < 0.55)
        return True
    if item.kind == "feedback":
        score = rng.choice((3, 4, 4, 5, 5))
        try:
            context.feedback.record(item.id, score, note_for("feedback", False, rng))
        except ValidationError:
            return False
        return True
    return False


QUESTIONS = (
    "Asked for a quote on a second truck", "Wants the maintenance intervals",
    "Question about the invoice", "Needs a spare key", "Asks about training dates",
)  # fmt: skip


def _requests(
    context: AppContext, walker: FixedClock, rng: random.Random, ids: list[int], monday: dt.date
) -> None:
    """A few customer requests in the week before `monday`, answered within hours, now and
    then the next day (the two still waiting on the demo's today come from last_day)."""
    for _number in range(rng.randint(1, 3)):
        day = monday - dt.timedelta(days=rng.randint(3, 7))
        if day.weekday() >= 5 or not ids:
            continue
        walker.set(dt.datetime.combine(day, dt.time(rng.randint(7, 14), 30), dt.UTC))
        request = context.requests.add(rng.choice(ids), rng.choice(QUESTIONS))
        delay = dt.timedelta(hours=rng.choice((1, 2, 2, 3, 5, 20)))
        walker.set(min(walker.now() + delay, dt.datetime.combine(monday, dt.time(7), dt.UTC)))
        context.requests.answer(request.id, "Answered by phone")
