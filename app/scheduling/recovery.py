"""The recovery plan for a promise at risk: which steps, on which channel, when (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dto.vocabulary import Channel
from app.scheduling.calendar import WorkCalendar

# Day 0 is the day the promise is found at risk: everything that warns people happens then.
MANAGER_LAST = dt.time(23, 15)
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
CHECKLIST = (
    ChecklistItem(
        "find_out", "Find out how the promise was made (e-mails, contract, who promised what)",
        "find_out",
    ),
    ChecklistItem(
        "options", "List the options (another source, even at a loss; a demo unit; "
        "a delivery with slack)", "options",
    ),
    ChecklistItem("manager", "Alert your manager, with the options", "manager"),
    ChecklistItem("call", "Call the customer first: a phone call, not an e-mail", "call"),
    ChecklistItem(
        "comfort", "Comfort the customer: let them tell their side, do not make them wrong", "call"
    ),
    ChecklistItem("apologise", "Apologise adequately, after presenting the solution", "call"),
    ChecklistItem("compensate", "Compensate beyond the loss", "call"),
    ChecklistItem(
        "document", "Send the e-mail that documents what was agreed (after the call)", "document"
    ),
    ChecklistItem("review", "Review with the team how to prevent it", "review"),
)  # fmt: skip
STEP_TEXT = {item.code: item.text for item in CHECKLIST if item.code == item.part_of}


@dataclass(frozen=True)
class RecoveryStep:
    """A touchpoint of the recovery: all-day when `time_of_day` is None."""

    code: str
    text: str
    channel: Channel
    day: dt.date
    time_of_day: dt.time | None


def _next_slot(moment: dt.time) -> dt.time:
    """The next quarter hour at or after `moment`."""
    minutes = moment.hour * 60 + moment.minute + (1 if moment.second or moment.microsecond else 0)
    minutes = -(-minutes // SLOT_MINUTES) * SLOT_MINUTES
    if minutes >= 24 * 60:
        return dt.time(23, 59)
    return dt.time(minutes // 60, minutes % 60)


def _plus(moment: dt.time, delta: dt.timedelta) -> dt.time:
    return (dt.datetime.combine(dt.date.min, moment) + delta).time()


def recovery_plan(
    now_local: dt.datetime,
    calendar: WorkCalendar,
    work_start: dt.time,
    work_end: dt.time,
) -> tuple[RecoveryStep, ...]:
    """Steps from `now_local` (the user's wall clock): research, manager and the call today,
    the call strictly after the manager alert; the documenting e-mail after the call, the
    next working day at the latest; the team review a few working days later."""
    day0 = now_local.date()
    slot = _next_slot(now_local.time())
    if calendar.is_working_day(day0) and slot < work_start:
        slot = work_start
    manager = min(slot, MANAGER_LAST)
    call = _plus(manager, CALL_AFTER_MANAGER)
    document_day, document_time = day0, _plus(call, DOCUMENT_AFTER_CALL)
    # Same day only inside working hours (and never across midnight); else first thing next.
    if not calendar.is_working_day(day0) or document_time > work_end or document_time < call:
        document_day, document_time = calendar.next_working_day(day0), work_start
    review_day = calendar.add_working_days(day0, REVIEW_AFTER_WORKING_DAYS)
    return (
        RecoveryStep("find_out", STEP_TEXT["find_out"], Channel.EMAIL, day0, None),
        RecoveryStep("options", STEP_TEXT["options"], Channel.IN_PERSON, day0, None),
        RecoveryStep("manager", STEP_TEXT["manager"], Channel.PHONE, day0, manager),
        RecoveryStep("call", STEP_TEXT["call"], Channel.PHONE, day0, call),
        RecoveryStep("document", STEP_TEXT["document"], Channel.EMAIL, document_day, document_time),
        RecoveryStep("review", STEP_TEXT["review"], Channel.IN_PERSON, review_day, None),
    )


def step_code(subject: str) -> str | None:
    """Which step a recovery touchpoint is, from the text it was created with."""
    return next((code for code, text in STEP_TEXT.items() if text == subject), None)
