"""Value to bring (library suggestions, never twice) and saying no well (partners, come-backs)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.outreach import DeclineInput, LibraryInput, PartnerInput
from app.dto.sales import SaleInput
from app.errors import NotFound, ValidationError

D = dt.date


@pytest.fixture
def logistics(planner: AppContext, ana: CustomerDTO) -> CustomerDTO:
    data = CustomerInput(name=ana.name, company=ana.company, email=ana.email,
                         industry="Logistics", tags="Forklifts, safety, forklifts")  # fmt: skip
    return planner.customers.update(ana.id, data)


def test_customer_industry_and_tags_are_cleaned(logistics: CustomerDTO) -> None:
    assert logistics.industry == "Logistics" and logistics.tags == ("forklifts", "safety")


def test_library_suggests_matching_unexpired_items_never_one_already_sent(
    planner: AppContext, logistics: CustomerDTO
) -> None:
    add = planner.library.add
    award = add(LibraryInput("Award for the X200", tags="forklifts", url="https://x.example/a"))
    general = add(LibraryInput("Our newsletter", kind="newsletter"))
    add(LibraryInput("Bakery trends", industries="food"))
    add(LibraryInput("Old fair", tags="safety", expires_on=D(2026, 11, 19)))
    fair = add(LibraryInput("Safety fair", kind="event", industries="logistics"))
    suggested = [item.id for item in planner.library.suggest(logistics.id)]
    assert suggested == [fair.id, award.id, general.id]  # for them first, then for everyone
    sent = planner.library.send(award.id, logistics.id)
    assert sent.title == "Award for the X200" and sent.touchpoint_id is None
    assert award.id not in [item.id for item in planner.library.suggest(logistics.id)]
    with pytest.raises(ValidationError, match="already sent"):
        planner.library.send(award.id, logistics.id)
    assert [entry.summary for entry in planner.interactions.of_customer(logistics.id)] == [
        "Sent: Award for the X200"
    ]


def test_sending_from_the_value_add_touchpoint_completes_it(
    planner: AppContext, logistics: CustomerDTO
) -> None:
    planner.sales.record(
        SaleInput(logistics.id, D(2026, 11, 20), "won", promised_delivery=D(2026, 11, 25))
    )
    value_add = next(
        item for item in planner.agenda.touchpoints(customer_id=logistics.id)
        if item.kind == "value_add"
    )  # fmt: skip
    item = planner.library.add(LibraryInput("Award for the X200"))
    planner.library.send(item.id, logistics.id, touchpoint_id=value_add.id)
    done = planner.touchpoints.get(value_add.id)
    assert done.status == "done" and done.outcome_note == "Sent: Award for the X200"
    assert [entry.item_id for entry in planner.library.sent(logistics.id)] == [item.id]


def test_customer_without_profile_gets_every_unsent_item(
    planner: AppContext, ana: CustomerDTO
) -> None:
    item = planner.library.add(LibraryInput("Bakery trends", tags="food"))
    assert [found.id for found in planner.library.suggest(ana.id)] == [item.id]


@pytest.mark.parametrize(
    "data",
    [
        LibraryInput(""),
        LibraryInput("x", url="javascript:alert(1)"),
        LibraryInput("x", kind="podcast"),
        LibraryInput("x", tags="a" * 81),
    ],
)
def test_bad_library_items_are_refused(planner: AppContext, data: LibraryInput) -> None:
    with pytest.raises(ValidationError):
        planner.library.add(data)
    assert planner.library.find() == []


def test_partner_directory_suggests_only_trusted_partners_by_field(planner: AppContext) -> None:
    leasing = planner.partners.add(
        PartnerInput("Lea Lessor", "Lease Co", covers="Fleet leasing, insurance", trusted=True)
    )
    planner.partners.add(PartnerInput("Unsure Ulf", covers="leasing", trusted=False))
    planner.partners.add(PartnerInput("Carl Crane", covers="cranes", trusted=True))
    assert [p.id for p in planner.partners.suggest("leasing")] == [leasing.id]
    assert [p.id for p in planner.partners.suggest("Insurance for a fleet")] == [leasing.id]
    assert leasing.covers == ("Fleet leasing", "insurance")
    edited = planner.partners.update(leasing.id, dataclasses.replace(
        PartnerInput("Lea Lessor"), trusted=False))  # fmt: skip
    assert not edited.trusted and planner.partners.suggest("leasing") == []


def test_decline_records_reason_source_partner_and_plans_the_come_back(
    planner: AppContext, ana: CustomerDTO
) -> None:
    partner = planner.partners.add(PartnerInput("Lea", covers="leasing", trusted=True))
    decline = planner.declines.add(
        DeclineInput("Lease 10 trucks", "no_capacity", source="Trade fair",
                     partner_id=partner.id, come_back_on=D(2027, 1, 2), customer_id=ana.id)
    )  # fmt: skip
    assert (decline.reason, decline.source, decline.partner_name) == (
        "no_capacity", "Trade fair", "Lea"
    )  # fmt: skip
    touchpoint = decline.touchpoint
    assert touchpoint is not None and touchpoint.kind == "check_in"
    assert touchpoint.subject == "Come back: Lease 10 trucks"
    assert touchpoint.due_date == D(2027, 1, 4)  # Saturday 2 Jan rolls to Monday
    # The keep-in-touch check-in lives on beside it.
    kinds = [(t.kind, t.subject) for t in planner.agenda.touchpoints(customer_id=ana.id)]
    assert ("check_in", "") in kinds and ("check_in", "Come back: Lease 10 trucks") in kinds
    assert planner.declines.find()[0].id == decline.id


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (DeclineInput("x", "too_busy"), ValidationError, "reason must be"),
        (DeclineInput("x", "outside_field", partner_id=9), NotFound, "partner 9"),
        (DeclineInput("x", "no_capacity", come_back_on=D(2027, 1, 4)), ValidationError, "customer"),
        (DeclineInput("x", "no_capacity", come_back_on=D(2026, 1, 4), customer_id=1),
         ValidationError, "past"),
    ],
)  # fmt: skip
def test_bad_declines_write_nothing(
    planner: AppContext, ana: CustomerDTO, data: DeclineInput, error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        planner.declines.add(data)
    assert planner.declines.find() == []


def test_declining_refers_only_trusted_partners(planner: AppContext) -> None:
    partner = planner.partners.add(PartnerInput("Unsure Ulf", covers="leasing"))
    with pytest.raises(ValidationError, match="not marked trusted"):
        planner.declines.add(DeclineInput("x", "outside_field", partner_id=partner.id))
