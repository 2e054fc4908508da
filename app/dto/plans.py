"""Plan DTOs: a plan and its steps as the faces and the scheduler see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class StepTextDTO:
    """A step's subject and body in one language other than English."""

    language: str
    subject: str
    body: str


@dataclass(frozen=True)
class PlanStepDTO:
    """One step: kind + channel + offset from an anchor, with its message templates."""

    position: int
    kind: str
    channel: str | None
    offset_amount: int
    offset_unit: str
    anchor: str
    time_of_day: dt.time | None
    roll: str
    subject: str
    body: str
    repeat_amount: int | None = None
    repeat_unit: str | None = None
    id: int | None = None
    # The step's words in other languages (English is subject and body), by language code.
    translations: tuple[StepTextDTO, ...] = ()

    def text_in(self, language: str) -> StepTextDTO | None:
        """The step's words in `language`, None where it has none (English: its own)."""
        if language == "en":
            return StepTextDTO(language, self.subject, self.body)
        return next((text for text in self.translations if text.language == language), None)


@dataclass(frozen=True)
class PlanDTO:
    """A named sequence of steps."""

    name: str
    trigger: str
    lateness_policy: str
    description: str
    steps: tuple[PlanStepDTO, ...]
    builtin_key: str | None = None
    id: int | None = None
    # What a person reads: a built-in plan the user has not renamed is named in the
    # interface language ("Na een gewonnen deal"); `name` stays the plan's key for sales.
    shown_name: str = ""
    shown_description: str = ""

    @property
    def title(self) -> str:
        """The plan's name as the screens show it."""
        return self.shown_name or self.name

    @property
    def about(self) -> str:
        """The plan's description as the screens show it."""
        return self.shown_description or self.description


@dataclass(frozen=True)
class PlanSaved:
    """A stored plan edit, and how many planned follow-ups it moved (None: left as they
    were, by the user's choice)."""

    plan: PlanDTO
    moved: int | None


@dataclass(frozen=True)
class FieldProblem:
    """An unknown merge field and where it sits in the text (for marking it as you type)."""

    name: str
    start: int
    end: int
