"""What a customer reads never names our plan's steps (issue #15 item 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.kinds import KIND_LABELS
from app.messages.drafts import next_steps_text
from app.messages.sample import sample_values
from app.messages.templates import render
from app.plans.builtin import builtin_plans
from app.preferences import Preferences

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("channel", "promise"),
    [
        ("phone", "I will call you"),
        ("in_person", "I will visit you"),
        ("email", "I will write to you"),
        ("letter", "I will write to you"),
        ("text", "I will send you a message"),
    ],
)
def test_the_delivery_check_is_told_as_the_customer_will_experience_it(
    channel: str, promise: str
) -> None:
    later = [
        (dt.date(2027, 1, 29), "referral", "phone"),
        (dt.date(2026, 12, 21), "delivery_check", channel),
        (dt.date(2027, 1, 4), "value_add", "email"),
    ]
    text = next_steps_text(later)
    assert text == f"- On 21 Dec 2026 {promise} to make sure the delivery went as promised."


def test_without_a_delivery_check_the_letter_still_says_what_happens() -> None:
    assert next_steps_text([(dt.date(2027, 1, 4), "value_add", "email")]).startswith(
        "- I will stay in touch"
    )


def test_no_built_in_message_names_a_step_kind() -> None:
    values = sample_values(Preferences(my_name="Sam Seller"), TODAY)
    for plan in builtin_plans():
        for step in plan.steps:
            for text in (render(step.subject, values), render(step.body, values)):
                for label in KIND_LABELS.values():
                    assert label not in text, (plan.name, step.position, label)
