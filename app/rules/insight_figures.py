"""Insights' figures from the rows SQLite aggregated: buckets, running counts, percentiles."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from typing import Any

from app.dto.insights import (
    AfterSale,
    AfterSaleMonth,
    FollowThrough,
    FollowThroughWeek,
    Forgotten,
    ForgottenCustomer,
    KeyShare,
    PromiseAtRisk,
    PromiseMonth,
    Promises,
    ResponseWeek,
    Responsiveness,
    RevenueShare,
    Span,
)
from app.scheduling.working_hours import WorkingHoursMeter

Rows = Sequence[tuple[Any, ...]]


def week_spans(start: dt.date, end: dt.date) -> tuple[Span, ...]:
    """Seven-day buckets counted back from `end`; the first one may be shorter."""
    count = math.ceil(((end - start).days + 1) / 7)
    spans = []
    for index in range(count):
        last = end - dt.timedelta(days=7 * (count - 1 - index))
        spans.append(Span(max(start, last - dt.timedelta(days=6)), last))
    return tuple(spans)


def month_spans(start: dt.date, end: dt.date) -> tuple[Span, ...]:
    """Calendar months, cut to the period at both ends."""
    spans = []
    first = start.replace(day=1)
    while first <= end:
        following = (first + dt.timedelta(days=32)).replace(day=1)
        spans.append(Span(max(start, first), min(end, following - dt.timedelta(days=1))))
        first = following
    return tuple(spans)


def _month_key(span: Span) -> str:
    return span.first.strftime("%Y-%m")


def running(steps: Iterable[tuple[int, int, int]], weeks: int) -> list[int]:
    """The count at each week's end from (week it began, week it ended, how many): begun by
    then and not yet ended. `weeks` as an end means it has not ended in the period."""
    began = [0] * (weeks + 1)
    ended = [0] * (weeks + 1)
    for first, last, count in steps:
        began[first] += count
        ended[last] += count
    counts, total = [], 0
    for week in range(weeks):
        total += began[week] - ended[week]
        counts.append(total)
    return counts


def follow_through(
    weeks: Sequence[Span], rows: Rows, steps: Rows, overdue_now: int, end: dt.date, today: dt.date
) -> FollowThrough:
    cells = [[0, 0, 0, 0] for _ in weeks]
    for week, on_time, late, skipped, overdue in rows:
        if week < len(weeks):
            for position, value in enumerate((on_time, late, skipped, overdue)):
                cells[week][position] += int(value or 0)
    trend = running(((int(a), int(b), int(n)) for a, b, n in steps), len(weeks))
    if end >= today and trend:
        trend[-1] = overdue_now  # the current week has not ended: what is overdue now
    return FollowThrough(
        weeks=tuple(
            FollowThroughWeek(span, *cell) for span, cell in zip(weeks, cells, strict=True)
        ),
        overdue_trend=tuple(trend),
        overdue_now=overdue_now,
    )


def forgotten(
    weeks: Sequence[Span], rows: Rows, seen: dict[int, dt.date], end: dt.date
) -> Forgotten:
    """`seen`: the last contact of the listed customers, where the rows do not say it."""
    steps = [(int(row[1]), int(row[2]), int(row[3])) for row in rows if row[0] == "spell"]
    trend = running(steps, len(weeks))
    customers = []
    for row in rows:
        if row[0] != "who":
            continue
        last = dt.date.fromisoformat(row[6]) if row[6] else seen.get(row[1])
        since = last or dt.date.fromisoformat(row[7])
        customers.append(
            ForgottenCustomer(
                id=row[1],
                name=row[2],
                company=row[3],
                is_key=bool(row[4]),
                cadence_days=int(row[5]),
                last_contact=last,
                days_silent=(end - since).days,
            )
        )
    customers.sort(key=lambda who: (who.cadence_days - who.days_silent, who.id))
    return Forgotten(
        trend=tuple(trend),
        as_of=end,
        count=trend[-1] if trend else 0,
        customers=tuple(customers),
    )


def promises(months: Sequence[Span], rows: Rows, at_risk: Rows, at_risk_count: int) -> Promises:
    by_month = {row[0]: row[1:] for row in rows}
    return Promises(
        months=tuple(
            PromiseMonth(
                span, *(int(value or 0) for value in by_month.get(_month_key(span), (0, 0, 0)))
            )
            for span in months
        ),
        at_risk=tuple(
            PromiseAtRisk(
                row[0],
                row[1],
                row[2],
                row[3],
                dt.date.fromisoformat(row[4]),
                marked=row[5] == "at_risk",
            )
            for row in at_risk
        ),
        at_risk_count=at_risk_count,
    )


def p90(values: Sequence[float]) -> float | None:
    """The nearest-rank 90th percentile: nine in ten took at most this long."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def responsiveness(
    weeks: Sequence[Span],
    rows: Rows,
    meter: WorkingHoursMeter,
    target_hours: int,
    end: dt.date,
) -> Responsiveness:
    """Time to answer in working hours, by the week the request came in."""
    hours: list[list[float]] = [[] for _ in weeks]
    received = [0] * len(weeks)
    waiting = 0
    # Naive UTC as stored, turned local by the meter: the zone's own conversion, per request,
    # cost more than all of SQLite's work on them.
    for received_text, answered_text in rows:
        came = dt.datetime.fromisoformat(received_text)
        week = max(0, len(weeks) - 1 - (end - meter.local(came).date()).days // 7)
        received[week] += 1
        if answered_text is None:
            waiting += 1
        else:
            hours[week].append(meter.hours_stored(came, dt.datetime.fromisoformat(answered_text)))
    every = [value for week in hours for value in week]
    return Responsiveness(
        weeks=tuple(
            ResponseWeek(
                span=span,
                received=received[index],
                answered=len(hours[index]),
                within_target=sum(value <= target_hours for value in hours[index]),
                median_hours=statistics.median(hours[index]) if hours[index] else None,
                p90_hours=p90(hours[index]),
            )
            for index, span in enumerate(weeks)
        ),
        target_hours=target_hours,
        received=sum(received),
        answered=len(every),
        within_target=sum(value <= target_hours for value in every),
        waiting=waiting,
        median_hours=statistics.median(every) if every else None,
        p90_hours=p90(every),
    )


def key_share(
    follow_ups: Rows,
    contacts: Rows,
    customers: Rows,
    revenue: Rows,
    revenue_from: dt.date,
    currency: str,
) -> KeyShare:
    """Key customers' share of the follow-ups done and of all contacts, beside their share of
    the revenue. Amounts in different currencies are never added: each has its own share, and
    the headline is the one of your currency setting (else the one with the most sales)."""
    follow_key, follow_all = (int(value or 0) for value in follow_ups[0])
    contact_key, contact_all = (int(value or 0) for value in contacts[0])
    groups = {bool(key): int(count) for key, count in customers}
    totals: dict[str, list[int]] = {}
    for code, key, amount, sales in revenue:
        entry = totals.setdefault(code, [0, 0, 0])
        entry[1] += int(amount or 0)
        entry[2] += int(sales)
        if key:
            entry[0] += int(amount or 0)
    shares = [RevenueShare(code, *values) for code, values in totals.items()]
    shares.sort(key=lambda share: (share.currency != currency, -share.sales, share.currency))
    headline = shares[0].key_percent if shares else None
    contacts_percent = None if not contact_all else 100 * contact_key / contact_all
    return KeyShare(
        key_customers=groups.get(True, 0),
        customers=sum(groups.values()),
        follow_ups_key=follow_key,
        follow_ups=follow_all,
        contacts_key=contact_key,
        contacts=contact_all,
        revenue_from=revenue_from,
        revenue=tuple(shares),
        short_changed=(
            headline is not None
            and contacts_percent is not None
            and round(contacts_percent) < round(headline)
        ),
    )


def after_sale(months: Sequence[Span], scores: Rows, asks: Rows, sends: Rows) -> AfterSale:
    by_score: dict[str, list[int]] = {}
    for month, score, count in scores:
        by_score.setdefault(month, [0] * 5)[int(score) - 1] += int(count)
    by_kind: dict[tuple[str, str], tuple[int, int, int]] = {
        (month, kind): (int(count), int(given or 0), int(declined or 0))
        for month, kind, count, given, declined in asks
    }
    sent = {month: int(count) for month, count in sends}
    result = []
    for span in months:
        key = _month_key(span)
        ask = by_kind.get((key, "referral"), (0, 0, 0))
        s = by_score.get(key, [0] * 5)
        result.append(
            AfterSaleMonth(
                span=span,
                scores=(s[0], s[1], s[2], s[3], s[4]),
                referral_asks=ask[0],
                referrals_given=ask[1],
                referrals_declined=ask[2],
                value_adds=by_kind.get((key, "value_add"), (0, 0, 0))[0],
                items_sent=sent.get(key, 0),
            )
        )
    return AfterSale(months=tuple(result))
