"""Import fixtures: the sample files and a planner with a German calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.context import AppContext

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def planner_de(context: AppContext) -> AppContext:
    context.settings.set_many({"timezone": "Europe/Berlin", "holiday_country": "DE-BY"})
    return context
