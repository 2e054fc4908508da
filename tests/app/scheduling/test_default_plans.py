"""The shipped default plans applied from fixed dates, with every due date checked by hand."""

from datetime import date, time

from app.dto.vocabulary import AnchorKind, Channel, Kind, OffsetUnit, RollDirection
from app.scheduling.birthdays import MonthDay
from app.scheduling.calendar import WorkCalendar
from app.scheduling.planner import PlanResult, plan
from app.scheduling.steps import Anchors, CustomerFacts, StepRule
from tests.app.scheduling.example_plans import KEEP_IN_TOUCH, LOST_SALE, WON_SALE

GERMANY = WorkCalendar(holiday_region="DE")
BAVARIA = WorkCalendar(holiday_region="DE-BY")
PREFERS_PHONE = CustomerFacts(preferred_channel=Channel.PHONE)
FRIDAY_CLOSE = date(2026, 3, 27)
# Delivered on a Saturday; the Monday after is Easter Monday.
SATURDAY_BEFORE_EASTER_MONDAY = date(2026, 4, 4)


def due_dates(result: PlanResult) -> list[date | None]:
    return [item.due_date for item in result.items]


def test_won_sale_closed_friday_delivered_saturday_before_easter_monday() -> None:
    anchors = Anchors(FRIDAY_CLOSE, promised_delivery=SATURDAY_BEFORE_EASTER_MONDAY)
    result = plan(WON_SALE, anchors, GERMANY, FRIDAY_CLOSE, PREFERS_PHONE)
    assert result.skipped_reason is None
    assert due_dates(result) == [
        date(2026, 3, 27),  # thank-you on the (working) close day
        date(2026, 4, 7),  # 1 working day after Saturday: Monday is Easter Monday
        date(2026, 4, 27),  # +3 weeks = Saturday Apr 25 -> Monday
        date(2026, 5, 4),  # +1 month
        date(2026, 6, 4),  # +2 months, Corpus Christi is no holiday nationwide
        date(2026, 5, 18),  # +6 weeks = Saturday May 16 -> Monday
        date(2026, 8, 4),  # +4 months
    ]
    thank_you, delivery_check = result.items[0], result.items[1]
    assert (thank_you.channel, thank_you.time_of_day) == (Channel.EMAIL, None)
    assert (delivery_check.channel, delivery_check.time_of_day) == (Channel.PHONE, time(10))
    assert result.items[2].channel == Channel.PHONE  # preferred channel for value-adds


def test_won_sale_in_bavaria_avoids_corpus_christi() -> None:
    anchors = Anchors(FRIDAY_CLOSE, promised_delivery=SATURDAY_BEFORE_EASTER_MONDAY)
    result = plan(WON_SALE, anchors, BAVARIA, FRIDAY_CLOSE, PREFERS_PHONE)
    assert result.items[4].due_date == date(2026, 6, 5)


def test_won_sale_uses_actual_delivery_over_promised_and_clamps_month_ends() -> None:
    anchors = Anchors(
        date(2026, 1, 20),
        promised_delivery=date(2026, 1, 28),
        actual_delivery=date(2026, 1, 31),
    )
    result = plan(WON_SALE, anchors, GERMANY, date(2026, 1, 20), PREFERS_PHONE)
    assert due_dates(result) == [
        date(2026, 1, 20),
        date(2026, 2, 2),  # 1 working day after Saturday Jan 31
        date(2026, 2, 23),  # Saturday Feb 21 -> Monday
        date(2026, 3, 2),  # Jan 31 + 1 month = Saturday Feb 28 -> Monday
        date(2026, 3, 31),
        date(2026, 3, 16),
        date(2026, 6, 1),  # May 31 is a Sunday
    ]


def test_delivery_check_after_bavarian_epiphany() -> None:
    monday = date(2026, 1, 5)
    anchors = Anchors(monday, promised_delivery=monday)
    bavaria = plan(WON_SALE, anchors, BAVARIA, monday, PREFERS_PHONE, min_gap_days=1)
    germany = plan(WON_SALE, anchors, GERMANY, monday, PREFERS_PHONE, min_gap_days=1)
    assert bavaria.items[1].due_date == date(2026, 1, 7)
    assert germany.items[1].due_date == date(2026, 1, 6)


def test_thank_you_for_a_sale_closed_on_good_friday_waits_for_tuesday() -> None:
    good_friday = date(2026, 4, 3)
    anchors = Anchors(good_friday, promised_delivery=date(2026, 4, 20))
    result = plan(WON_SALE, anchors, GERMANY, good_friday, PREFERS_PHONE)
    assert result.items[0].due_date == date(2026, 4, 7)


def test_lost_sale_thank_you_next_working_day_then_two_check_ins() -> None:
    thursday = date(2026, 6, 25)
    result = plan(LOST_SALE, Anchors(thursday), GERMANY, thursday, PREFERS_PHONE)
    assert due_dates(result) == [
        date(2026, 6, 26),
        date(2026, 9, 25),
        date(2026, 12, 28),  # +6 months is Christmas Day, then a weekend
    ]
    assert [item.kind for item in result.items] == ["thank_you", "check_in", "check_in"]


def test_lost_sale_before_easter_thanks_after_the_long_weekend() -> None:
    thursday = date(2026, 4, 2)
    result = plan(LOST_SALE, Anchors(thursday), GERMANY, thursday, PREFERS_PHONE)
    assert result.items[0].due_date == date(2026, 4, 7)


def test_keep_in_touch_repeats_to_horizon_and_mails_a_leap_day_birthday_card() -> None:
    anchors = Anchors(date(2026, 12, 1), birthday=MonthDay(2, 29))
    today = date(2027, 1, 11)
    result = plan(KEEP_IN_TOUCH, anchors, GERMANY, today, PREFERS_PHONE, horizon=date(2027, 12, 31))
    check_ins = [(i.occurrence, i.due_date) for i in result.items if i.kind == Kind.CHECK_IN]
    assert check_ins == [
        (0, date(2027, 3, 1)),
        (1, date(2027, 5, 31)),  # May 30 is a Sunday
        (2, date(2027, 8, 30)),  # Aug 28 is a Saturday
        (3, date(2027, 11, 26)),
    ]
    birthday = [i for i in result.items if i.kind == Kind.BIRTHDAY]
    # 2027 has no Feb 29: celebrated Sunday Feb 28, card 5 days earlier.
    assert [(i.due_date, i.channel) for i in birthday] == [(date(2027, 2, 23), Channel.LETTER)]


def test_birthday_card_too_late_for_the_lead_time_goes_out_before_the_birthday() -> None:
    anchors = Anchors(date(2026, 12, 1), birthday=MonthDay(2, 29))
    # Thu 25 Feb 2027, the birthday is Sun 28 Feb: today is the last working day before it.
    result = plan(KEEP_IN_TOUCH, anchors, GERMANY, date(2027, 2, 25), PREFERS_PHONE)
    assert result.items[-1].due_date == date(2027, 2, 25)


def test_birthday_already_past_goes_to_next_year() -> None:
    anchors = Anchors(date(2026, 12, 1), birthday=MonthDay(2, 29))
    result = plan(KEEP_IN_TOUCH, anchors, GERMANY, date(2027, 3, 1), PREFERS_PHONE)
    assert result.items[-1].due_date == date(2028, 2, 24)


def test_birthday_eve_on_a_saturday_rolls_back_to_friday() -> None:
    eve = StepRule(
        0,
        Kind.BIRTHDAY,
        None,
        -1,
        OffsetUnit.DAYS,
        AnchorKind.BIRTHDAY,
        roll=RollDirection.PREVIOUS,
    )
    anchors = Anchors(date(2026, 12, 1), birthday=MonthDay(2, 29))
    result = plan([eve], anchors, GERMANY, date(2027, 1, 11), PREFERS_PHONE)
    assert result.items[0].due_date == date(2027, 2, 26)


def test_birthday_on_a_sunday_never_rolls_back_before_the_birthday() -> None:
    on_the_day = StepRule(
        0, Kind.BIRTHDAY, None, 0, OffsetUnit.DAYS, AnchorKind.BIRTHDAY, roll=RollDirection.PREVIOUS
    )
    anchors = Anchors(date(2026, 12, 1), birthday=MonthDay(2, 29))
    result = plan([on_the_day], anchors, GERMANY, date(2027, 1, 11), PREFERS_PHONE)
    assert result.items[0].due_date == date(2027, 3, 1)


def test_birthday_steps_are_left_out_without_a_birthday() -> None:
    result = plan(
        KEEP_IN_TOUCH, Anchors(date(2026, 12, 1)), GERMANY, date(2027, 1, 11), PREFERS_PHONE
    )
    assert [item.kind for item in result.items] == [Kind.CHECK_IN]
