"""Referral asks answered: recorded once per ask, completing a planned ask."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.errors import ValidationError


def referral_ask(planner: AppContext, ana: CustomerDTO) -> int:
    sale = planner.sales.record(
        SaleInput(
            ana.id,
            dt.date(2026, 11, 20),
            "won",
            amount="1000",
            promised_delivery=dt.date(2026, 11, 27),
        )
    )
    return next(item.id for item in sale.touchpoints if item.kind == "referral")


def test_a_yes_completes_the_ask_and_counts_as_given(planner: AppContext, ana: CustomerDTO) -> None:
    ask = referral_ask(planner, ana)
    answer = planner.referrals.answer(ask, given=True, note="Introduced us to her brother")
    assert answer.given and answer.touchpoint_id == ask
    done = planner.touchpoints.get(ask)
    assert done.status == "done" and done.outcome_note.startswith("Yes")
    end = planner.planning().today
    figures = planner.insights.figures(end - dt.timedelta(days=6), end).after_sale
    assert figures.total("referral_asks") == 1 and figures.total("referrals_given") == 1


def test_one_answer_per_ask_and_only_for_referral_asks(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ask = referral_ask(planner, ana)
    planner.referrals.answer(ask, given=False)
    with pytest.raises(ValidationError, match="recorded"):
        planner.referrals.answer(ask, given=True)
    thank_you = next(
        item.id
        for item in planner.agenda.touchpoints(customer_id=ana.id)
        if item.kind == "thank_you"
    )
    with pytest.raises(ValidationError, match="not a referral ask"):
        planner.referrals.answer(thank_you, given=True)
