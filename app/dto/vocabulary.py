"""The planner's vocabulary, in every layer: channels, kinds, statuses, offsets, anchors."""

from enum import StrEnum

DEFAULT_MIN_GAP_DAYS = 2


class Channel(StrEnum):
    """How a touchpoint reaches the customer."""

    EMAIL = "email"
    PHONE = "phone"
    TEXT = "text"
    IN_PERSON = "in_person"
    LETTER = "letter"
    SOCIAL = "social"


class OffsetUnit(StrEnum):
    """Unit of a step's offset or repeat interval."""

    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"


class AnchorKind(StrEnum):
    """The event a step's offset is measured from."""

    SALE_CLOSED = "sale_closed"
    PROMISED_DELIVERY = "promised_delivery"
    ACTUAL_DELIVERY = "actual_delivery"
    # Actual delivery when it is known, otherwise the promised one.
    DELIVERY = "delivery"
    PREVIOUS_STEP = "previous_step"
    BIRTHDAY = "birthday"


DELIVERY_ANCHORS = frozenset(
    {AnchorKind.PROMISED_DELIVERY, AnchorKind.ACTUAL_DELIVERY, AnchorKind.DELIVERY}
)


class RollDirection(StrEnum):
    """Where a date that falls on a non-working day goes."""

    NEXT = "next"
    PREVIOUS = "previous"


class LatenessPolicy(StrEnum):
    """What a late delivery does to steps anchored on the sale's close."""

    KEEP = "keep"
    SHIFT = "shift"


class Kind(StrEnum):
    """Well-known step kinds; the engine treats any other kind string as opaque."""

    THANK_YOU = "thank_you"
    DELIVERY_CHECK = "delivery_check"
    CHECK_IN = "check_in"
    VALUE_ADD = "value_add"
    FEEDBACK = "feedback"
    REFERRAL = "referral"
    BIRTHDAY = "birthday"
    RECOVERY = "recovery"
    REQUEST = "request"


class Status(StrEnum):
    """Where a touchpoint stands."""

    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


STATUSES = tuple(Status)
KINDS = tuple(Kind)
# The keep-in-touch plan measures from the last contact, at the customer's own cadence.
EXTRA_ANCHORS = ("last_interaction",)
