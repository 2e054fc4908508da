"""The signature and contact block read well for every subset of the profile that is filled
in, in every built-in template (issue #15 item 3): no dangling punctuation, no empty lines."""

from __future__ import annotations

import itertools
import re

import pytest

from app.messages.adhoc import RECOVERY_BODIES
from app.messages.templates import FIELD_PATTERN, render
from app.plans.builtin import builtin_plans

PROFILE = {
    "my_name": "Sam Seller",
    "my_title": "Account Manager",
    "my_company": "Forklift World",
    "my_phone": "+49 89 123456",
    "my_mobile": "+49 170 7654321",
    "my_email": "sam@forklift.example",
    "my_website": "forklift.example",
}
CUSTOMER = {
    "greeting": "Dear Maria",
    "customer_address": "Maria",
    "customer_name": "Maria Becker",
    "customer_first_name": "Maria",
    "company": "Becker Logistik",
    "customer_phone": "+49 30 555",
    "sale_description": "a pallet truck",
    "closed_on": "3 Dec 2026",
    "delivery_date": "14 Dec 2026",
    "promise": "delivery by Friday",
    "promise_due": "11 Dec 2026",
}
SEPARATORS = ",;|/·"


def _templates() -> list[tuple[str, str]]:
    found = [
        (f"{plan.name} step {step.position + 1}", step.body)
        for plan in builtin_plans()
        for step in plan.steps
    ]
    return found + [(f"recovery {code}", body) for code, body in RECOVERY_BODIES.items()]


def _profile_lines(template: str) -> list[int]:
    """The lines of the template that show a profile field."""
    return [
        number
        for number, line in enumerate(template.split("\n"))
        if any(name.startswith("my_") for name in FIELD_PATTERN.findall(line))
    ]


SUBSETS = [
    frozenset(chosen)
    for size in range(len(PROFILE) + 1)
    for chosen in itertools.combinations(PROFILE, size)
]


@pytest.mark.parametrize(("where", "template"), _templates(), ids=lambda value: str(value)[:30])
def test_every_subset_of_the_profile_signs_cleanly(where: str, template: str) -> None:
    for filled in SUBSETS:
        values = {**CUSTOMER, **{name: PROFILE[name] for name in filled}}
        text = render(template, values)
        for line in text.split("\n"):
            if not any(value in line for value in PROFILE.values()):
                continue
            stripped = line.strip()
            assert stripped[:1] not in SEPARATORS, (where, sorted(filled), line)
            assert stripped[-1:] not in SEPARATORS, (where, sorted(filled), line)
            assert not re.search(r"[,;|/·]\s*[,;|/·]", stripped), (where, sorted(filled), line)
        # "You can reach me directly:" never introduces nothing (the template's own
        # paragraph after a colon is fine).
        kept, written = text.split("\n"), template.split("\n")
        for number, line in enumerate(kept):
            if line.rstrip().endswith(":") and line in written:
                after = kept[number + 1] if number + 1 < len(kept) else ""
                source = written.index(line)
                blank_in_template = not written[source + 1 :][:1] or not written[source + 1]
                assert after.strip() or blank_in_template, (where, sorted(filled), line)
        # A line that showed only profile fields is gone when they are all empty.
        lines = template.split("\n")
        for number in _profile_lines(template):
            names = FIELD_PATTERN.findall(lines[number])
            if not any(name in filled for name in names if name.startswith("my_")):
                leftover = render(lines[number], values).strip()
                assert not leftover or any(value in leftover for value in CUSTOMER.values()), (
                    where,
                    sorted(filled),
                    lines[number],
                    leftover,
                )


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [
        ("{{my_title}}, {{my_company}}", {"my_company": "Forklift World"}, "Forklift World"),
        ("{{my_title}}, {{my_company}}", {"my_title": "Account Manager"}, "Account Manager"),
        ("{{a}} · {{b}} · {{c}}", {"a": "A", "c": "C"}, "A · C"),
        ("x, {{a}}, y", {}, "x, y"),
        # Text around a field is the template's own: only separators between values go.
        ("call me on {{my_phone}} today", {"my_phone": "+49 1"}, "call me on +49 1 today"),
        # Brackets around nothing go too, with the space before them.
        ("Call {{a}} ({{b}}) now.", {"a": "Ana"}, "Call Ana now."),
        ("Call {{a}} ({{b}}).", {"a": "Ana"}, "Call Ana."),
        ("Call {{a}} ({{b}}).", {"a": "Ana", "b": "+1"}, "Call Ana (+1)."),
        # A line that introduced a block now gone ends the sentence instead.
        ("Reach me:\nPhone: {{my_phone}}\n\nRegards", {}, "Reach me.\n\nRegards"),
        ("Reach me:\nPhone: {{my_phone}}", {}, "Reach me."),
        ("Reach me:\nPhone: {{my_phone}}", {"my_phone": "1"}, "Reach me:\nPhone: 1"),
        ("Notes:\n\nMore", {}, "Notes:\n\nMore"),
        # A customer without a name: the sentence closes where the name would have been.
        ("How is it going, {{a}}?", {}, "How is it going?"),
        ("З днем народження, {{a}}!", {}, "З днем народження!"),
        ("Thank you, {{a}}.", {}, "Thank you."),
        ("Thank you, {{a}}.", {"a": "Ana"}, "Thank you, Ana."),
    ],
)
def test_an_empty_value_takes_its_separator_with_it(
    template: str, values: dict[str, str], expected: str
) -> None:
    assert render(template, values) == expected
