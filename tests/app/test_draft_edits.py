"""A follow-up's draft is the salesperson's to change (issue #15 items 4 and 5): the edit is
kept with the follow-up and reaches the calendar; reset brings the plan's text back; a
library item goes into the words and counts as sent only when the follow-up is done."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import icalendar
import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.exports import IcsExportRequest
from app.dto.outreach import LibraryInput
from app.dto.plans import PlanDTO
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from app.errors import NotFound, ValidationError
from app.messages.value_item import WHAT_SLOT, WHY_SLOT

D = dt.date


def sale_steps(planner: AppContext, customer: CustomerDTO) -> dict[str, TouchpointDTO]:
    planner.sales.record(
        SaleInput(customer.id, D(2026, 11, 20), "won", description="a pallet truck",
                  promised_delivery=D(2026, 12, 4))
    )  # fmt: skip
    rows = planner.agenda.touchpoints(customer_id=customer.id)
    return {row.kind: row for row in reversed(rows) if row.sale_id}


@pytest.fixture
def steps(planner: AppContext, ana: CustomerDTO) -> dict[str, TouchpointDTO]:
    return sale_steps(planner, ana)


def test_an_edit_is_kept_and_the_plan_text_comes_back_on_reset(
    planner: AppContext, steps: dict[str, TouchpointDTO]
) -> None:
    thanks = steps["thank_you"].id
    plan = planner.drafts.draft(thanks)
    edited = planner.drafts.edit(thanks, body=plan.body + "\n\nP.S. See you at the fair!")
    assert edited.edited and edited.body.endswith("P.S. See you at the fair!")
    assert edited.subject == plan.subject and "fair" in edited.mailto
    # Only the body was given: the subject follows the plan, and so does a later template.
    subject = planner.drafts.edit(thanks, subject="  Thank you, Ana  ")
    assert subject.subject == "Thank you, Ana" and subject.body == edited.body
    back = planner.drafts.reset(thanks)
    assert not back.edited and (back.subject, back.body) == (plan.subject, plan.body)


def test_words_equal_to_the_plan_are_not_an_edit(
    planner: AppContext, steps: dict[str, TouchpointDTO]
) -> None:
    thanks = steps["thank_you"].id
    plan = planner.drafts.draft(thanks)
    same = planner.drafts.edit(thanks, subject=plan.subject, body=plan.body + "\n\n")
    assert not same.edited


def test_the_calendar_carries_the_edit_and_sees_it_as_a_change(
    planner: AppContext, steps: dict[str, TouchpointDTO], tmp_path: Path
) -> None:
    def event(name: str) -> icalendar.Event:
        request = IcsExportRequest(tmp_path / name)
        [file] = planner.calendar_export.export_ics(request).files
        calendar = icalendar.Calendar.from_ical(file.read_bytes())
        return next(e for e in calendar.walk("VEVENT") if e["UID"] == steps["feedback"].uid)

    before = event("a.ics")
    planner.drafts.edit(steps["feedback"].id, body="Dear Ana,\n\nHow is the truck doing?")
    after = event("b.ics")
    assert "How is the truck doing?" in str(after["DESCRIPTION"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_history_keeps_its_words(planner: AppContext, steps: dict[str, TouchpointDTO]) -> None:
    thanks = steps["thank_you"].id
    planner.touchpoints.done(thanks)
    with pytest.raises(ValidationError, match="already done; its message is history"):
        planner.drafts.edit(thanks, body="Too late")
    with pytest.raises(NotFound):
        planner.drafts.reset(999_999)


def test_a_template_change_reaches_only_the_drafts_nobody_edited(
    planner: AppContext, ana: CustomerDTO
) -> None:
    first = sale_steps(planner, ana)["thank_you"].id
    ben = planner.customers.add(CustomerInput(name="Ben Okafor", email="ben@example.org"))
    second = sale_steps(planner, ben)["thank_you"].id
    planner.drafts.edit(first, body="Dear Ana,\n\nMy own words.")
    plan = next(p for p in planner.plans.all() if p.builtin_key == "won_sale")
    step = plan.steps[0]
    changed = PlanDTO(
        **{**plan.__dict__, "steps": (step.__class__(**{**step.__dict__, "body":
           "{{greeting}},\n\nNew plan words.\n\n{{my_name}}"}), *plan.steps[1:])}
    )  # fmt: skip
    planner.plans.save(changed)
    assert planner.drafts.draft(first).body == "Dear Ana,\n\nMy own words."
    assert planner.drafts.draft(second).body.startswith("Dear Ben,\n\nNew plan words.")


def test_words_for_an_e_mail_are_pointed_out_when_it_becomes_a_call(
    planner: AppContext, ana: CustomerDTO
) -> None:
    [check_in] = planner.agenda.touchpoints(customer_id=ana.id)
    planner.drafts.edit(check_in.id, body="Dear Ana,\n\nHere is the guide I promised.")
    by_phone = dataclasses.replace(planner.customers.get(ana.id).as_input(), channel="phone")
    planner.customers.update(ana.id, by_phone)
    draft = planner.drafts.draft(check_in.id)
    assert draft.form == "script" and draft.edited and draft.channel == "phone"
    assert any("You wrote this for an e-mail or a letter" in w for w in draft.warnings)


def test_a_library_item_goes_into_the_draft_and_counts_as_sent_when_done(
    planner: AppContext, ana: CustomerDTO
) -> None:
    value = sale_steps(planner, ana)["value_add"]
    award = planner.library.add(
        LibraryInput("Award for the X200", url="https://x.example/award",
                     note="Your X200 won it.\nIts resale value went up.")
    )  # fmt: skip
    plain = planner.drafts.draft(value.id)
    assert WHAT_SLOT in plain.body and plain.needs_words
    draft = planner.drafts.bring(value.id, award.id)
    assert "Award for the X200\nhttps://x.example/award" in draft.body
    assert "Your X200 won it. Its resale value went up." in draft.body
    assert not draft.needs_words and (draft.item_id, draft.item_title) == (award.id, award.title)
    assert planner.library.sent(ana.id) == []  # chosen is not sent
    planner.touchpoints.done(value.id)
    [sent] = planner.library.sent(ana.id)
    assert (sent.item_id, sent.touchpoint_id) == (award.id, value.id)
    [contact] = planner.interactions.of_customer(ana.id)[:1]
    assert contact.summary == "Value-add contact: sent Award for the X200"
    with pytest.raises(ValidationError, match="already sent to this customer"):
        later = next(t for t in planner.agenda.touchpoints(customer_id=ana.id)
                     if t.kind == "value_add")  # fmt: skip
        planner.drafts.bring(later.id, award.id)


def test_an_item_goes_into_words_the_salesperson_wrote(
    planner: AppContext, ana: CustomerDTO
) -> None:
    value = sale_steps(planner, ana)["value_add"].id
    award = planner.library.add(LibraryInput("Award", url="https://x.example/a", note="Why."))
    guide = planner.library.add(LibraryInput("Guide", url="https://x.example/g"))
    # Edited around the slots: the item goes where they stood.
    planner.drafts.edit(value, body=f"Hi Ana,\n\nLook:\n{WHAT_SLOT}\n{WHY_SLOT}\n\nSam")
    assert planner.drafts.bring(value, award.id).body == (
        "Hi Ana,\n\nLook:\nAward\nhttps://x.example/a\nWhy.\n\nSam"
    )
    # Another item replaces the first; one without a line of its own leaves that slot.
    assert planner.drafts.bring(value, guide.id).body == (
        f"Hi Ana,\n\nLook:\nGuide\nhttps://x.example/g\n{WHY_SLOT}\n\nSam"
    )
    # Words that mention no item: it goes in as a paragraph after the greeting.
    planner.drafts.edit(value, body="Hi Ana,\n\nAll the best.\n\nSam")
    assert planner.drafts.bring(value, award.id).body == (
        "Hi Ana,\n\nAward\nhttps://x.example/a\n\nWhy.\n\nAll the best.\n\nSam"
    )
    # Taking it out never writes slots into the salesperson's words.
    planner.drafts.edit(value, body="Hi Ana,\n\nAll the best.\n\nSam")
    taken = planner.drafts.bring(value, None)
    assert taken.body == "Hi Ana,\n\nAll the best.\n\nSam" and taken.item_id is None
