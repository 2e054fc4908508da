"""Checks on a plan step before it is saved: vocabulary and merge fields."""

from __future__ import annotations

from app.dto.plans import PlanDTO, PlanStepDTO
from app.dto.vocabulary import (
    EXTRA_ANCHORS,
    KINDS,
    AnchorKind,
    Channel,
    OffsetUnit,
    RollDirection,
)
from app.errors import ValidationError
from app.kinds import kind_label
from app.messages.templates import check_template

EXTRA_REPEAT_UNITS = ("cadence",)
TRIGGERS = ("won_sale", "lost_sale", "keep_in_touch", "recovery", "manual")


def _choice(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise ValidationError(f"unknown {what} {value!r}; use one of {', '.join(allowed)}")


def check_step(step: PlanStepDTO) -> None:
    # In the user's words: "step 1 (Thank-you note)", never the kind's internal key.
    label = f"step {step.position + 1} ({kind_label(step.kind)})"
    _choice(step.kind, KINDS, "kind")
    if step.channel is not None:
        _choice(step.channel, tuple(Channel), "channel")
    _choice(step.offset_unit, tuple(OffsetUnit), "offset unit")
    _choice(step.anchor, (*AnchorKind, *EXTRA_ANCHORS), "anchor")
    _choice(step.roll, tuple(RollDirection), "roll direction")
    if abs(step.offset_amount) > 3650:
        raise ValidationError(f"{label}: offset {step.offset_amount} is out of range")
    if (step.repeat_amount is None) != (step.repeat_unit is None):
        raise ValidationError(f"{label}: a repeat needs both an amount and a unit")
    if step.repeat_unit is not None:
        _choice(step.repeat_unit, (*OffsetUnit, *EXTRA_REPEAT_UNITS), "repeat unit")
        if not step.repeat_amount or step.repeat_amount < 1:
            raise ValidationError(f"{label}: the repeat must be at least 1")
    check_template(step.subject, f"{label} subject")
    check_template(step.body, f"{label} message")


def check_plan(plan: PlanDTO) -> None:
    if not plan.name.strip():
        raise ValidationError("a plan needs a name")
    _choice(plan.trigger, TRIGGERS, "plan trigger")
    _choice(plan.lateness_policy, ("keep", "shift"), "lateness policy")
    if not plan.steps:
        raise ValidationError(f"plan {plan.name!r} has no steps")
    for step in plan.steps:
        check_step(step)
