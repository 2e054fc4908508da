"""Service fixtures: a planner with a Bavarian calendar, a profile, and a customer."""

from __future__ import annotations

import datetime as dt

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput

BERLIN_MORNING = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # Friday 09:00 in Berlin


@pytest.fixture
def planner(context: AppContext, clock: FixedClock) -> AppContext:
    clock.set(BERLIN_MORNING)
    context.settings.set_many(
        {
            "timezone": "Europe/Berlin",
            "holiday_country": "DE-BY",
            "working_days": "mon,tue,wed,thu,fri",
            "min_gap_days": "2",
            "my_name": "Sam Seller",
            "my_title": "Account Manager",
            "my_company": "Forklift World",
            "my_phone": "+49 89 123456",
            "my_email": "sam@forklift.example",
        }
    )
    return context


@pytest.fixture
def ana(planner: AppContext) -> CustomerDTO:
    return planner.customers.add(
        CustomerInput(
            name="Ana Silva",
            company="Acme",
            email="ana@acme.example",
            phone="+49 170 1234567",
            channel="email",
        )
    )
