"""The plans screen's structure commands as changes to a plan's step list: a new step, one
removed, one moved; each with the row to select after and the sentence that says it."""

from __future__ import annotations

from typing import NamedTuple

from app.dto.plans import PlanStepDTO
from app.dto.vocabulary import Kind
from app.i18n import _


class StepsChange(NamedTuple):
    """The plan's steps after the command, the row to select, and what to tell the user."""

    steps: list[PlanStepDTO]
    select: int
    done: str


def with_new_step(steps: tuple[PlanStepDTO, ...], row: int) -> StepsChange:
    """A check-in a week after the step at `row` (-1: the first step, after the sale)."""
    new = PlanStepDTO(
        position=row + 1,
        kind=Kind.CHECK_IN,
        channel=None,
        offset_amount=1,
        offset_unit="weeks",
        anchor="previous_step" if row >= 0 else "sale_closed",
        time_of_day=None,
        roll="next",
        subject=_("Checking in, {{customer_first_name}}"),
        body=_("Dear {{customer_first_name}},\n\n\n\nBest regards,\n{{my_name}}"),
    )
    changed = list(steps)
    changed.insert(row + 1, new)
    return StepsChange(changed, row + 1, _("Added step {number}.").format(number=row + 2))


def without_step(steps: tuple[PlanStepDTO, ...], position: int) -> StepsChange:
    changed = [other for other in steps if other.position != position]
    done = _("Removed step {number}.").format(number=position + 1)
    return StepsChange(changed, min(position, len(changed) - 1), done)


def with_step_moved(steps: tuple[PlanStepDTO, ...], row: int, target: int) -> StepsChange:
    changed = list(steps)
    changed[row], changed[target] = changed[target], changed[row]
    done = _("Moved the step to position {number}.").format(number=target + 1)
    return StepsChange(changed, target, done)
