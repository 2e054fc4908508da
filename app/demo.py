"""The demo database: realistic customers, sales and half a year of history, built by
replaying that history through the real services with a clock that walks forward."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from app.clock import Clock, FixedClock
from app.context import AppContext, build_context
from app.dto.outreach import LibraryInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Kind
from app.progress import NO_PROGRESS, Progress
from app.sample_data import sample_customers

DEMO_CUSTOMERS = 120
WEEKS_OF_HISTORY = 26
NOTES = (
    "Happy so far, asked about the service plan.",
    "Left a voicemail, then reached her by e-mail.",
    "Sent the article on fleet maintenance costs.",
    "Delivery on time; one manual was missing, sent it.",
    "Introduced him to our financing partner.",
    "Card posted.",
)
LIBRARY = (
    "Fleet maintenance costs: what the leaders do", "Our trucks won the safety award 2026",
    "Warehouse trade fair in Hanover", "White paper: lithium-ion batteries",
    "Introduction to our financing partner", "Newsletter: spring service checklist",
)  # fmt: skip
QUESTIONS = (
    "Asked for a quote on a second truck", "Wants the maintenance intervals",
    "Question about the invoice", "Needs a spare key", "Asks about training dates",
)  # fmt: skip
PRODUCTS = (
    "Two electric forklifts", "Pallet racking, hall 3", "Service contract 2027",
    "Reach truck with training", "Battery replacement set", "Warehouse scanner fleet",
)  # fmt: skip


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
    today = clock.now()
    walker = FixedClock(today - dt.timedelta(weeks=weeks))
    context = build_context(path, walker)
    try:
        context.settings.set_many(
            {
                "my_name": "Sam Seller",
                "my_title": "Account Manager",
                "my_company": "Forklift World GmbH",
                "my_phone": "+49 89 1234 5600",
                "my_email": "sam.seller@forklift-world.example",
                "my_website": "forklift-world.example",
                "holiday_country": "DE",
            }
        )
        ids = [context.customers.add(c).id for c in sample_customers(customers, seed=seed)]
        for title in LIBRARY:
            context.library.add(LibraryInput(title=title))
        undelivered: list[tuple[int, dt.date]] = []
        for week in range(weeks + 1):
            progress.report(week, weeks, "Writing half a year of sample history…")
            walker.set(today - dt.timedelta(weeks=weeks - week))
            day = context.planning().today
            sales = [
                SaleInput(
                    customer_id=rng.choice(ids),
                    closed_on=day,
                    outcome="won" if rng.random() < 0.75 else "lost",
                    amount=str(rng.randrange(2_000, 90_000, 250)),
                    description=rng.choice(PRODUCTS),
                    promised_delivery=day + dt.timedelta(days=rng.randint(7, 28)),
                )
                for _ in range(rng.randint(2, 6))
            ]
            for sale in sales:
                recorded = context.sales.record(sale).sale
                if recorded.promised_delivery is not None:
                    undelivered.append((recorded.id, recorded.promised_delivery))
            # Deliveries arrive as promised, now and then a few days late.
            for sale_id, promised in [item for item in undelivered if item[1] < day]:
                late = dt.timedelta(days=3 if rng.random() < 0.1 else 0)
                context.sales.update_delivery(sale_id, delivered=min(promised + late, day))
                undelivered.remove((sale_id, promised))
            _requests(context, walker, rng, ids, day, last=week == weeks)
            # Work the week's agenda as a diligent salesperson would: most on the day due,
            # some a few days late, a few skipped, and the last days' partly left open.
            for item in context.agenda.touchpoints(end=day - dt.timedelta(days=1)):
                if week == weeks and rng.random() < 0.25:
                    continue
                behind = rng.choice((1, 2, 4)) if rng.random() < 0.15 else 0
                when = min(item.due_date + dt.timedelta(days=behind), day - dt.timedelta(days=1))
                walker.set(dt.datetime.combine(max(when, item.due_date), dt.time(14), dt.UTC))
                if rng.random() < 0.9:
                    _work(context, item, rng)
                else:
                    context.touchpoints.skip(item.id, reason="Customer on holiday")
            walker.set(today - dt.timedelta(weeks=weeks - week))
        progress.report(weeks, weeks, "Done")
    finally:
        context.close()
    return path


def _work(context: AppContext, item: TouchpointDTO, rng: random.Random) -> None:
    """Done, the way each kind is done: a feedback score, an answer to a referral ask, a
    library item sent with a value-add."""
    if item.kind == Kind.FEEDBACK:
        context.feedback.record(item.id, rng.choice((5, 5, 4, 4, 4, 3, 2)))
    elif item.kind == Kind.REFERRAL and rng.random() < 0.7:
        context.referrals.answer(item.id, given=rng.random() < 0.55)
    elif item.kind == Kind.VALUE_ADD and (unsent := context.library.suggest(item.customer_id)):
        context.library.send(rng.choice(unsent).id, item.customer_id, item.id)
    else:
        context.touchpoints.done(item.id, note=rng.choice(NOTES))


def _requests(
    context: AppContext,
    walker: FixedClock,
    rng: random.Random,
    ids: list[int],
    monday: dt.date,
    last: bool,
) -> None:
    """A few customer requests in the week before `monday`, answered within hours, now and
    then the next day; in the last week one still waits."""
    for number in range(rng.randint(1, 3)):
        day = monday - dt.timedelta(days=rng.randint(3, 7))
        if day.weekday() >= 5:
            continue
        walker.set(dt.datetime.combine(day, dt.time(rng.randint(7, 14), 30), dt.UTC))
        request = context.requests.add(rng.choice(ids), rng.choice(QUESTIONS))
        if last and number == 0:
            continue
        delay = dt.timedelta(hours=rng.choice((1, 2, 2, 3, 5, 20)))
        walker.set(min(walker.now() + delay, dt.datetime.combine(monday, dt.time(7), dt.UTC)))
        context.requests.answer(request.id, "Answered by phone")
