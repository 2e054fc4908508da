"""Undo of done, skip, snooze and change of date: the customer's rows as they were before."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.changes import Area, Changes
from app.dto.customers import CustomerDTO
from app.dto.outreach import LibraryInput
from app.dto.sales import SaleInput
from app.errors import NotFound, ValidationError
from app.rules import undo
from models.calendar_sync import CalendarAccount, SyncItem

D = dt.date


def state(planner: AppContext, customer_id: int) -> dict:  # type: ignore[type-arg]
    """Every row an action may write for the customer, without what the clock stamps and
    without the calendar sequence (which only grows)."""
    with planner.sessions() as session:
        rows = undo.snapshot(session, customer_id)
    return {
        key: {k: v for k, v in row.items() if k not in ("updated_at", "sequence")}
        for key, row in rows.items()
    }


def sale(planner: AppContext, customer: CustomerDTO) -> dict[str, int]:
    planner.sales.record(
        SaleInput(customer.id, D(2026, 11, 20), "won", promised_delivery=D(2026, 11, 25))
    )
    return {item.kind: item.id for item in planner.agenda.touchpoints(customer_id=customer.id)}


def test_undo_of_done_takes_back_the_contact_and_the_replanning(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ids = sale(planner, ana)
    before = state(planner, ana.id)
    done = planner.touchpoints.done(ids["thank_you"], note="Card posted", channel="letter")
    assert done.status == "done" and planner.interactions.of_customer(ana.id)
    assert state(planner, ana.id) != before
    item, label = planner.touchpoints.undo(ids["thank_you"])
    assert label == "mark done"
    assert (item.status, item.outcome_note, item.channel) == ("planned", "", ana.channel)
    assert item.sequence > done.sequence  # calendars see the change
    assert state(planner, ana.id) == before
    assert planner.interactions.of_customer(ana.id) == []
    with pytest.raises(ValidationError, match="nothing to undo"):
        planner.touchpoints.undo(ids["thank_you"])


def test_undo_of_a_check_in_removes_the_next_one_it_scheduled(
    planner: AppContext, ana: CustomerDTO
) -> None:
    [check_in] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"]
    before = state(planner, ana.id)
    planner.touchpoints.done(check_in.id, note="Talked")
    [following] = [
        t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"
    ]
    assert following.id != check_in.id
    planner.touchpoints.undo(check_in.id)
    assert state(planner, ana.id) == before
    with pytest.raises(NotFound, match="does not exist"):
        planner.touchpoints.get(following.id)


def test_undo_of_skip_snooze_and_change_of_date_one_after_another(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ids = sale(planner, ana)
    tp = ids["thank_you"]
    first = state(planner, ana.id)
    planner.touchpoints.snooze(tp, days=3)
    snoozed = state(planner, ana.id)
    planner.touchpoints.reschedule(tp, D(2026, 12, 2), dt.time(10, 30))
    moved = state(planner, ana.id)
    planner.touchpoints.skip(tp, "Met at the fair")
    assert planner.touchpoints.undo(tp)[1] == "skip"
    assert state(planner, ana.id) == moved
    assert planner.touchpoints.undo(tp)[1] == "change date"
    assert state(planner, ana.id) == snoozed
    item, label = planner.touchpoints.undo(tp)
    assert label == "snooze" and item.snoozed_from is None and not item.pinned
    assert state(planner, ana.id) == first


def test_undo_of_a_low_feedback_score_brings_back_the_referral_ask(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ids = sale(planner, ana)
    before = state(planner, ana.id)
    result = planner.feedback.record(ids["feedback"], 1, "Late and rude")
    assert result.added and result.skipped
    assert planner.touchpoints.undo(ids["feedback"])[1] == "record feedback"
    assert state(planner, ana.id) == before
    # The score can be recorded again, as if never given.
    assert planner.feedback.record(ids["feedback"], 4).score == 4


def test_undo_of_a_referral_answer_forgets_it(planner: AppContext, ana: CustomerDTO) -> None:
    ids = sale(planner, ana)
    before = state(planner, ana.id)
    planner.referrals.answer(ids["referral"], True, "Introduced a colleague")
    assert planner.touchpoints.undo(ids["referral"])[1] == "record referral answer"
    assert state(planner, ana.id) == before


def test_undo_of_done_unsends_the_item_it_brought(planner: AppContext, ana: CustomerDTO) -> None:
    ids = sale(planner, ana)
    item = planner.library.add(LibraryInput(title="Forklift safety guide"))
    planner.drafts.bring(ids["thank_you"], item.id)
    before = state(planner, ana.id)
    planner.touchpoints.done(ids["thank_you"])
    assert [sent.item_id for sent in planner.library.sent(ana.id)] == [item.id]
    planner.touchpoints.undo(ids["thank_you"])
    assert planner.library.sent(ana.id) == []
    assert state(planner, ana.id) == before


def test_undo_is_refused_when_what_it_wrote_changed_since(
    planner: AppContext, ana: CustomerDTO
) -> None:
    [check_in] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"]
    planner.touchpoints.done(check_in.id)
    [following] = [
        t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"
    ]
    planner.touchpoints.reschedule(following.id, following.due_date + dt.timedelta(days=7))
    after = state(planner, ana.id)
    with pytest.raises(ValidationError, match=r"^Follow-up \d+ cannot be undone: .*since\.$"):
        planner.touchpoints.undo(check_in.id)
    assert state(planner, ana.id) == after  # nothing lost


def test_the_newest_action_is_offered_and_undo_is_reported_as_a_change(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ids = sale(planner, ana)
    assert planner.touchpoints.last_undoable() is None
    planner.touchpoints.skip(ids["thank_you"])
    planner.touchpoints.snooze(ids["feedback"], days=2)
    newest = planner.touchpoints.last_undoable()
    assert newest is not None
    assert (newest.touchpoint_id, newest.label) == (ids["feedback"], "snooze")
    seen: list[Changes] = []
    planner.changes.subscribe(seen.append)
    planner.touchpoints.undo(ids["thank_you"])
    assert any(Area.TOUCHPOINTS in c.areas and ana.id in c.customer_ids for c in seen)


def test_undo_of_answering_a_request_reopens_it(planner: AppContext, ana: CustomerDTO) -> None:
    request = planner.requests.add(ana.id, "Brochure please")
    assert request.touchpoint_id is not None
    before = state(planner, ana.id)
    planner.touchpoints.done(request.touchpoint_id, note="Sent it")
    assert planner.requests.find() == []
    planner.touchpoints.undo(request.touchpoint_id)
    assert [open_one.id for open_one in planner.requests.find()] == [request.id]
    assert state(planner, ana.id) == before


def test_a_follow_up_a_calendar_holds_is_skipped_not_removed(
    planner: AppContext, ana: CustomerDTO
) -> None:
    [check_in] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"]
    planner.touchpoints.done(check_in.id)
    [following] = [
        t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"
    ]
    with planner.sessions.begin() as session:  # the next sync pushed it to a calendar
        account = CalendarAccount(url="https://cal.example", username="sam", secret_key="k1")
        session.add(account)
        session.flush()
        session.add(SyncItem(account_id=account.id, touchpoint_id=following.id, uid=following.uid))
    planner.touchpoints.undo(check_in.id)
    gone = planner.touchpoints.get(following.id)
    assert (gone.status, gone.skip_reason) == ("skipped", "Taken back by undo")
    assert gone.sequence > following.sequence  # the calendar drops the event on its next sync
    assert planner.touchpoints.get(check_in.id).status == "planned"


def test_answering_a_request_is_undone_as_its_follow_ups_done(
    planner: AppContext, ana: CustomerDTO
) -> None:
    request = planner.requests.add(ana.id, "Price list please")
    assert request.touchpoint_id is not None
    before = state(planner, ana.id)
    planner.requests.answer(request.id, "Mailed it")
    assert planner.touchpoints.undo(request.touchpoint_id)[1] == "mark done"
    assert state(planner, ana.id) == before
    assert [open_one.id for open_one in planner.requests.find()] == [request.id]


def test_sending_an_item_for_a_follow_up_is_undone_as_its_done(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ids = sale(planner, ana)
    item = planner.library.add(LibraryInput(title="Warehouse layout checklist"))
    before = state(planner, ana.id)
    planner.library.send(item.id, ana.id, ids["thank_you"])
    assert planner.touchpoints.get(ids["thank_you"]).status == "done"
    planner.touchpoints.undo(ids["thank_you"])
    assert state(planner, ana.id) == before and planner.library.sent(ana.id) == []


def test_undo_of_done_reports_the_contact_it_took_back(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ids = sale(planner, ana)
    planner.touchpoints.done(ids["thank_you"])
    seen: list[Changes] = []
    planner.changes.subscribe(seen.append)
    planner.touchpoints.undo(ids["thank_you"])
    [change] = seen
    assert {Area.TOUCHPOINTS, Area.OUTREACH} <= change.areas and ana.id in change.customer_ids
    assert not change.all_customers
