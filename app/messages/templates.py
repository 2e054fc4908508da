"""Merge-field templates: {{field}} placeholders, checked when saved, rendered for a touchpoint."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.dto.plans import FieldProblem
from app.errors import ValidationError

FIELD_PATTERN = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# Every field a template may use, with what it holds (shown in the template editor).
MERGE_FIELDS: dict[str, str] = {
    "customer_name": "The customer's full name",
    "customer_first_name": "The customer's first name",
    "company": "The customer's company",
    "customer_email": "The customer's e-mail",
    "customer_phone": "The customer's phone",
    "sale_description": "What was sold",
    "sale_amount": "The sale's amount with currency",
    "closed_on": "The day the sale closed",
    "delivery_date": "The actual, else the promised, delivery date",
    "next_steps": "The planned follow-ups after this one, one per line",
    "my_name": "Your name",
    "my_title": "Your title",
    "my_company": "Your company",
    "my_phone": "Your phone",
    "my_mobile": "Your mobile",
    "my_email": "Your e-mail",
    "my_website": "Your web site",
    "today": "Today's date",
}


def find_problems(text: str) -> list[FieldProblem]:
    """Unknown or malformed {{fields}} in text."""
    problems = [
        FieldProblem(match.group(1), match.start(), match.end())
        for match in FIELD_PATTERN.finditer(text)
        if match.group(1) not in MERGE_FIELDS
    ]
    # A lone "{{" without its closing pair is a typo the user wants to hear about too.
    stripped = FIELD_PATTERN.sub(lambda m: " " * len(m.group(0)), text)
    for match in re.finditer(r"\{\{|\}\}", stripped):
        problems.append(FieldProblem(match.group(0), match.start(), match.end()))
    return sorted(problems, key=lambda problem: problem.start)


def check_template(text: str, what: str) -> str:
    """Raise ValidationError naming the first unknown field; the text is returned unchanged."""
    problems = find_problems(text)
    if problems:
        names = ", ".join(dict.fromkeys(f"{{{{{p.name}}}}}" for p in problems))
        raise ValidationError(
            f"{what} uses unknown merge field(s): {names}",
            f"Known fields: {', '.join(MERGE_FIELDS)}.",
        )
    return text


# What is left of a line once its (empty) fields are gone: a label, punctuation or nothing.
LABEL_ONLY = re.compile(r"[\s,;|/·-]*(?:[\w .&/-]*:)?[\s,;|/·-]*")


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill the fields (missing values become empty). A line whose fields are all empty and
    that holds nothing else but a label ("Mobile: ") is dropped, so letters never show
    blank contact lines."""
    lines = []
    for line in text.split("\n"):
        names = [match.group(1) for match in FIELD_PATTERN.finditer(line)]
        if names and not any(values.get(name) for name in names):
            rest = FIELD_PATTERN.sub("", line)
            if LABEL_ONLY.fullmatch(rest):
                continue
        lines.append(FIELD_PATTERN.sub(lambda match: values.get(match.group(1), ""), line))
    return "\n".join(lines)
