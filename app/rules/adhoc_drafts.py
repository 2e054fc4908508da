"""Subject, body and extra merge values for touchpoints no plan step made."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import ENGLISH, _, current
from app.kinds import channel_label
from app.messages.adhoc import (
    COME_BACK_PREFIX,
    COME_BACK_TEXTS,
    DOCUMENT_SUBJECT,
    LOW_FEEDBACK_BODY,
    RECOVERY_BODIES,
    REQUEST_BODY,
    adhoc_words,
)
from app.messages.drafts import format_day
from app.messages.forms import Form, adhoc_form
from app.money import money_text
from app.preferences import Preferences
from app.scheduling.recovery import step_code
from models.commitment import Commitment
from models.repositories import commitments as commitment_repo
from models.responsiveness import Decline, InboundRequest
from models.touchpoint import Touchpoint

# The subject the feedback service gives its recovery call (no commitment behind it).
LOW_FEEDBACK_SUBJECT = "Recovery call after low feedback"


def _local(instant: dt.datetime, prefs: Preferences, language: str) -> str:
    local = instant.astimezone(prefs.zone)
    return f"{format_day(local.date(), language)} {local:%H:%M}"


def _recovery(
    session: Session, row: Touchpoint, prefs: Preferences, language: str
) -> tuple[str, dict[str, str]]:
    code = step_code(row.subject)
    if code is None:
        return (LOW_FEEDBACK_BODY if row.subject.startswith(LOW_FEEDBACK_SUBJECT) else ""), {}
    commitment = session.get(Commitment, row.commitment_id) if row.commitment_id else None
    values: dict[str, str] = {}
    if commitment is not None:
        values["promise"] = commitment.text
        values["promise_due"] = format_day(commitment.due_on, language)
        values["recovery_note"] = commitment.note
        totals = commitment_repo.won_totals(session, commitment.customer_id)
        values["customer_value"] = (
            " + ".join(money_text(totals[code], code) for code in sorted(totals))
            or "no won sales yet"
        )
    if prefs.marketing_budget > 0 and prefs.customers_won > 0:
        floor = prefs.marketing_budget * 100 // prefs.customers_won
        values["compensation_floor"] = (
            f"{money_text(floor, prefs.currency)} (marketing budget / new customers won)"
        )
    else:
        values["compensation_floor"] = "set marketing budget and customers won in Settings"
    return RECOVERY_BODIES.get(code, ""), values


def _request(
    session: Session, row: Touchpoint, prefs: Preferences, language: str
) -> tuple[str, dict[str, str]]:
    request = session.get(InboundRequest, row.request_id) if row.request_id else None
    if request is None:
        return "", {}
    return REQUEST_BODY, {
        "request_summary": request.summary,
        "request_channel": channel_label(request.channel),
        "request_received": _local(request.received_at, prefs, language),
        "request_due": _local(request.due_at, prefs, language),
    }


def adhoc_parts(
    session: Session, row: Touchpoint, prefs: Preferences, language: str = ENGLISH
) -> tuple[Form, str, str, dict[str, str]]:
    """(form, subject template, body template, extra values) for a step-less touchpoint;
    what goes to the customer is in their `language` (app.messages.adhoc.adhoc_words)."""
    form = adhoc_form(row.kind, row.channel, step_code(row.subject))
    # Dates as the text around them is written: the customer's language, or the interface's
    # in a checklist for the salesperson (app.messages.adhoc.adhoc_words).
    dates = language if form is not Form.CHECKLIST else current()
    # The subject is plain text (the user's words): a value, so it is never read as a template.
    subject = "{{touchpoint_subject}}"
    if row.kind == "recovery":
        body, values = _recovery(session, row, prefs, dates)
        if form is Form.MESSAGE:
            subject = DOCUMENT_SUBJECT
    elif row.kind == "request":
        body, values = _request(session, row, prefs, dates)
    elif row.subject.startswith(COME_BACK_PREFIX):
        subject, body = COME_BACK_TEXTS.get(form, COME_BACK_TEXTS[Form.SCRIPT])
        values = {"decline_summary": _decline_summary(session, row)}
    else:
        body, values = "", {}
    values["touchpoint_subject"] = row.subject
    return form, adhoc_words(subject, form, language), adhoc_words(body, form, language), values


def _decline_summary(session: Session, row: Touchpoint) -> str:
    decline = session.scalars(select(Decline).where(Decline.touchpoint_id == row.id)).first()
    return decline.summary if decline is not None else row.subject.removeprefix(COME_BACK_PREFIX)


def recovery_checklist(session: Session, row: Touchpoint) -> tuple[tuple[str, str], ...]:
    """A promise's whole recovery, for the step Today shows: (text, state) per step, state
    "done", "skipped", "now" (this step) or "later"."""
    if row.kind != "recovery" or row.commitment_id is None:
        return ()
    steps = commitment_repo.steps_of(session, row.commitment_id)
    return tuple(
        # A step's subject is its checklist text, stored in English as a key: shown translated.
        (_(step.subject), "now" if step.id == row.id else _state(step.status))
        for step in steps
    )


def _state(status: str) -> str:
    return status if status in ("done", "skipped") else "later"
