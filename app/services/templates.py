"""The template language as the plan editor needs it: merge fields, problems, a preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app.dto.plans import FieldProblem, PlanStepDTO
from app.i18n import ENGLISH, LANGUAGES
from app.messages import sample, templates
from app.preferences import Preferences

# {{field}} as the editor marks it while you type.
FIELD_PATTERN = templates.FIELD_PATTERN
# Every field a template may use, with what it holds.
MERGE_FIELDS = templates.MERGE_FIELDS


def find_problems(text: str) -> list[FieldProblem]:
    """Unknown or malformed {{fields}} in text, with where they sit."""
    return templates.find_problems(text)


def render(text: str, values: Mapping[str, str]) -> str:
    """The text as a customer would read it with these values."""
    return templates.render(text, values)


def sample_values(prefs: Preferences, today: dt.date, language: str = ENGLISH) -> dict[str, str]:
    """Every field filled for a sample customer and sale, signed with your profile, as a
    draft in `language` writes them."""
    return sample.sample_values(prefs, today, language)


def missing_languages(step: PlanStepDTO) -> list[str]:
    """The languages (codes) a step has no text in yet; its drafts to customers who read one
    of them fall back to English."""
    return [code for code in LANGUAGES if step.text_in(code) is None]
