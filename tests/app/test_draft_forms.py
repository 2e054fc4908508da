"""The channel decides the form of a draft (issue #15 item 1): a message for e-mail and
letters, a short text for text and social, a call script for phone and visits, and a
checklist for recovery work that never reaches the customer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest

from app.context import AppContext
from app.dto.commitments import CommitmentInput
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.outreach import DeclineInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import Draft
from app.kinds import KIND_LABELS
from app.messages.channel_texts import plan_step_texts
from app.messages.forms import SMS_LENGTH, Form
from app.messages.sample import sample_values
from app.messages.templates import render
from app.plans.builtin import builtin_plans
from app.preferences import Preferences

D = dt.date


def customer(planner: AppContext, channel: str, phone: str = "+49 170 1234567") -> CustomerDTO:
    return planner.customers.add(
        CustomerInput(
            name="Maria Becker", email="maria@becker.example", phone=phone, channel=channel
        )
    )


def drafts_by_kind(planner: AppContext, person: CustomerDTO, outcome: str = "won") -> dict:  # type: ignore[type-arg]
    planner.sales.record(
        SaleInput(
            customer_id=person.id,
            closed_on=D(2026, 11, 20),
            outcome=outcome,
            description="a pallet truck",
            promised_delivery=D(2026, 12, 4) if outcome == "won" else None,
        )
    )
    # The sale's own follow-ups, the first of each kind (keep-in-touch has check-ins too).
    rows = [row for row in planner.agenda.touchpoints(customer_id=person.id) if row.sale_id]
    return {row.kind: planner.drafts.draft(row.id) for row in reversed(rows)}


def test_an_e_mail_customer_gets_messages_with_a_mail_action(planner: AppContext) -> None:
    drafts = drafts_by_kind(planner, customer(planner, "email"))
    thank_you = drafts["thank_you"]
    assert thank_you.form == "message" and thank_you.mailto.startswith("mailto:maria@")
    assert thank_you.body.startswith("Dear Maria,\n\nThank you for your order")
    assert thank_you.subject == "Thank you for your order, Maria"
    # The delivery check is a phone step: a script for the salesperson, never mailed.
    check = drafts["delivery_check"]
    assert check.form == "script" and not check.mailto and check.tel == "tel:+491701234567"
    assert "Purpose:" in check.body and "Ask:" in check.body and "Note afterwards:" in check.body


def test_a_phone_customer_gets_call_scripts_and_no_mail_action(planner: AppContext) -> None:
    drafts = drafts_by_kind(planner, customer(planner, "phone"))
    # The thank-you is written (DOMAIN: a note, a letter or an e-mail) whatever they prefer.
    assert drafts["thank_you"].form == "message"
    for kind in ("value_add", "referral"):
        draft = drafts[kind]
        assert draft.form == "script" and not draft.mailto, kind
        assert draft.tel and draft.body.startswith("Purpose:"), kind
        assert "Dear" not in draft.body, kind
    # The feedback request is an e-mail step: it stays a message.
    assert drafts["feedback"].form == "message" and drafts["feedback"].mailto


def test_a_text_customer_gets_short_messages_without_a_subject(planner: AppContext) -> None:
    drafts = drafts_by_kind(planner, customer(planner, "text"))
    referral = drafts["referral"]
    assert referral.form == "short" and referral.subject == "" and not referral.mailto
    assert referral.sms.startswith("sms:+491701234567?body=Maria%2C%20if%20you%20are%20happy")
    assert len(referral.body) <= SMS_LENGTH and referral.body.endswith("\nSam Seller")
    assert not referral.needs_words and not referral.warnings


def test_a_call_script_without_a_phone_number_says_so(planner: AppContext) -> None:
    drafts = drafts_by_kind(planner, customer(planner, "phone", phone=""))
    draft = drafts["referral"]
    assert draft.form == "script" and not draft.tel
    assert "This customer has no phone number yet." in draft.warnings
    assert "()" not in draft.body


def test_after_a_lost_sale_the_call_asks_how_their_choice_works_out(
    planner: AppContext,
) -> None:
    drafts = drafts_by_kind(planner, customer(planner, "phone"), outcome="lost")
    assert drafts["check_in"].form == "script"
    assert "How is the solution you chose working out?" in drafts["check_in"].body
    assert "thank you for your order" not in drafts["thank_you"].body.lower()


def test_recovery_steps_are_a_checklist_except_the_call_and_the_e_mail(
    planner: AppContext, ana: CustomerDTO
) -> None:
    promise = planner.commitments.add(
        CommitmentInput(ana.id, "Delivery by Friday", D(2026, 11, 27))
    )
    recovery = planner.commitments.at_risk(promise.id, note="Supplier is late")
    forms = {}
    for row in recovery.touchpoints:
        draft = planner.drafts.draft(row.id)
        forms[row.subject.split(" ")[0]] = draft
    assert {word: draft.form for word, draft in forms.items()} == {
        "Find": "checklist",
        "List": "checklist",
        "Alert": "checklist",
        "Call": "script",
        "Send": "message",
        "Review": "checklist",
    }
    assert all(not forms[word].mailto for word in ("Find", "List", "Alert", "Call", "Review"))
    document = forms["Send"]
    assert document.mailto and document.body.startswith("Dear Ana,")
    # What was agreed only the salesperson knows: never sent as it stands.
    assert document.needs_words and any("Needs your words" in text for text in document.warnings)


PROFILE = Preferences(
    my_name="Sam Seller",
    my_title="Account Manager",
    my_company="Forklift World",
    my_phone="+49 89 123456",
    my_mobile="+49 170 7654321",
    my_email="sam@forklift.example",
    my_website="forklift.example",
)
PROFILE_FIELDS = (
    "my_name",
    "my_title",
    "my_company",
    "my_phone",
    "my_mobile",
    "my_email",
    "my_website",
)
SUBSETS = [
    chosen for size in range(len(PROFILE_FIELDS) + 1)
    for chosen in itertools.combinations(PROFILE_FIELDS, size)
]  # fmt: skip
CHANNELS = ("email", "letter", "text", "social", "phone", "in_person")


def _every_text() -> list[tuple[str, str, str, Form, str, str]]:
    found = []
    for plan in builtin_plans():
        outcome = {"won_sale": "won", "lost_sale": "lost"}.get(plan.builtin_key or "")
        for step in plan.steps:
            for channel in [step.channel] if step.channel else CHANNELS:
                form, subject, body = plan_step_texts(
                    step.kind, channel, step.channel, outcome, (step.subject, step.body)
                )
                where = f"{plan.builtin_key} {step.position} {channel}"
                found.append((where, step.kind, channel, form, subject, body))
    return found


@pytest.mark.parametrize("text", _every_text(), ids=lambda text: text[0])
def test_every_built_in_text_in_every_form_reads_well_with_any_profile(
    text: tuple[str, str, str, Form, str, str],
) -> None:
    where, _kind, channel, form, subject, body = text
    assert form in {"email": (Form.MESSAGE,), "letter": (Form.MESSAGE,)}.get(
        channel, (Form.SHORT,) if channel in ("text", "social") else (Form.SCRIPT,)
    ), where
    assert bool(subject) == (form is not Form.SHORT), where
    empty = dataclasses.replace(PROFILE, **dict.fromkeys(PROFILE_FIELDS, ""))
    for filled in SUBSETS:
        prefs = dataclasses.replace(empty, **{name: getattr(PROFILE, name) for name in filled})
        values = sample_values(prefs, D(2026, 12, 3))
        for shown in (render(subject, values), render(body, values)):
            for label in KIND_LABELS.values():
                assert label not in shown, (where, label)
            assert "{{" not in shown and "()" not in shown, where
            assert not re.search(r"\s[,.;:]", shown.replace(" - ", " ")), (where, shown)
            assert not re.search(r"^\s*[,;]", shown, re.M), (where, filled, shown)
        if form is Form.SHORT:
            assert len(render(body, values)) <= SMS_LENGTH, (where, len(render(body, values)))


def test_a_ready_draft_has_nothing_in_brackets(planner: AppContext) -> None:
    for channel in CHANNELS:
        drafts = drafts_by_kind(planner, customer(planner, channel))
        for kind, draft in drafts.items():
            assert isinstance(draft, Draft)
            brackets = re.search(r"\[[^\]]+\]", draft.body)
            assert draft.needs_words == (bool(brackets) and draft.form in ("message", "short")), (
                channel,
                kind,
            )


def test_what_the_customer_reads_never_carries_our_own_labels(
    planner: AppContext, ana: CustomerDTO
) -> None:
    """A step-less follow-up that writes to the customer gets a subject for them, not the
    row's label ("Send the e-mail that documents what was agreed", "Come back: ...")."""
    promise = planner.commitments.add(
        CommitmentInput(ana.id, "Delivery by Friday", D(2026, 11, 27))
    )
    recovery = planner.commitments.at_risk(promise.id)
    planner.declines.add(
        DeclineInput(
            summary="Needs 3 forklifts by March; none in stock",
            reason="no_capacity",
            customer_id=ana.id,
            come_back_on=D(2027, 1, 11),
        )
    )
    rows = [*recovery.touchpoints, *planner.agenda.touchpoints(customer_id=ana.id)]
    seen = set()
    for row in rows:
        draft = planner.drafts.draft(row.id)
        if draft.form in ("message", "short") and row.id not in seen:
            seen.add(row.id)
            assert draft.subject != row.subject and "Come back:" not in draft.subject, row
            assert "documents what was agreed" not in draft.subject + draft.body, row
    come_back = next(r for r in rows if r.subject.startswith("Come back:"))
    draft = planner.drafts.draft(come_back.id)
    assert draft.subject == "Coming back to you, Ana" and draft.needs_words
    assert "none in stock" not in draft.body  # the salesperson's note stays theirs
    by_phone = dataclasses.replace(ana.as_input(), channel="phone")
    planner.customers.update(ana.id, by_phone)
    document = next(r for r in recovery.touchpoints if r.subject.startswith("Send"))
    assert planner.drafts.draft(document.id).subject == "What we agreed, Ana"
