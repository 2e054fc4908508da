"""Planner inputs: a plan step's scheduling rule, a sale's anchor dates and customer facts."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from app.dto.vocabulary import AnchorKind, Channel, OffsetUnit, RollDirection
from app.scheduling.birthdays import MonthDay


@dataclass(frozen=True)
class StepRule:
    """When and how one step of a plan is due; message templates live elsewhere.

    ``channel`` None means the customer's preferred channel; ``time_of_day`` None means
    all-day. A step with ``repeat_amount``/``repeat_unit`` recurs (e.g. every 90 days);
    birthday steps recur yearly on their own and take no repeat.
    """

    index: int
    kind: str
    channel: Channel | None
    offset_amount: int
    offset_unit: OffsetUnit
    anchor: AnchorKind
    time_of_day: time | None = None
    roll: RollDirection = RollDirection.NEXT
    repeat_amount: int | None = None
    repeat_unit: OffsetUnit | None = None

    def __post_init__(self) -> None:
        if (self.repeat_amount is None) != (self.repeat_unit is None):
            raise ValueError(f"Step {self.index}: repeat needs both an amount and a unit")
        if self.repeat_amount is not None and self.repeat_amount <= 0:
            raise ValueError(f"Step {self.index}: repeat amount must be positive")
        if self.repeat_amount is not None and self.anchor == AnchorKind.BIRTHDAY:
            raise ValueError(f"Step {self.index}: birthday steps already repeat yearly")

    @property
    def repeats(self) -> bool:
        """True for a recurring step such as a keep-in-touch check-in."""
        return self.repeat_amount is not None


@dataclass(frozen=True)
class Anchors:
    """The dates a sale's steps are measured from.

    ``completed`` maps a step index to the day that step was completed; a step anchored on
    ``previous_step`` waits until the step before it has an entry here.
    """

    closed_on: date
    promised_delivery: date | None = None
    actual_delivery: date | None = None
    birthday: MonthDay | None = None
    completed: Mapping[int, date] = field(default_factory=dict)

    @property
    def delivery(self) -> date | None:
        """Actual delivery when it is known, otherwise the promised delivery."""
        return self.actual_delivery if self.actual_delivery is not None else self.promised_delivery


@dataclass(frozen=True)
class CustomerFacts:
    """What the planner needs to know about the customer.

    ``cadence_days`` None means the default keep-in-touch cadence (shorter for key customers).
    """

    preferred_channel: Channel | None = None
    do_not_contact: bool = False
    is_key: bool = False
    cadence_days: int | None = None

    def __post_init__(self) -> None:
        if self.cadence_days is not None and self.cadence_days <= 0:
            raise ValueError(f"Keep-in-touch cadence must be positive, got {self.cadence_days}")
