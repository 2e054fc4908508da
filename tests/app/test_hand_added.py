"""Follow-ups added by hand: the user's day kept (with a word on days off), working hours."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.touchpoints import NewFollowUp
from app.errors import KnownError

D = dt.date


def test_added_with_the_customers_channel_on_the_day_chosen(
    planner: AppContext, ana: CustomerDTO
) -> None:
    added = planner.touchpoints.add(
        NewFollowUp(ana.id, "value_add", D(2026, 11, 24), dt.time(10, 30), note="Send the brochure")
    )
    item = added.touchpoint
    assert added.warning == ""
    assert (item.kind, item.channel, item.due_date, item.status) == (
        "value_add",
        "email",
        D(2026, 11, 24),
        "planned",
    )
    assert item.subject == "Send the brochure" and item.pinned
    assert item.due_at == dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)  # 10:30 in Berlin
    assert item.id in [t.id for t in planner.agenda.touchpoints(customer_id=ana.id)]


def test_a_day_off_is_kept_with_a_one_line_warning(planner: AppContext, ana: CustomerDTO) -> None:
    added = planner.touchpoints.add(
        NewFollowUp(ana.id, "check_in", D(2026, 12, 26), channel="phone")
    )
    assert added.touchpoint.due_date == D(2026, 12, 26) and added.touchpoint.channel == "phone"
    assert added.warning == "Saturday 26 December 2026 is a day off; the follow-up stays on it."


def test_a_hand_added_check_in_lives_beside_keep_in_touch(
    planner: AppContext, ana: CustomerDTO
) -> None:
    [kit] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"]
    added = planner.touchpoints.add(NewFollowUp(ana.id, "check_in", D(2026, 11, 23))).touchpoint
    planner.touchpoints.snooze(kit.id, days=1)  # keep-in-touch settles the customer again
    planned = {t.id for t in planner.agenda.touchpoints(customer_id=ana.id)}
    assert {kit.id, added.id} <= planned


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (NewFollowUp(0, "check_in", D(2026, 11, 23)), r"^Customer 0 does not exist\.$"),
        (NewFollowUp(1, "request", D(2026, 11, 23)), r"^Kind 'request' cannot be added by hand"),
        (NewFollowUp(1, "check_in", D(2026, 11, 19)), r"^A follow-up cannot be added in the past"),
        (
            NewFollowUp(1, "check_in", D(2026, 11, 23), dt.time(18, 30)),
            r"^18:30 is outside working hours \(09:00–17:00\); choose a time between them",
        ),
        (NewFollowUp(1, "check_in", D(2026, 11, 23), channel="pigeon"), "channel"),
    ],
)
def test_bad_input_gets_one_line_and_adds_nothing(
    planner: AppContext, ana: CustomerDTO, data: NewFollowUp, message: str
) -> None:
    assert ana.id == 1
    before = planner.agenda.touchpoints(customer_id=ana.id)
    with pytest.raises(KnownError, match=message):
        planner.touchpoints.add(data)
    assert planner.agenda.touchpoints(customer_id=ana.id) == before


def test_adding_by_hand_can_be_undone(planner: AppContext, ana: CustomerDTO) -> None:
    added = planner.touchpoints.add(NewFollowUp(ana.id, "value_add", D(2026, 11, 24))).touchpoint
    newest = planner.touchpoints.last_undoable()
    assert newest is not None and (newest.touchpoint_id, newest.label) == (
        added.id,
        "add follow-up",
    )
    assert planner.touchpoints.undo(added.id) == (None, "add follow-up")
    assert added.id not in [t.id for t in planner.agenda.touchpoints(customer_id=ana.id)]
    assert planner.touchpoints.last_undoable() is None


def test_nothing_is_added_for_someone_who_asked_not_to_be_contacted(planner: AppContext) -> None:
    quiet = planner.customers.add(CustomerInput(name="Quiet Quinn", do_not_contact=True))
    with pytest.raises(KnownError, match=r"^Quiet Quinn is marked do not contact; no follow-up"):
        planner.touchpoints.add(NewFollowUp(quiet.id, "check_in", D(2026, 11, 23)))
    assert planner.agenda.touchpoints(customer_id=quiet.id) == []
