"""The template preview's sample values: every field filled, the real profile signs."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.messages.sample import sample_values
from app.messages.templates import MERGE_FIELDS, render
from app.plans.builtin import builtin_plan
from app.preferences import Preferences

TODAY = dt.date(2026, 11, 23)
PROFILE = dataclasses.replace(
    Preferences(),
    my_name="Sam Seller",
    my_title="Account Manager",
    my_company="Forklift World",
    my_phone="+49 89 123456",
    my_email="sam@forklift.example",
    currency="USD",
)


def test_every_merge_field_has_a_sample_so_no_preview_line_goes_blank() -> None:
    values = sample_values(PROFILE, TODAY)
    assert set(values) == set(MERGE_FIELDS)
    customer_fields = {key: text for key, text in values.items() if not key.startswith("my_")}
    assert all(customer_fields.values())


def test_the_thank_you_letter_previews_with_the_sample_sale_and_the_real_profile() -> None:
    thank_you = builtin_plan("won_sale").steps[0]
    text = render(thank_you.body, sample_values(PROFILE, TODAY))
    assert text.startswith("Dear Ana,\n\nThank you for your order")
    assert "To confirm what we agreed: Two forklifts, with delivery on 7 Dec 2026." in text
    assert "- On 8 Dec 2026 I will call you to make sure the delivery went as promised." in text
    assert "(Phone)" not in text and "Referral" not in text
    assert "Sam Seller\nAccount Manager, Forklift World" in text
    assert "Phone: +49 89 123456" in text
    # An empty profile field drops its labelled line, as in a real draft.
    assert "Mobile:" not in text


def test_amount_uses_the_users_currency_and_profile_changes_show_up() -> None:
    values = sample_values(dataclasses.replace(PROFILE, my_name="Kim Lee"), TODAY)
    assert values["sale_amount"] == "$24,500.00"
    assert values["my_name"] == "Kim Lee"
    assert values["customer_first_name"] == "Ana"
