"""Converting plans between ORM rows, DTOs and the scheduler's step rules."""

from __future__ import annotations

from app import i18n
from app.dto.plans import PlanDTO, PlanStepDTO, StepTextDTO
from app.dto.vocabulary import AnchorKind, Channel, OffsetUnit, RollDirection
from app.plans.builtin import builtin_plan
from app.plans.files import plan_texts
from app.scheduling.steps import StepRule
from models.plan import Plan, PlanStep


def step_to_dto(row: PlanStep) -> PlanStepDTO:
    return PlanStepDTO(
        id=row.id,
        position=row.position,
        kind=row.kind,
        channel=row.channel,
        offset_amount=row.offset_amount,
        offset_unit=row.offset_unit,
        anchor=row.anchor,
        time_of_day=row.time_of_day,
        roll=row.roll,
        subject=row.subject_template,
        body=row.body_template,
        repeat_amount=row.repeat_amount,
        repeat_unit=row.repeat_unit,
        translations=tuple(
            StepTextDTO(text.language, text.subject_template, text.body_template)
            for text in row.texts
        ),
    )


def plan_to_dto(row: Plan) -> PlanDTO:
    name, description = shown_plan_texts(row.builtin_key, row.name, row.description)
    return PlanDTO(
        id=row.id,
        name=row.name,
        trigger=row.trigger,
        lateness_policy=row.lateness_policy,
        description=row.description,
        builtin_key=row.builtin_key,
        steps=tuple(step_to_dto(step) for step in row.steps),
        shown_name=name,
        shown_description=description,
    )


def shown_plan_texts(key: str | None, name: str, description: str) -> tuple[str, str]:
    """A built-in plan's name and description in the interface language, each only while it
    is the shipped English one (a name or description the user wrote is theirs, as written);
    ("", "") for the user's own plans and in English."""
    language = i18n.current()
    if key is None or language == i18n.ENGLISH:
        return "", ""
    try:
        shipped = builtin_plan(key)
    except KeyError:
        return "", ""
    if language == i18n.PSEUDO:
        texts: tuple[str, str] = (i18n.pseudo(shipped.name), i18n.pseudo(shipped.description))
    else:
        translated = plan_texts(key, language)
        if translated is None:
            return "", ""
        texts = (translated.name, translated.description)
    return (
        texts[0] if name == shipped.name else "",
        texts[1] if description == shipped.description else "",
    )


def fill_step(row: PlanStep, step: PlanStepDTO) -> None:
    row.position = step.position
    row.kind = step.kind
    row.channel = step.channel
    row.offset_amount = step.offset_amount
    row.offset_unit = step.offset_unit
    row.anchor = step.anchor
    row.time_of_day = step.time_of_day
    row.roll = step.roll
    row.subject_template = step.subject
    row.body_template = step.body
    row.repeat_amount = step.repeat_amount
    row.repeat_unit = step.repeat_unit


def step_rule(step: PlanStepDTO) -> StepRule:
    """The scheduler's view of a step (templates and 'cadence' repeats are not its business)."""
    repeats = step.repeat_unit in {unit.value for unit in OffsetUnit}
    return StepRule(
        index=step.position,
        kind=step.kind,
        channel=Channel(step.channel) if step.channel else None,
        offset_amount=step.offset_amount,
        offset_unit=OffsetUnit(step.offset_unit),
        anchor=AnchorKind(step.anchor),
        time_of_day=step.time_of_day,
        roll=RollDirection(step.roll),
        repeat_amount=step.repeat_amount if repeats else None,
        repeat_unit=OffsetUnit(step.repeat_unit) if repeats and step.repeat_unit else None,
    )
