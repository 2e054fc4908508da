"""Insights on small hand-made histories whose answers are worked out in the comments.

The period is the preset 'last 4 weeks' on Monday 23 November 2026 in Berlin (CET):
weeks 27 Oct-2 Nov, 3-9, 10-16 and 17-23 November."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.insights import Span
from app.errors import ValidationError
from models.responsiveness import (
    Feedback,
    LibraryItem,
    LibrarySend,
    ReferralAnswer,
)
from tests.support.insight_history import (
    D,
    at,
    contact,
    customer,
    promise,
    read,
    request,
    sale,
    touchpoint,
)


@pytest.fixture
def books(context: AppContext) -> AppContext:
    context.settings.set_many(
        {
            "timezone": "Europe/Berlin",
            "holiday_country": "DE-BY",
            "working_days": "mon,tue,wed,thu,fri",
        }
    )
    return context


def test_the_last_four_weeks_are_four_whole_weeks_and_the_months_they_touch(
    books: AppContext,
) -> None:
    found = read(books)
    assert [(s.first.isoformat(), s.last.isoformat()) for s in found.weeks] == [
        ("2026-10-27", "2026-11-02"),
        ("2026-11-03", "2026-11-09"),
        ("2026-11-10", "2026-11-16"),
        ("2026-11-17", "2026-11-23"),
    ]
    assert found.months == (
        Span(D(2026, 10, 27), D(2026, 10, 31)),
        Span(D(2026, 11, 1), D(2026, 11, 23)),
    )
    start, end = books.insights.preset("quarter")
    assert (end - start).days + 1 == 91 and len(books.insights.figures(start, end).weeks) == 13


def test_follow_through_per_week_and_the_overdue_trend(books: AppContext) -> None:
    with books.sessions.begin() as s:
        ana, ben = customer(s, "Ana", key=True), customer(s, "Ben")
        cy = customer(s, "Cy", deleted=True)
        touchpoint(s, ben, "2026-10-28", "done", closed="2026-10-27")  # early: on time, week 0
        touchpoint(
            s, ana, "2026-11-01", "skipped", closed="2026-11-18"
        )  # week 0, overdue till 18th
        touchpoint(s, ana, "2026-11-04", "done", closed="2026-11-05 00:30")  # late by half an hour
        touchpoint(s, ben, "2026-11-05", "done", closed="2026-11-05 16:00")  # on time
        touchpoint(s, ana, "2026-11-06", "done", closed="2026-11-13")  # late; overdue on the 9th
        touchpoint(s, ben, "2026-11-11", "skipped", closed="2026-11-12")
        touchpoint(s, ana, "2026-11-12")  # still planned: overdue
        touchpoint(s, cy, "2026-11-12")  # in the trash: left out
        touchpoint(s, ben, "2026-11-20", "done", closed="2026-11-22")  # late
        touchpoint(s, ana, "2026-11-23")  # due today: not overdue yet
        touchpoint(
            s, ben, "2026-10-20", "done", closed="2026-11-10"
        )  # before the period; overdue till the 10th
    found = read(books).follow_through
    rows = [(w.on_time, w.late, w.skipped, w.overdue) for w in found.weeks]
    assert rows == [(1, 0, 1, 0), (1, 2, 0, 0), (0, 0, 1, 1), (0, 1, 0, 0)]
    # 2 Nov: due 20 Oct and 1 Nov; 9 Nov: those and 6 Nov; 16 Nov: 1 Nov and 12 Nov; now: 12 Nov.
    assert found.overdue_trend == (2, 3, 2, 1)
    assert found.overdue_now == 1
    assert found.on_time_percent == pytest.approx(40.0)  # 2 of the 5 done in the period's weeks


def test_nobody_forgotten_over_time_and_who_it_is_now(books: AppContext) -> None:
    with books.sessions.begin() as s:
        ana = customer(s, "Ana", key=True)  # cadence 30
        contact(s, ana, "2026-09-01")  # silent from 2 Oct ...
        contact(s, ana, "2026-11-12")  # ... to 12 Nov
        ben = customer(s, "Ben", days=10)
        contact(s, ben, "2026-11-02")  # after silence since June; silent again from 13 Nov
        customer(s, "Eve")  # never contacted since 1 June: silent from 31 August
        fay = customer(s, "Fay", created="2026-11-01")
        contact(s, fay, "2026-11-15")
        gus = customer(s, "Gus", key=True)
        contact(s, gus, "2026-10-20")  # silent from 20 Nov
        hal = customer(s, "Hal", days=5)
        contact(s, hal, "2026-10-30")  # silent 5-7 Nov: between two week ends
        contact(s, hal, "2026-11-08")  # silent from 14 Nov
        ivy = customer(s, "Ivy", created="2026-01-01")
        contact(s, ivy, "2026-03-01")  # long before anything the trend reads
        dee = customer(s, "Dee", dnc=True)  # not to be contacted: nobody's forgotten one
        cy = customer(s, "Cy", deleted=True)
        assert dee and cy
    found = read(books).forgotten
    # 2 Nov: Ana, Eve, Ivy; 9 Nov: the same; 16 Nov: Ben, Eve, Hal, Ivy; 23 Nov: and Gus.
    assert found.trend == (3, 3, 4, 5)
    assert found.count == 5 and found.as_of == D(2026, 11, 23)
    listed = [
        (who.name, who.last_contact, who.days_silent, who.cadence_days) for who in found.customers
    ]
    assert listed == [
        ("Ivy", D(2026, 3, 1), 267, 90),
        ("Eve", None, 175, 90),
        ("Ben", D(2026, 11, 2), 21, 10),
        ("Hal", D(2026, 11, 8), 15, 5),
        ("Gus", D(2026, 10, 20), 34, 30),
    ]


def test_promises_kept_broken_recovered_per_month_and_those_at_risk(books: AppContext) -> None:
    with books.sessions.begin() as s:
        ana, ben, gus = customer(s, "Ana"), customer(s, "Ben"), customer(s, "Gus")
        cy = customer(s, "Cy", deleted=True)
        promise(s, ana, "kept", "2026-11-10")
        promise(s, ana, "broken", "2026-11-20")
        promise(s, ben, "kept", "2026-11-04 00:30")
        promise(s, ben, "broken", "2026-11-15", recovered=True)
        promise(s, ben, "kept", "2026-10-30")
        promise(s, ana, "broken", "2026-10-26 23:30", recovered=True)  # the day before the period
        promise(s, gus, "at_risk", due="2026-12-01")
        promise(s, ben, "on_track", due="2026-11-25", buffer=5)  # its buffer ran out on the 20th
        promise(s, ana, "on_track", due="2026-12-10", buffer=2)
        promise(s, cy, "at_risk", due="2026-11-24")
    found = read(books).promises
    assert [(m.kept, m.broken, m.recovered) for m in found.months] == [(1, 0, 0), (2, 1, 1)]
    assert (found.kept, found.broken, found.recovered) == (3, 1, 1)
    assert found.record_percent == pytest.approx(60.0)
    assert [(p.customer_name, p.due_on, p.marked) for p in found.at_risk] == [
        ("Ben", D(2026, 11, 25), False),
        ("Gus", D(2026, 12, 1), True),
    ]
    assert found.at_risk_count == 2


def test_time_to_answer_requests_in_working_hours(books: AppContext) -> None:
    with books.sessions.begin() as s:
        ana, ben = customer(s, "Ana"), customer(s, "Ben")
        request(s, ana, "2026-11-09 10:00", "2026-11-09 12:00")  # 2 h
        request(s, ben, "2026-11-13 15:00", "2026-11-16 11:00")  # Friday 2 h + Monday 2 h
        request(s, ben, "2026-11-10 16:00", "2026-11-11 17:00")  # 1 h + 8 h
        request(s, ana, "2026-11-20 09:00", None)  # not answered yet
        request(s, ana, "2026-10-26 10:00", "2026-10-26 11:00")  # before the period
    found = read(books).responsiveness
    assert found.target_hours == 4
    assert (found.received, found.answered, found.within_target, found.waiting) == (4, 3, 2, 1)
    assert found.median_hours == pytest.approx(4.0) and found.p90_hours == pytest.approx(9.0)
    week = found.weeks[2]  # 10-16 November
    assert (week.received, week.answered, week.within_target) == (2, 2, 1)
    assert week.median_hours == pytest.approx(6.5) and week.p90_hours == pytest.approx(9.0)
    assert found.weeks[1].median_hours == pytest.approx(2.0)
    assert found.weeks[0].median_hours is None and found.weeks[3].received == 1


def test_key_customers_time_against_their_revenue(books: AppContext) -> None:
    with books.sessions.begin() as s:
        ana, gus = customer(s, "Ana", key=True), customer(s, "Gus", key=True)
        ben, fay, hal = customer(s, "Ben"), customer(s, "Fay"), customer(s, "Hal")
        cy = customer(s, "Cy", key=True, deleted=True)
        touchpoint(s, ana, "2026-11-04", "done", closed="2026-11-05")
        touchpoint(s, ben, "2026-11-05", "done", closed="2026-11-05")
        touchpoint(s, ben, "2026-10-20", "done", closed="2026-10-26")  # before the period
        touchpoint(s, cy, "2026-11-05", "done", closed="2026-11-05")
        for who, when in (
            (ana, "2026-11-12"),
            (ben, "2026-11-02"),
            (fay, "2026-11-15"),
            (hal, "2026-10-30"),
            (hal, "2026-11-08"),
            (cy, "2026-11-09"),
        ):
            contact(s, who, when)
        sale(s, ana, "2026-05-01", 60_000)
        sale(s, ben, "2026-10-01", 30_000)
        sale(s, gus, "2025-11-01", 30_000)  # more than a year before the period's end
        sale(s, ana, "2026-10-01", 100_000, outcome="lost")
        sale(s, ben, "2026-10-01", 100_000, deleted=True)
        sale(s, cy, "2026-10-01", 500_000)
        sale(s, fay, "2026-09-01", 5_000, currency="USD")
    found = read(books).key_share
    assert (found.key_customers, found.customers) == (2, 5)
    assert (found.follow_ups_key, found.follow_ups) == (1, 2)
    assert (found.contacts_key, found.contacts) == (1, 5)
    assert found.revenue_from == D(2025, 11, 24)
    eur, usd = found.revenue
    assert (eur.currency, eur.key_minor, eur.total_minor) == ("EUR", 60_000, 90_000)
    assert (usd.currency, usd.key_minor, usd.total_minor) == ("USD", 0, 5_000)
    # Key customers bring two thirds of the revenue and get a fifth of the contacts.
    assert found.short_changed


def test_no_hint_when_key_customers_get_their_share(books: AppContext) -> None:
    with books.sessions.begin() as s:
        ana, ben = customer(s, "Ana", key=True), customer(s, "Ben")
        contact(s, ana, "2026-11-12")
        contact(s, ben, "2026-11-12")
        sale(s, ana, "2026-05-01", 50_000)
        sale(s, ben, "2026-05-01", 50_000)
    assert not read(books).key_share.short_changed


def test_after_the_sale_feedback_referrals_and_value_sent(books: AppContext) -> None:
    with books.sessions.begin() as s:
        ana, ben, gus = customer(s, "Ana"), customer(s, "Ben"), customer(s, "Gus")
        for who, score, when in (
            (ana, 5, "2026-11-10"),
            (ben, 2, "2026-11-12"),
            (ben, 4, "2026-10-28"),
            (gus, 3, "2026-10-20"),
        ):
            s.add(Feedback(customer_id=who, score=score, created_at=at(when)))
        yes = touchpoint(s, ana, "2026-11-06", "done", closed="2026-11-06", kind="referral")
        no = touchpoint(s, ben, "2026-11-07", "done", closed="2026-11-07", kind="referral")
        touchpoint(s, gus, "2026-10-29", "done", closed="2026-10-29", kind="referral")
        touchpoint(s, ben, "2026-11-09", "skipped", closed="2026-11-09", kind="referral")
        touchpoint(s, ana, "2026-11-03", "done", closed="2026-11-03", kind="value_add")
        s.add_all(
            [
                ReferralAnswer(
                    customer_id=ana, touchpoint_id=yes, given=True, created_at=at("2026-11-06")
                ),
                ReferralAnswer(
                    customer_id=ben, touchpoint_id=no, given=False, created_at=at("2026-11-07")
                ),
            ]
        )
        first, second = LibraryItem(title="Fleet costs"), LibraryItem(title="Award")
        s.add_all([first, second])
        s.flush()
        for item, who, when in (
            (first, ana, "2026-11-02"),
            (first, ben, "2026-11-20"),
            (second, ben, "2026-10-10"),
        ):
            s.add(LibrarySend(item_id=item.id, customer_id=who, sent_at=at(when)))
    found = read(books).after_sale
    october, november = found.months
    assert october.scores == (0, 0, 0, 1, 0) and november.scores == (0, 1, 0, 0, 1)
    assert found.average_score == pytest.approx(11 / 3)
    assert (october.referral_asks, october.referrals_given) == (1, 0)
    assert (november.referral_asks, november.referrals_given, november.referrals_declined) == (
        2,
        1,
        1,
    )
    assert (november.value_adds, november.items_sent, october.items_sent) == (1, 2, 0)
    assert found.total("referral_asks") == 3


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (D(2026, 11, 10), D(2026, 11, 1), "starts"),
        (D(2026, 11, 1), D(2026, 11, 30), "after today"),
        (D(2020, 1, 1), D(2026, 11, 20), "at most"),
    ],
)
def test_a_period_that_cannot_be_read_is_refused_in_one_line(
    books: AppContext, start: dt.date, end: dt.date, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        books.insights.figures(start, end)


def test_an_unknown_preset_is_refused(books: AppContext) -> None:
    with pytest.raises(ValidationError, match="unknown period"):
        books.insights.preset("decade")
