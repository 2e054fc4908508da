"""The demo database: realistic customers, sales and half a year of history, built by
replaying that history through the real services with a clock that walks forward."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from app.clock import Clock, FixedClock
from app.context import build_context
from app.dto.sales import SaleInput
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
            # Work the week's agenda as a diligent salesperson would, missing a few.
            for item in context.agenda.touchpoints(end=day - dt.timedelta(days=1)):
                if week == weeks and rng.random() < 0.25:
                    continue
                if rng.random() < 0.9:
                    context.touchpoints.done(item.id, note=rng.choice(NOTES))
                else:
                    context.touchpoints.skip(item.id, reason="Customer on holiday")
        progress.report(weeks, weeks, "Done")
    finally:
        context.close()
    return path
