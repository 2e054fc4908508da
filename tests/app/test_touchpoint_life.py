"""Done, skip, snooze and reschedule; keep-in-touch; re-planning when calendar rules change."""

from __future__ import annotations

import datetime as dt

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from app.dto.vocabulary import STATUSES
from app.errors import KnownError, ValidationError

D = dt.date


def record(planner: AppContext, customer: CustomerDTO) -> None:
    planner.sales.record(
        SaleInput(
            customer_id=customer.id,
            closed_on=D(2026, 11, 20),
            outcome="won",
            description="Two forklifts",
            promised_delivery=D(2026, 12, 5),
        )
    )


def of_kind(planner: AppContext, customer: CustomerDTO, kind: str) -> list:  # type: ignore[type-arg]
    return [t for t in planner.agenda.touchpoints(customer_id=customer.id) if t.kind == kind]


def test_done_logs_an_interaction_with_the_channel_used(
    planner: AppContext, ana: CustomerDTO
) -> None:
    record(planner, ana)
    [thank_you] = of_kind(planner, ana, "thank_you")
    done = planner.touchpoints.done(thank_you.id, note="Posted a card", channel="letter")
    assert done.status == "done" and done.channel == "letter" and done.sequence == 1
    [interaction] = planner.interactions.of_customer(ana.id)
    assert interaction.touchpoint_id == thank_you.id and interaction.channel == "letter"
    assert "Posted a card" in interaction.summary
    with pytest.raises(ValidationError, match="already done"):
        planner.touchpoints.snooze(thank_you.id, days=3)


def test_snooze_options_land_on_working_days_and_stick(
    planner: AppContext, ana: CustomerDTO
) -> None:
    record(planner, ana)
    [thank_you] = of_kind(planner, ana, "thank_you")  # due today, Friday 20 Nov
    tomorrow = planner.touchpoints.snooze(thank_you.id)
    assert tomorrow.due_date == D(2026, 11, 23) and tomorrow.snoozed_from == D(2026, 11, 20)
    later = planner.touchpoints.snooze(thank_you.id, days=3)
    assert later.due_date == D(2026, 11, 26) and later.snoozed_from == D(2026, 11, 20)
    until = planner.touchpoints.snooze(thank_you.id, until=D(2026, 12, 26))  # a holiday Saturday
    assert until.due_date == D(2026, 12, 28) and until.sequence == 3
    planner.change_settings({"working_days": "mon,tue,wed,thu"})
    assert planner.touchpoints.get(thank_you.id).due_date == D(2026, 12, 28)  # pinned


def test_skipped_touchpoints_never_move(planner: AppContext, ana: CustomerDTO) -> None:
    record(planner, ana)
    [check] = of_kind(planner, ana, "delivery_check")
    planner.touchpoints.skip(check.id, reason="Customer on holiday")
    sale_id = check.sale_id
    assert sale_id is not None
    planner.sales.update_delivery(sale_id, delivered=D(2026, 12, 15))
    skipped = planner.touchpoints.get(check.id)
    assert skipped.status == "skipped" and skipped.due_date == check.due_date
    assert skipped.skip_reason == "Customer on holiday"


def test_changing_working_days_replans_planned_touchpoints(
    planner: AppContext, ana: CustomerDTO
) -> None:
    record(planner, ana)
    feedback_before = of_kind(planner, ana, "value_add")[1]
    assert feedback_before.due_date == D(2027, 2, 5)  # a Friday
    planner.change_settings({"working_days": "mon,tue,wed,thu"})
    moved = planner.touchpoints.get(feedback_before.id)
    assert moved.due_date == D(2027, 2, 8) and moved.sequence == feedback_before.sequence + 1
    assert all(t.due_date.weekday() < 4 for t in planner.agenda.touchpoints(customer_id=ana.id))


def test_keep_in_touch_follows_the_last_interaction(planner: AppContext, clock: FixedClock) -> None:
    key = planner.customers.add(CustomerInput(name="Key Person", is_key=True, channel="phone"))
    [check_in] = planner.agenda.touchpoints(customer_id=key.id)
    assert check_in.kind == "check_in" and check_in.channel == "phone"
    assert check_in.due_date == D(2026, 12, 21)  # +30 days for a key customer = Sat 19 Dec -> Mon
    clock.set(dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC))
    planner.interactions.add(key.id, "Lunch together", channel="in_person")
    [moved] = planner.agenda.touchpoints(customer_id=key.id)
    assert moved.id == check_in.id and moved.due_date == D(2026, 12, 31)
    planner.touchpoints.skip(moved.id, reason="Busy")
    [following] = planner.agenda.touchpoints(customer_id=key.id)
    assert following.id != moved.id and following.due_date > D(2026, 12, 31)


def test_birthday_without_year_on_feb_29(planner: AppContext) -> None:
    leap = planner.customers.add(CustomerInput(name="Leap Day", birthday="02-29", channel="letter"))
    [birthday] = [
        t for t in planner.agenda.touchpoints(customer_id=leap.id) if t.kind == "birthday"
    ]
    # 2027 has no 29 Feb: Sun 28 Feb, 5 days' lead for a card = Tue 23 Feb.
    assert birthday.due_date == D(2027, 2, 23) and birthday.all_day
    planner.touchpoints.done(birthday.id)
    [next_year] = [
        t for t in planner.agenda.touchpoints(customer_id=leap.id) if t.kind == "birthday"
    ]
    assert next_year.due_date == D(2028, 2, 24)  # 29 Feb 2028 exists: Tue - 5 days = Thu 24


def test_do_not_contact_removes_planned_follow_ups(planner: AppContext, ana: CustomerDTO) -> None:
    assert planner.agenda.touchpoints(customer_id=ana.id)
    planner.customers.update(ana.id, CustomerInput(name=ana.name, do_not_contact=True))
    assert planner.agenda.touchpoints(customer_id=ana.id) == []
    skipped = planner.agenda.touchpoints(customer_id=ana.id, statuses=("skipped",))
    assert skipped and "not to be contacted" in skipped[0].skip_reason


def test_agenda_buckets_come_from_the_clock(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    record(planner, ana)
    clock.set(dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.UTC))
    agenda = planner.agenda.today(days_ahead=30)
    assert agenda.today == D(2026, 12, 8)
    assert [t.kind for t in agenda.overdue] == ["thank_you", "delivery_check"]
    assert agenda.due_today == ()
    assert [t.kind for t in agenda.upcoming] == ["value_add", "feedback"]
    assert planner.agenda.overdue_count() == 2


def test_unknown_merge_field_is_refused_when_the_template_is_saved(planner: AppContext) -> None:
    plan = planner.plans.get("After a won sale")
    import dataclasses

    step = dataclasses.replace(plan.steps[0], body="Dear {{customer_nme}}, thanks.")
    with pytest.raises(KnownError, match=r"\{\{customer_nme\}\}"):
        planner.plans.update_step(plan.id or 0, step)
    assert planner.plans.get("After a won sale").steps[0].body == plan.steps[0].body


def test_draft_fills_profile_sale_and_next_steps(planner: AppContext, ana: CustomerDTO) -> None:
    record(planner, ana)
    [thank_you] = of_kind(planner, ana, "thank_you")
    draft = planner.drafts.draft(thank_you.id)
    assert draft.subject == "Thank you for your order, Ana"
    assert "Two forklifts" in draft.body and "Sam Seller" in draft.body
    assert "+49 89 123456" in draft.body and "Mobile:" not in draft.body
    # The next steps as Ana will experience them, never our plan's step names (issue #15).
    assert "- On 7 Dec 2026 I will call you to make sure the delivery went as promised." in (
        draft.body
    )
    for internal in ("Delivery check", "Referral", "Feedback request", "Value-add", "(Phone)"):
        assert internal not in draft.body
    assert draft.mailto.startswith("mailto:ana@acme.example?subject=Thank%20you")
    assert draft.tel == "tel:+491701234567"


def test_built_in_plans_can_be_restored(planner: AppContext) -> None:
    import dataclasses

    plan = planner.plans.get("After a lost sale")
    edited = dataclasses.replace(plan.steps[0], subject="Changed subject")
    planner.plans.update_step(plan.id or 0, edited)
    assert planner.plans.get("After a lost sale").steps[0].subject == "Changed subject"
    restored = planner.plans.restore_builtin("lost_sale").plan
    assert restored.steps[0].subject.startswith("Thank you for considering us")


def test_agenda_pages_cover_every_planned_touchpoint_once(
    planner: AppContext, ana: CustomerDTO
) -> None:
    for number in range(6):
        other = planner.customers.add(CustomerInput(name=f"Other {number}"))
        record(planner, other)
    record(planner, ana)
    expected = [t.id for t in planner.agenda.touchpoints(end=D(2027, 12, 31))]
    seen: list[int] = []
    after = None
    while True:
        page = planner.agenda.page(end=D(2027, 12, 31), after=after, limit=7)
        seen.extend(t.id for t in page.rows)
        if page.next_after is None:
            break
        after = page.next_after
    assert seen == expected and len(expected) > 40


def test_editing_a_plans_steps_keeps_scheduled_touchpoints_linked(
    planner: AppContext, ana: CustomerDTO
) -> None:
    import dataclasses

    record(planner, ana)
    plan = planner.plans.get("After a won sale")
    moved = (plan.steps[1], plan.steps[0], *plan.steps[2:])  # swap the first two
    planner.plans.save(dataclasses.replace(plan, steps=moved))
    [thank_you] = of_kind(planner, ana, "thank_you")
    assert planner.drafts.draft(thank_you.id).subject == "Thank you for your order, Ana"
    planner.plans.restore_builtin("won_sale")
    assert planner.drafts.draft(thank_you.id).subject == "Thank you for your order, Ana"
    assert [s.kind for s in planner.plans.get("After a won sale").steps][:2] == [
        "thank_you",
        "delivery_check",
    ]


def test_the_agenda_and_a_lookup_by_id_read_a_touchpoint_alike(
    planner: AppContext, ana: CustomerDTO
) -> None:
    # The agenda reads at driver level, the lookup through SQLAlchemy: same DTO either way.
    record(planner, ana)
    rows = planner.agenda.touchpoints(customer_id=ana.id)
    first = rows[0]
    planner.touchpoints.done(first.id, note="Called, all fine")
    everything = planner.agenda.touchpoints(customer_id=ana.id, statuses=STATUSES)
    assert any(row.due_at is not None for row in everything)
    assert any(row.completed_at is not None for row in everything)
    for row in everything:
        assert planner.touchpoints.get(row.id) == row
