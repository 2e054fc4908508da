"""Drafts in the customer's language: the step's text, the greeting and the dates in it; a
language without a text for the step falls back to English and says so."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.commitments import CommitmentInput
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.plans import StepTextDTO
from app.dto.sales import SaleInput
from app.dto.touchpoints import Draft
from app.errors import ValidationError
from app.messages.greeting import addressed_as, given_name, greeting
from app.plans import step_texts
from app.plans.builtin import text_digest
from app.secrets import MemorySecretStore
from tests.app.conftest import BERLIN_MORNING
from tests.support.plan_files import use_plan_files

D = dt.date
UNTRANSLATED = "No {} text for this step yet: drafted in English."


@pytest.fixture
def dutch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_path: Path, clock: FixedClock
) -> Iterator[AppContext]:
    """A planner whose plan files have the Dutch fixture (its won-sale plan only)."""
    use_plan_files(monkeypatch, tmp_path / "plans", "nl")
    clock.set(BERLIN_MORNING)
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    ctx.settings.set_many({"timezone": "Europe/Berlin", "my_name": "Sam Seller"})
    yield ctx
    ctx.close()


def _customer(planner: AppContext, language: str = "", salutation: str = "") -> CustomerDTO:
    return planner.customers.add(
        CustomerInput(
            name="Anna de Vries",
            email="anna@vries.example",
            channel="email",
            language=language,
            salutation=salutation,
        )
    )


def _drafts(planner: AppContext, person: CustomerDTO, outcome: str = "won") -> dict[str, Draft]:
    planner.sales.record(
        SaleInput(
            customer_id=person.id,
            closed_on=D(2026, 11, 20),
            outcome=outcome,
            description="een palletwagen",
            promised_delivery=D(2026, 12, 4) if outcome == "won" else None,
        )
    )
    rows = [row for row in planner.agenda.touchpoints(customer_id=person.id) if row.sale_id]
    return {row.kind: planner.drafts.draft(row.id) for row in reversed(rows)}


def test_a_dutch_customer_gets_the_dutch_text_greeting_and_long_date(dutch: AppContext) -> None:
    thank_you = _drafts(dutch, _customer(dutch, "nl"))["thank_you"]
    assert thank_you.subject == "Bedankt voor uw bestelling, Anna"
    assert thank_you.body.startswith("Beste Anna,\n\nBedankt voor uw bestelling")
    assert "geleverd op 4 december 2026" in thank_you.body
    assert "Dear" not in thank_you.body and "Dec 2026" not in thank_you.body
    assert not any(w.startswith("No ") and "drafted in English" in w for w in thank_you.warnings)


def test_the_formal_dutch_greeting_by_the_salutation_rule(dutch: AppContext) -> None:
    thank_you = _drafts(dutch, _customer(dutch, "nl", salutation="ms"))["thank_you"]
    assert thank_you.body.startswith("Geachte mevrouw De Vries,")
    assert thank_you.subject == "Bedankt voor uw bestelling, mevrouw De Vries"


def test_the_default_draft_language_is_for_customers_without_one(dutch: AppContext) -> None:
    dutch.settings.set_many({"draft_language": "nl"})
    person = _customer(dutch)
    assert _drafts(dutch, person)["thank_you"].body.startswith("Beste Anna,")
    # "Default" is the interface language (English here).
    dutch.settings.set_many({"draft_language": "default"})
    thank_you = next(
        dutch.drafts.draft(row.id)
        for row in dutch.agenda.touchpoints(customer_id=person.id)
        if row.kind == "thank_you"
    )
    assert thank_you.body.startswith("Dear Anna,")


def test_a_step_without_a_text_in_the_language_is_english_and_says_so(dutch: AppContext) -> None:
    # The fixture has no Dutch lost-sale plan.
    thank_you = _drafts(dutch, _customer(dutch, "nl"), outcome="lost")["thank_you"]
    assert "Thank you" in thank_you.subject
    # The whole draft in English, greeting included: no Dutch salutation on English words.
    assert thank_you.body.startswith("Dear Anna,")
    assert UNTRANSLATED.format("Nederlands") in thank_you.warnings
    # An English customer never hears of it.
    english = _drafts(dutch, _customer(dutch, "en"), outcome="lost")["thank_you"]
    assert not any("drafted in English" in warning for warning in english.warnings)


def test_a_language_without_any_files_falls_back_to_english(dutch: AppContext) -> None:
    thank_you = _drafts(dutch, _customer(dutch, "et"))["thank_you"]
    assert thank_you.body.startswith("Dear Anna,\n\nThank you for your order")
    assert UNTRANSLATED.format("Eesti") in thank_you.warnings


def test_a_translation_the_user_edits_is_theirs_until_they_restore_the_plan(
    dutch: AppContext,
) -> None:
    plan = dutch.plans.get("won_sale")
    step = plan.steps[0]
    assert step.text_in("nl") is not None
    dutch.plans.update_step_text(plan.id or 0, 0, "nl", "Dank u, {{customer_address}}", "Hoi")
    assert dutch.plans.get("won_sale").steps[0].text_in("nl") == StepTextDTO(
        "nl", "Dank u, {{customer_address}}", "Hoi"
    )
    thank_you = _drafts(dutch, _customer(dutch, "nl"))["thank_you"]
    assert (thank_you.subject, thank_you.body) == ("Dank u, Anna", "Hoi")
    # Restoring the plan brings back the shipped words in every language.
    dutch.plans.restore_builtin("won_sale")
    restored = dutch.plans.get("won_sale").steps[0].text_in("nl")
    assert restored is not None and restored.subject.startswith("Bedankt")


def test_unknown_merge_fields_in_a_translation_are_refused(dutch: AppContext) -> None:
    plan = dutch.plans.get("won_sale")
    with pytest.raises(ValidationError, match="unknown merge field"):
        dutch.plans.update_step_text(plan.id or 0, 0, "nl", "{{klant}}", "")


def test_hungarian_names_are_written_family_name_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = use_plan_files(monkeypatch, tmp_path / "plans")
    (folder / "hu").mkdir(exist_ok=True)
    rules = {
        "name_order": "family_first",
        "greeting": {
            "": "Kedves {first}",
            "full": "Kedves {full}",
            "ms": "Tisztelt {last} asszony",
            "mr": "Tisztelt {last} úr",
            "dr": "Tisztelt dr. {last}",
            "none": "Tisztelt Hölgyem/Uram",
        },
        "address": {
            "": "{first}",
            "full": "{full}",
            "ms": "{last} asszony",
            "mr": "{last} úr",
            "dr": "dr. {last}",
        },
    }
    (folder / "hu" / "language.json").write_text(json.dumps(rules), encoding="utf-8")
    assert greeting("Kovács Mária", "", "hu") == "Kedves Mária"
    assert greeting("Kovács Mária", "ms", "hu") == "Tisztelt Kovács asszony"
    assert addressed_as("Kovács Mária", "full", "hu") == "Kovács Mária"
    assert given_name("Kovács Mária", "hu") == "Mária"
    assert greeting("", "", "hu") == "Tisztelt Hölgyem/Uram"
    # English is read from its own file, as today.
    assert greeting("Maria Becker", "dr") == "Dear Dr Becker" and greeting("  ", "") == "Hello"


def test_a_step_the_user_rewrote_in_english_gets_no_shipped_translation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_path: Path, clock: FixedClock
) -> None:
    # Before the Dutch files land, the user rewrites the thank-you in English.
    use_plan_files(monkeypatch, tmp_path / "before")
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    plan = ctx.plans.get("won_sale")
    ctx.plans.update_step_text(plan.id or 0, 0, "en", "Thanks, {{customer_address}}", "Mine")
    ctx.close()
    # The next start has them: every step gets its Dutch words but the rewritten one.
    use_plan_files(monkeypatch, tmp_path / "after", "nl")
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    steps = ctx.plans.get("won_sale").steps
    ctx.close()
    assert steps[0].text_in("nl") is None
    assert all(step.text_in("nl") is not None for step in steps[1:])


def test_a_translation_we_once_shipped_is_renewed_an_edited_one_stays(
    dutch: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = dutch.plans.get("won_sale")
    old = ("Dank voor uw order, {{customer_address}}", "{{greeting}},\n\nDank!\n\n{{my_name}}")
    dutch.plans.update_step_text(plan.id or 0, 0, "nl", *old)
    dutch.plans.update_step_text(plan.id or 0, 2, "nl", "Mijn eigen woorden", "Van mij")
    # Those words of step 1 are what an earlier version shipped.
    monkeypatch.setattr(step_texts, "retired_texts", lambda: frozenset({text_digest(*old)}))
    dutch.plans.ensure_builtins()
    steps = dutch.plans.get("won_sale").steps
    renewed, kept = steps[0].text_in("nl"), steps[2].text_in("nl")
    assert renewed is not None
    assert renewed.subject == "Bedankt voor uw bestelling, {{customer_address}}"
    assert kept == StepTextDTO("nl", "Mijn eigen woorden", "Van mij")


def test_a_recovery_call_dates_the_promise_in_the_customers_language(dutch: AppContext) -> None:
    person = _customer(dutch, "nl")
    promise = dutch.commitments.add(CommitmentInput(person.id, "Levering vrijdag", D(2026, 11, 27)))
    drafts = {
        draft.form: draft
        for draft in (
            dutch.drafts.draft(row.id) for row in dutch.commitments.at_risk(promise.id).touchpoints
        )
    }
    # The call is said to the customer; a checklist is the salesperson's own (interface) work.
    assert "27 november 2026" in drafts["script"].body
    assert "27 Nov 2026" in drafts["checklist"].body


def test_emptying_a_translation_takes_it_away(dutch: AppContext) -> None:
    plan = dutch.plans.get("won_sale")
    dutch.plans.update_step_text(plan.id or 0, 0, "nl", "", "  ")
    assert dutch.plans.get("won_sale").steps[0].text_in("nl") is None
    thank_you = _drafts(dutch, _customer(dutch, "nl"))["thank_you"]
    assert thank_you.body.startswith("Dear Anna,\n\nThank you for your order")
    assert UNTRANSLATED.format("Nederlands") in thank_you.warnings
