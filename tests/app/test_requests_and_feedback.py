"""Requests answered in working hours; feedback steering the referral ask."""

from __future__ import annotations

import datetime as dt

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.errors import ValidationError

D = dt.date
CET = dt.timezone(dt.timedelta(hours=1))


def test_request_logged_friday_afternoon_is_due_monday_in_working_hours(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    clock.set(dt.datetime(2026, 11, 20, 15, 0, tzinfo=CET))
    request = planner.requests.add(ana.id, "Wants a quote for 3 pallets", channel="phone")
    assert request.due_at.astimezone(CET) == dt.datetime(2026, 11, 23, 11, 0, tzinfo=CET)
    assert not request.overdue
    [item] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "request"]
    assert item.request_id == request.id and item.channel == "phone"
    assert item.due_date == D(2026, 11, 23) and item.subject == "Wants a quote for 3 pallets"
    clock.set(dt.datetime(2026, 11, 23, 10, 59, tzinfo=CET))
    assert not planner.requests.find()[0].overdue
    clock.set(dt.datetime(2026, 11, 23, 11, 1, tzinfo=CET))
    assert planner.requests.find()[0].overdue


def test_answering_completes_the_touchpoint_and_logs_the_contact(
    planner: AppContext, ana: CustomerDTO
) -> None:
    request = planner.requests.add(ana.id, "Price list?")
    answered = planner.requests.answer(request.id, note="Sent the list")
    assert answered.answered_at is not None and answered.answer_note == "Sent the list"
    assert planner.requests.find() == []
    touchpoint = planner.touchpoints.get(request.touchpoint_id or 0)
    assert touchpoint.status == "done"
    [contact] = planner.interactions.of_customer(ana.id)
    assert contact.summary == "Answer request: Price list? — Sent the list"
    with pytest.raises(ValidationError, match="already answered"):
        planner.requests.answer(request.id)


def test_marking_the_request_touchpoint_done_answers_the_request(
    planner: AppContext, ana: CustomerDTO
) -> None:
    request = planner.requests.add(ana.id, "Callback please", channel="phone")
    planner.touchpoints.done(request.touchpoint_id or 0, note="Called back")
    [row] = planner.requests.find(open_only=False)
    assert row.answered_at is not None and row.answer_note == "Called back"


def test_request_draft_quotes_the_request_without_reading_it_as_a_template(
    planner: AppContext, ana: CustomerDTO
) -> None:
    request = planner.requests.add(ana.id, "Can {{my_name}} send <b>it</b>?")
    draft = planner.drafts.draft(request.touchpoint_id or 0)
    assert draft.subject == "Can {{my_name}} send <b>it</b>?"
    assert "Can {{my_name}} send <b>it</b>?" in draft.body and "Sam Seller" not in draft.body


def feedback_touchpoints(planner: AppContext, customer: CustomerDTO) -> tuple[int, int]:
    planner.sales.record(
        SaleInput(customer.id, D(2026, 11, 20), "won", promised_delivery=D(2026, 11, 25))
    )
    items = planner.agenda.touchpoints(customer_id=customer.id)
    feedback = next(item for item in items if item.kind == "feedback")
    referral = next(item for item in items if item.kind == "referral")
    return feedback.id, referral.id


def test_low_score_calls_off_the_referral_ask_and_plans_a_recovery_call(
    planner: AppContext, ana: CustomerDTO
) -> None:
    feedback_id, referral_id = feedback_touchpoints(planner, ana)
    result = planner.feedback.record(feedback_id, 2, "Delivery was chaotic")
    assert [item.id for item in result.skipped] == [referral_id]
    referral = planner.touchpoints.get(referral_id)
    assert referral.status == "skipped" and referral.skip_reason == "Low feedback score"
    [call] = result.added
    assert (call.kind, call.channel, call.due_date) == ("recovery", "phone", D(2026, 11, 23))
    assert planner.touchpoints.get(feedback_id).status == "done"
    draft = planner.drafts.draft(call.id)
    assert draft.form == "script" and not draft.mailto
    assert draft.body.startswith("Purpose: Ana Silva gave a low feedback score")
    with pytest.raises(ValidationError, match="already recorded"):
        planner.feedback.record(feedback_id, 5)


def test_high_score_brings_the_referral_ask_forward_respecting_the_gap(
    planner: AppContext, ana: CustomerDTO
) -> None:
    feedback_id, referral_id = feedback_touchpoints(planner, ana)
    before = planner.touchpoints.get(referral_id).due_date
    result = planner.feedback.record(feedback_id, 5)
    [moved] = result.moved
    assert moved.id == referral_id and moved.due_date < before and moved.pinned
    others = [
        item.due_date
        for item in planner.agenda.touchpoints(customer_id=ana.id)
        if item.id != referral_id
    ]
    assert moved.due_date >= D(2026, 11, 23)
    assert all(abs((moved.due_date - day).days) >= 2 for day in others)


def test_middle_score_changes_nothing_and_bad_scores_are_refused(
    planner: AppContext, ana: CustomerDTO
) -> None:
    feedback_id, referral_id = feedback_touchpoints(planner, ana)
    before = planner.touchpoints.get(referral_id)
    with pytest.raises(ValidationError, match="1 to 5"):
        planner.feedback.record(feedback_id, 6)
    with pytest.raises(ValidationError, match="not a feedback"):
        planner.feedback.record(referral_id, 3)
    result = planner.feedback.record(feedback_id, 3, "ok")
    assert (result.skipped, result.added, result.moved) == ((), (), ())
    assert planner.touchpoints.get(referral_id) == before


def test_a_skipped_request_no_longer_waits_and_the_timeline_names_it(
    planner: AppContext, ana: CustomerDTO
) -> None:
    request = planner.requests.add(ana.id, "Brochure please")
    timeline = planner.timeline.timeline(ana.id)
    entry = next(e for e in timeline.upcoming if e.kind == "request")
    assert entry.detail == "Brochure please"
    planner.touchpoints.skip(request.touchpoint_id or 0, reason="Picked it up at the fair")
    assert planner.requests.find() == []
    assert len(planner.requests.find(open_only=False)) == 1
