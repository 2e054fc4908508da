"""Sync fixtures: services over an in-memory SecretStore, a Radicale server, planned follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from app.secrets import MemorySecretStore
from tests.support.caldav_fixtures import radicale_fixture  # noqa: F401 - `radicale`
from tests.support.cloud_fixtures import (  # noqa: F401 - fixtures
    browser,
    google,
    graph,
    identity,
    tls,
    waits,
)


@pytest.fixture
def context(db_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    yield ctx
    ctx.close()


@pytest.fixture
def planned(planner: AppContext, ana: CustomerDTO) -> list[TouchpointDTO]:
    """A won sale's follow-ups for Ana, planned from Friday 2026-11-20, all of them within
    the calendars' reach (the default six months would leave the July check-in out: see
    test_horizon.py)."""
    planner.settings.set_many({"calendar_months": "12"})
    planner.sales.record(
        SaleInput(
            customer_id=ana.id,
            closed_on=dt.date(2026, 11, 20),
            outcome="won",
            amount="12500",
            description="Two forklifts",
            promised_delivery=dt.date(2026, 12, 5),
        )
    )
    return planner.agenda.touchpoints()
