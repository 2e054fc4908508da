"""A lost sale says why it was lost and promises no delivery."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.errors import ValidationError
from app.secrets import MemorySecretStore

D = dt.date


def lost(customer: CustomerDTO, **changes: object) -> SaleInput:
    fields: dict[str, object] = {
        "customer_id": customer.id,
        "closed_on": D(2026, 11, 20),
        "outcome": "lost",
        "lost_reason": "competitor",
        "lost_note": "Went with Forklift Kings for 8% less",
    }
    fields.update(changes)
    return SaleInput(**fields)  # type: ignore[arg-type]


def test_the_reason_and_note_are_stored_and_read_back(
    planner: AppContext, ana: CustomerDTO
) -> None:
    recorded = planner.sales.record(lost(ana)).sale
    again = planner.sales.get(recorded.id)
    assert (again.lost_reason, again.lost_note) == (
        "competitor",
        "Went with Forklift Kings for 8% less",
    )
    assert planner.sales.of_customer(ana.id)[0].lost_reason == "competitor"


def test_a_reason_typed_as_words_is_understood(planner: AppContext, ana: CustomerDTO) -> None:
    recorded = planner.sales.record(lost(ana, lost_reason=" No decision ", lost_note="")).sale
    assert recorded.lost_reason == "no_decision"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lost_reason": "weather"}, "lost reason 'weather' must be one of"),
        ({"outcome": "won"}, "only a lost sale has a lost reason"),
        ({"outcome": "won", "lost_reason": "", "lost_note": "x"}, "only a lost sale"),
        ({"promised_delivery": D(2026, 12, 4)}, "a lost sale has no delivery to promise"),
    ],
)
def test_bad_reasons_are_refused_and_nothing_is_written(
    planner: AppContext, ana: CustomerDTO, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        planner.sales.record(lost(ana, **changes))
    with pytest.raises(ValidationError, match=message):
        planner.sales.preview(lost(ana, **changes))
    assert planner.sales.of_customer(ana.id) == []


def test_a_lost_sale_takes_no_delivery_afterwards(planner: AppContext, ana: CustomerDTO) -> None:
    recorded = planner.sales.record(lost(ana)).sale
    with pytest.raises(ValidationError, match="a lost sale has no delivery"):
        planner.sales.update_delivery(recorded.id, promised=D(2026, 12, 4))
    with pytest.raises(ValidationError, match="a lost sale has no delivery"):
        planner.sales.update_delivery(recorded.id, delivered=D(2026, 11, 22))
    assert planner.sales.get(recorded.id).delivery is None


def test_bulk_recording_keeps_the_reason(planner: AppContext, ana: CustomerDTO) -> None:
    planner.bulk_sales.record_many([lost(ana, lost_reason="price", lost_note="Too dear")])
    [sale] = planner.sales.of_customer(ana.id)
    assert (sale.lost_reason, sale.lost_note) == ("price", "Too dear")


def test_the_reason_travels_in_the_json_export_and_back(
    planner: AppContext, ana: CustomerDTO, tmp_path: Path, template_db: Path, clock: FixedClock
) -> None:
    planner.sales.record(lost(ana, lost_reason="timing", lost_note="Next budget year"))
    _counts, written = planner.full_export.export_json(tmp_path / "all.json")
    table = json.loads(written.read_text(encoding="utf-8"))["tables"]["sale"]
    row = dict(zip(table["columns"], table["rows"][0], strict=True))
    assert (row["lost_reason"], row["lost_note"]) == ("timing", "Next budget year")
    fresh_path = tmp_path / "fresh.sqlite3"
    shutil.copyfile(template_db, fresh_path)
    fresh = build_context(fresh_path, clock, secrets=MemorySecretStore())
    try:
        fresh.full_export.import_json(written)
        [sale] = fresh.sales.of_customer(ana.id)
        assert (sale.lost_reason, sale.lost_note) == ("timing", "Next budget year")
        # The customer's dates come back with the rows they are read from.
        assert fresh.customers.get(ana.id).next_due == planner.customers.get(ana.id).next_due
    finally:
        fresh.close()
