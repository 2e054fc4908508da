"""Phone numbers are found by the form people type: national (0170 ...) or international."""

from __future__ import annotations

import pytest

from app.context import AppContext
from app.dto.customers import CustomerInput


@pytest.mark.parametrize(
    "search",
    ["0170", "01701234567", "0170 1234567", "0170-1234567", "+49 170 1234567", "+49170", "4917"],
)
def test_international_number_is_found_by_national_and_international_form(
    context: AppContext, search: str
) -> None:
    context.customers.add(CustomerInput(name="Ana Silva", phone="+49 170 1234567"))
    context.customers.add(CustomerInput(name="Ben Ortiz", phone="+33 6 12 34 56 78"))
    assert context.customers.count(search) == 1


@pytest.mark.parametrize(
    ("country", "phone", "search"),
    [("FR", "0033 6 12 34 56 78", "0612345678"), ("GB", "+44 20 7946 0018", "020-7946")],
)
def test_national_form_follows_the_users_country(
    context: AppContext, country: str, phone: str, search: str
) -> None:
    context.settings.set_many({"holiday_country": country})
    context.customers.add(CustomerInput(name="Ben Ortiz", phone=phone))
    context.customers.add(CustomerInput(name="Ana Silva", phone="+49 170 1234567"))
    assert context.customers.count(search) == 1


def test_international_form_finds_a_number_stored_nationally(context: AppContext) -> None:
    context.customers.add(CustomerInput(name="Ana Silva", phone="0170 1234567"))
    assert context.customers.count("+491701234567") == 1
    assert context.customers.count("0049170") == 1


def test_imported_international_numbers_are_found_by_national_form(
    context: AppContext, tmp_path: pytest.TempPathFactory
) -> None:
    path = tmp_path / "phones.csv"  # type: ignore[operator]
    path.write_text("Name,Phone\r\nAna Silva,+49 170 1234567\r\n", encoding="utf-8")
    context.importing.run(context.importing.preview(path))
    assert context.customers.count("0170 123") == 1
