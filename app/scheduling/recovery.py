"""The recovery plan for a promise at risk: which steps, on which channel, when (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dto.vocabulary import Channel
from app.i18n import N_
from app.scheduling.calendar import WorkCalendar

# Day 0 is the day the promise is found at risk (or the next working day): research starts then.
CALL_AFTER_MANAGER = dt.timedelta(minutes=30)
DOCUMENT_AFTER_CALL = dt.timedelta(hours=1)
REVIEW_AFTER_WORKING_DAYS = 3
SLOT_MINUTES = 15


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the recovery checklist; `part_of` names the step that carries it."""

    code: str
    text: str
    part_of: str


# In the order of the sales practice: learn, prepare, warn, talk, document, learn again.
# The texts are stored as the steps' subjects and read back as keys (step_code): marked
# with N_ here, translated where they are shown.
CHECKLIST = (
    ChecklistItem(
        "find_out",
        N_("Find out how the promise was made (e-mails, contract, who promised what)"),
        "find_out",
    ),
    ChecklistItem(
        "options",
        N_("List the options (another source, even at a loss; a demo unit; a delivery with slack)"),
        "options",
    ),
    ChecklistItem("manager", N_("Alert your manager, with the options"), "manager"),
    ChecklistItem("call", N_("Call the customer first: a phone call, not an e-mail"), "call"),
    ChecklistItem(
        "comfort",
        N_("Comfort the customer: let them tell their side, do not make them wrong"),
        "call",
    ),
    ChecklistItem("apologise", N_("Apologise adequately, after presenting the solution"), "call"),
    ChecklistItem("compensate", N_("Compensate beyond the loss"), "call"),
    ChecklistItem(
        "document",
        N_("Send the e-mail that documents what was agreed (after the call)"),
        "document",
    ),
    ChecklistItem("review", N_("Review with the team how to prevent it"), "review"),
)
STEP_TEXT = {item.code: item.text for item in CHECKLIST if item.code == item.part_of}


@dataclass(frozen=True)
class RecoveryStep:
    """A touchpoint of the recovery: all-day when `time_of_day` is None."""

    code: str
    text: str
    channel: Channel
    day: dt.date
    time_of_day: dt.time | None


def _next_slot(moment: dt.datetime) -> dt.datetime:
    """The next quarter hour at or after `moment`."""
    base = moment.replace(minute=0, second=0, microsecond=0)
    late = moment - base
    slots = -(-late // dt.timedelta(minutes=SLOT_MINUTES))
    return base + slots * dt.timedelta(minutes=SLOT_MINUTES)


def _working(moment: dt.datetime, calendar: WorkCalendar) -> dt.datetime:
    day, at = calendar.working_moment(moment.date(), moment.time())
    return dt.datetime.combine(day, at)


def recovery_plan(now_local: dt.datetime, calendar: WorkCalendar) -> tuple[RecoveryStep, ...]:
    """Steps from `now_local` (the user's wall clock, naive): research at once, then the
    manager alert, the call strictly after it and the documenting e-mail after the call,
    each at the first quarter hour inside working hours; the team review a few working
    days later. Found at 17:05 with a day that ends at 17:00, the alert waits for the
    next morning: every hour of warning counts, but nobody is called after hours."""
    now = now_local.replace(tzinfo=None)
    day0 = calendar.roll(now.date())
    manager = _working(_next_slot(now), calendar)
    call = _working(manager + CALL_AFTER_MANAGER, calendar)
    document = _working(call + DOCUMENT_AFTER_CALL, calendar)
    review_day = calendar.add_working_days(day0, REVIEW_AFTER_WORKING_DAYS)
    return (
        RecoveryStep("find_out", STEP_TEXT["find_out"], Channel.EMAIL, day0, None),
        RecoveryStep("options", STEP_TEXT["options"], Channel.IN_PERSON, day0, None),
        _timed("manager", Channel.PHONE, manager),
        _timed("call", Channel.PHONE, call),
        _timed("document", Channel.EMAIL, document),
        RecoveryStep("review", STEP_TEXT["review"], Channel.IN_PERSON, review_day, None),
    )


def _timed(code: str, channel: Channel, moment: dt.datetime) -> RecoveryStep:
    return RecoveryStep(code, STEP_TEXT[code], channel, moment.date(), moment.time())


def step_code(subject: str) -> str | None:
    """Which step a recovery touchpoint is, from the text it was created with."""
    return next((code for code, text in STEP_TEXT.items() if text == subject), None)
