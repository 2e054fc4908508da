"""Logging a contact: on its day (never in the future), with an optional next step."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.timeline import NextStepInput
from app.errors import ValidationError

D = dt.date
TODAY = D(2026, 11, 20)  # the planner fixture's Friday, in Berlin


def test_a_contact_on_an_earlier_day_is_logged_on_that_day(
    planner: AppContext, ana: CustomerDTO
) -> None:
    logged = planner.interactions.add(ana.id, "Met at the fair", "in_person", on=D(2026, 11, 12))
    assert logged.occurred_at.astimezone(planner.settings.get().zone).date() == D(2026, 11, 12)
    assert planner.customers.get(ana.id).last_contact == D(2026, 11, 12)
    today = planner.interactions.add(ana.id, "Called back", on=TODAY)
    assert today.occurred_at == planner.clock.now()


def test_a_contact_in_the_future_is_refused(planner: AppContext, ana: CustomerDTO) -> None:
    with pytest.raises(ValidationError, match="cannot be in the future"):
        planner.interactions.add(ana.id, "Will call", on=TODAY + dt.timedelta(days=1))
    assert planner.interactions.of_customer(ana.id) == []


def test_the_next_step_becomes_a_follow_up_for_that_customer(
    planner: AppContext, ana: CustomerDTO
) -> None:
    step = NextStepInput("value_add", D(2026, 12, 3), "Send the battery care guide")
    logged = planner.interactions.add(ana.id, "Asked about batteries", next_step=step)
    assert logged.next_step_id is not None
    made = planner.touchpoints.get(logged.next_step_id)
    assert (made.customer_id, made.kind, made.due_date, made.due_at, made.status) == (
        ana.id,
        "value_add",
        D(2026, 12, 3),
        None,
        "planned",
    )
    assert made.subject == "Send the battery care guide"
    assert made.channel == ana.channel and made.pinned
    assert planner.customers.get(ana.id).next_due == min(
        item.due_date for item in planner.agenda.touchpoints(customer_id=ana.id)
    )


def test_a_next_step_without_a_note_is_named_by_its_kind(
    planner: AppContext, ana: CustomerDTO
) -> None:
    step = NextStepInput("check_in", D(2026, 12, 1), channel="phone")
    made = planner.touchpoints.get(
        planner.interactions.add(ana.id, "Quick call", next_step=step).next_step_id or 0
    )
    assert (made.subject, made.channel) == ("Check-in", "phone")


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (NextStepInput("birthday", D(2026, 12, 1)), "cannot be added by hand"),
        (NextStepInput("check_in", D(2026, 11, 19)), "in the past"),
        (NextStepInput("check_in", D(2026, 12, 1), channel="pigeon"), "unknown channel"),
        (NextStepInput("check_in", D(2026, 12, 1), "x" * 301), "longer than 300"),
    ],
)
def test_a_bad_next_step_writes_nothing(
    planner: AppContext, ana: CustomerDTO, step: NextStepInput, message: str
) -> None:
    planned = planner.agenda.touchpoints(customer_id=ana.id)
    with pytest.raises(ValidationError, match=message):
        planner.interactions.add(ana.id, "Spoke", next_step=step)
    assert planner.interactions.of_customer(ana.id) == []
    assert planner.agenda.touchpoints(customer_id=ana.id) == planned


def test_no_next_step_for_someone_who_asked_not_to_be_contacted(planner: AppContext) -> None:
    quiet = planner.customers.add(CustomerInput(name="Quiet Person", do_not_contact=True))
    step = NextStepInput("check_in", D(2026, 12, 1))
    with pytest.raises(ValidationError, match="marked do not contact"):
        planner.interactions.add(quiet.id, "They called us", next_step=step)
    assert planner.interactions.of_customer(quiet.id) == []
