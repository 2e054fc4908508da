"""Planner data for sync tests and the CalDAV benchmark: customers with won sales."""

from __future__ import annotations

import datetime as dt

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput

SETTINGS = {"timezone": "Europe/Berlin", "holiday_country": "DE-BY", "my_name": "Sam Seller"}


def seed(context: AppContext, customers: int, closed_on: dt.date) -> int:
    """`customers` customers with one won sale each; returns how many touchpoints are planned."""
    context.settings.set_many(SETTINGS)
    ids = [
        context.customers.add(
            CustomerInput(
                name=f"Customer {number:04d}",
                company=f"Firm {number % 37}",
                email=f"c{number}@example.com",
                phone="+49 170 1234567",
            )
        ).id
        for number in range(customers)
    ]
    sales = [
        SaleInput(
            customer_id=customer_id,
            closed_on=closed_on,
            outcome="won",
            amount="2500",
            description=f"Forklift {number}",
            promised_delivery=closed_on + dt.timedelta(days=10 + number % 7),
        )
        for number, customer_id in enumerate(ids)
    ]
    context.bulk_sales.record_many(sales)
    return len(context.agenda.touchpoints())
