"""Export then import gives back every field a user can see: CSV and vCard round trips."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import vobject
from sqlalchemy import text

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.customers import CustomerDTO, CustomerInput, CustomerQuery
from app.secrets import MemorySecretStore

EVERYTHING = CustomerInput(
    name="Siobhán O'Connor",
    company="Emerald; Logistics, Ltd",
    job_title="Head of Fleet, EMEA",
    email="s@emerald.example",
    phone="+353 1 234 5678",
    channel="letter",
    birthday="03-17",
    is_key=True,
    source="Trade fair; Dublin",
    notes="Likes forklifts\nCall before noon, never Fridays",
    keep_in_touch_days=45,
    do_not_contact=True,
    industry="Logistics",
    tags="forklifts, safety",
    salutation="ms",
    street="Unit 4, Harbour Park\nNorth Wall Quay",
    postal_code="D01 K8C4",
    city="Dublin",
    region="Co. Dublin",
    country="Ireland",
    language="nl",
)
PLAIN = CustomerInput(name="Ben Ortiz", email="ben@ortiz.example", birthday="1980-12-24")


@pytest.fixture
def fresh(template_db: Path, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A second, empty planner: where the exported file is imported."""
    folder = tmp_path / "other"
    folder.mkdir()
    shutil.copyfile(template_db, folder / "planner.sqlite3")
    ctx = build_context(folder / "planner.sqlite3", clock, secrets=MemorySecretStore())
    yield ctx
    ctx.close()


def _seen(customer: CustomerDTO) -> CustomerDTO:
    """What a user sees of a customer: everything but the id and when it was added."""
    return dataclasses.replace(customer, id=0, created_at=customer.created_at.min)


def _round_trip(context: AppContext, fresh: AppContext, export: Callable[[], Path]) -> Path:
    originals = [context.customers.add(EVERYTHING), context.customers.add(PLAIN)]
    file = export()
    preview = fresh.importing.preview(file)
    assert not preview.plan.errors and not preview.plan.duplicates
    result = fresh.importing.run(preview)
    assert result.added == 2 and not result.errors
    back = fresh.customers.page(CustomerQuery(sort_by="created_at")).rows
    for got, want in zip(back, originals, strict=True):
        assert dataclasses.asdict(_seen(got)) == dataclasses.asdict(_seen(want))
    return file


def test_csv_export_imports_back_with_every_field(
    context: AppContext, fresh: AppContext, tmp_path: Path
) -> None:
    file = _round_trip(
        context,
        fresh,
        lambda: context.data_export.export_csv("customers", tmp_path / "customers.csv").file,
    )
    header = file.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    for column in (
        "job_title",
        "key_customer",
        "do_not_contact",
        "keep_in_touch_days",
        "salutation",
        "street",
        "postal_code",
        "city",
        "region",
        "country",
        "language",
    ):
        assert column in header, column


@pytest.mark.parametrize("delimiter", [";", "tab"])
def test_csv_round_trip_with_other_separators(
    context: AppContext, fresh: AppContext, tmp_path: Path, delimiter: str
) -> None:
    _round_trip(
        context,
        fresh,
        lambda: (
            context.data_export.export_csv(
                "customers", tmp_path / "customers.csv", "windows-1252", delimiter
            ).file
        ),
    )


def test_vcard_export_imports_back_with_every_field(
    context: AppContext, fresh: AppContext, tmp_path: Path
) -> None:
    file = _round_trip(
        context, fresh, lambda: context.data_export.export_vcard(tmp_path / "customers.vcf").file
    )
    text = file.read_text(encoding="utf-8")
    card = next(vobject.readComponents(text))
    assert card.title.value == "Head of Fleet, EMEA"
    address = card.adr.value
    assert (address.street, address.city, address.region, address.code, address.country) == (
        "Unit 4, Harbour Park\nNorth Wall Quay", "Dublin", "Co. Dublin", "D01 K8C4", "Ireland"
    )  # fmt: skip
    assert card.contents["x-followup-do-not-contact"][0].value == "TRUE"
    assert card.categories.value == ["forklifts", "safety"]
    assert card.lang.value == "nl"


def test_the_json_export_restores_every_field(
    context: AppContext, fresh: AppContext, tmp_path: Path
) -> None:
    originals = [context.customers.add(EVERYTHING), context.customers.add(PLAIN)]
    context.full_export.export_json(tmp_path / "all.json")
    fresh.full_export.import_json(tmp_path / "all.json")
    back = fresh.customers.page(CustomerQuery(sort_by="created_at")).rows
    assert list(back) == originals


def test_the_json_export_leaves_out_what_triggers_work_out(
    context: AppContext, fresh: AppContext, tmp_path: Path
) -> None:
    """contact_link is worked out from the contacts: not in the file, rebuilt on import."""
    customer = context.customers.add(PLAIN)
    now = context.planning().now
    for days in (40, 3, 12):
        context.interactions.add(customer.id, "Called.", "phone", now - dt.timedelta(days=days))
    context.full_export.export_json(tmp_path / "all.json")
    assert '"contact_link"' not in (tmp_path / "all.json").read_text(encoding="utf-8")
    fresh.full_export.import_json(tmp_path / "all.json")
    links = "SELECT * FROM contact_link ORDER BY interaction_id"
    with context.sessions() as session, fresh.sessions() as other:
        assert len(session.execute(text(links)).all()) == 3
        assert other.execute(text(links)).all() == session.execute(text(links)).all()


def test_the_json_export_leaves_out_the_customer_dates_triggers_keep(
    context: AppContext, fresh: AppContext, tmp_path: Path
) -> None:
    """next_due and last_contact_at are worked out (sentinels for none): never in the file,
    the same after import."""
    customer = context.customers.add(PLAIN)
    quiet = context.customers.add(EVERYTHING)
    context.interactions.add(customer.id, "Called.", "phone", context.planning().now)
    context.full_export.export_json(tmp_path / "all.json")
    written = (tmp_path / "all.json").read_text(encoding="utf-8")
    assert "9999-12-31" not in written and "0001-01-01" not in written
    assert '"next_due"' not in written and '"last_contact_at"' not in written
    fresh.full_export.import_json(tmp_path / "all.json")
    dates = "SELECT id, next_due, last_contact_at FROM customer ORDER BY id"
    with context.sessions() as session, fresh.sessions() as other:
        assert other.execute(text(dates)).all() == session.execute(text(dates)).all()
    assert quiet.id != customer.id
