"""The default plans the app ships (as JSON elsewhere), restated as step rules for tests."""

from datetime import time

from app.dto.vocabulary import AnchorKind, Channel, Kind, OffsetUnit
from app.scheduling.steps import StepRule

DAYS, WORKING_DAYS, WEEKS, MONTHS = (
    OffsetUnit.DAYS,
    OffsetUnit.WORKING_DAYS,
    OffsetUnit.WEEKS,
    OffsetUnit.MONTHS,
)
CLOSED, DELIVERY = AnchorKind.SALE_CLOSED, AnchorKind.DELIVERY

WON_SALE = (
    StepRule(0, Kind.THANK_YOU, None, 0, DAYS, CLOSED),
    StepRule(1, Kind.DELIVERY_CHECK, Channel.PHONE, 1, WORKING_DAYS, DELIVERY, time(10)),
    StepRule(2, Kind.VALUE_ADD, None, 3, WEEKS, DELIVERY),
    StepRule(3, Kind.FEEDBACK, Channel.EMAIL, 1, MONTHS, DELIVERY),
    StepRule(4, Kind.VALUE_ADD, None, 2, MONTHS, DELIVERY),
    StepRule(5, Kind.REFERRAL, None, 6, WEEKS, DELIVERY),
    StepRule(6, Kind.VALUE_ADD, None, 4, MONTHS, DELIVERY),
)

LOST_SALE = (
    StepRule(0, Kind.THANK_YOU, None, 1, WORKING_DAYS, CLOSED),
    StepRule(1, Kind.CHECK_IN, None, 3, MONTHS, CLOSED),
    StepRule(2, Kind.CHECK_IN, None, 6, MONTHS, CLOSED),
)

KEEP_IN_TOUCH = (
    StepRule(0, Kind.CHECK_IN, None, 90, DAYS, CLOSED, repeat_amount=90, repeat_unit=DAYS),
    StepRule(1, Kind.BIRTHDAY, Channel.LETTER, -5, DAYS, AnchorKind.BIRTHDAY),
)
