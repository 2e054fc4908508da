"""Pure scheduling: plan steps, anchors and calendar rules to due dates; no DB, no Qt."""

from app.dto.vocabulary import (
    AnchorKind,
    Channel,
    Kind,
    LatenessPolicy,
    OffsetUnit,
    RollDirection,
)
from app.scheduling.birthdays import MonthDay, next_birthday
from app.scheduling.calendar import WorkCalendar
from app.scheduling.keep_in_touch import next_check_in
from app.scheduling.offsets import apply_offset
from app.scheduling.planner import PlannedItem, PlanResult, plan
from app.scheduling.reanchor import ExistingItem, ItemState, reanchor
from app.scheduling.steps import Anchors, CustomerFacts, StepRule

__all__ = [
    "AnchorKind",
    "Anchors",
    "Channel",
    "CustomerFacts",
    "ExistingItem",
    "ItemState",
    "Kind",
    "LatenessPolicy",
    "MonthDay",
    "OffsetUnit",
    "PlanResult",
    "PlannedItem",
    "RollDirection",
    "StepRule",
    "WorkCalendar",
    "apply_offset",
    "next_birthday",
    "next_check_in",
    "plan",
    "reanchor",
]
