"""Customer job title and postal address: stored, shown as a letter's address block, drafted."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerInput, CustomerQuery
from app.dto.sales import SaleInput
from app.dto.touchpoints import Draft
from app.errors import ValidationError
from app.messages.drafts import merge_values
from app.messages.templates import render
from app.postal_address import format_address
from app.preferences import Preferences
from models.customer import Customer

MARIA = CustomerInput(
    name="Maria Becker",
    company="Acme GmbH",
    job_title="Head of Purchasing",
    street="Hauptstraße 5\nGebäude B",
    postal_code="80331",
    city="München",
    region="Bayern",
    country="Germany",
)


def test_title_and_address_are_stored_and_read_back(context: AppContext) -> None:
    created = context.customers.add(
        dataclasses.replace(MARIA, street="  Hauptstraße 5\r\nGebäude B \x00", city=" München ")
    )
    again = context.customers.get(created.id)
    assert again.job_title == "Head of Purchasing"
    assert (again.street, again.postal_code, again.city, again.region, again.country) == (
        "Hauptstraße 5\nGebäude B", "80331", "München", "Bayern", "Germany"
    )  # fmt: skip
    assert again.postal_address == "Hauptstraße 5\nGebäude B\n80331 München, Bayern\nGermany"
    # An edit that starts from the stored customer keeps every field.
    assert context.customers.update(created.id, again.as_input()) == again


def test_an_edit_clears_the_address(context: AppContext) -> None:
    created = context.customers.add(MARIA)
    cleared = dataclasses.replace(
        created.as_input(), street="", postal_code="", city="", region="", country=""
    )
    assert context.customers.update(created.id, cleared).postal_address == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("job_title", "x" * 121, "job title is longer than 120"),
        ("postal_code", "1" * 33, "postal code is longer than 32"),
        ("street", "y" * 501, "street is longer than 500"),
    ],
)
def test_too_long_parts_are_refused(
    context: AppContext, field: str, value: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        context.customers.add(dataclasses.replace(MARIA, **{field: value}))
    assert context.customers.count() == 0


def test_address_block_leaves_out_empty_parts() -> None:
    assert format_address("", "", "", "", "") == ""
    assert format_address("1 Main St", "", "Springfield", "IL", "") == "1 Main St\nSpringfield, IL"
    assert format_address("", "10115", "Berlin", "", "") == "10115 Berlin"


def _letter_drafts(planner: AppContext, data: CustomerInput) -> list[Draft]:
    person = planner.customers.add(dataclasses.replace(data, channel="letter"))
    planner.sales.record(
        SaleInput(customer_id=person.id, closed_on=dt.date(2026, 11, 20), outcome="won",
                  description="a pallet truck", promised_delivery=dt.date(2026, 12, 4))
    )  # fmt: skip
    rows = planner.agenda.touchpoints(customer_id=person.id)
    return [planner.drafts.draft(row.id) for row in rows if row.channel == "letter"]


def test_a_letter_without_an_address_says_so(planner: AppContext) -> None:
    drafts = _letter_drafts(planner, CustomerInput(name="Ben Ortiz"))
    assert drafts and all("This customer has no postal address yet." in d.warnings for d in drafts)


def test_a_letter_to_a_customer_with_an_address_has_no_such_warning(planner: AppContext) -> None:
    drafts = _letter_drafts(planner, MARIA)
    assert drafts and not any("postal address" in w for d in drafts for w in d.warnings)


def test_templates_can_place_the_address_and_the_job_title() -> None:
    row = Customer(name="Maria Becker", company="Acme GmbH", salutation="", job_title="CFO",
                   street="Hauptstraße 5", postal_code="80331", city="München", region="",
                   country="Germany", email="", phone="")  # fmt: skip
    values = merge_values(row, None, Preferences(), [], dt.date(2026, 12, 7))
    assert values["customer_job_title"] == "CFO"
    text = render("{{customer_name}}\n{{postal_address}}\n\n{{greeting}},", values)
    assert text == "Maria Becker\nHauptstraße 5\n80331 München\nGermany\n\nDear Maria,"


def test_search_finds_the_job_title_and_the_city(context: AppContext) -> None:
    context.customers.add(MARIA)
    context.customers.add(CustomerInput(name="Ben Ortiz", city="Porto"))
    names = lambda text: [c.name for c in context.customers.page(CustomerQuery(search=text)).rows]  # noqa: E731
    assert names("purchasing") == ["Maria Becker"]
    assert names("münchen") == ["Maria Becker"]
    assert names("porto") == ["Ben Ortiz"]
