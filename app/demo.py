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
    path: Path, clock: Clock, progress: Progress = NO_PROGRESS, seed: int = 3
) -> Path:
    """Build a fresh demo database at path (replacing an older demo); returns path."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    rng = random.Random(seed)
    today = clock.now()
    walker = FixedClock(today - dt.timedelta(weeks=WEEKS_OF_HISTORY))
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
        ids = [context.customers.add(c).id for c in sample_customers(DEMO_CUSTOMERS, seed=seed)]
        for week in range(WEEKS_OF_HISTORY + 1):
            progress.report(week, WEEKS_OF_HISTORY, "Writing half a year of sample history…")
            walker.set(today - dt.timedelta(weeks=WEEKS_OF_HISTORY - week))
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
            context.bulk_sales.record_many(sales)
            # Work the week's agenda as a diligent salesperson would, missing a few.
            for item in context.agenda.touchpoints(end=day - dt.timedelta(days=1)):
                if week == WEEKS_OF_HISTORY and rng.random() < 0.25:
                    continue
                if rng.random() < 0.9:
                    context.touchpoints.done(item.id, note=rng.choice(NOTES))
                else:
                    context.touchpoints.skip(item.id, reason="Customer on holiday")
        progress.report(WEEKS_OF_HISTORY, WEEKS_OF_HISTORY, "Done")
    finally:
        context.close()
    return path
