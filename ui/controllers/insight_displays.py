"""What each Insights card shows, from the figures: chart data, headline, the table of its
numbers and the people behind it. Plain words, the user's locale for dates and money."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.dto.insights import (
    AfterSale,
    FollowThrough,
    Forgotten,
    Promises,
    Responsiveness,
    Span,
)
from ui.controllers.insight_labels import (
    day_text,
    hours,
    month_label,
    percent,
    span_label,
    span_text,
    tr,
)
from ui.item_models.figure_table import Cell
from ui.texts import fill
from ui.widgets.chart_colours import Tone
from ui.widgets.charts import ChartData, Series, ShareRow


@dataclass
class Display:
    """One card's content."""

    headline: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    charts: list[ChartData] = field(default_factory=list)
    hint: str = ""
    people_columns: Sequence[str] = ()
    people: Sequence[Sequence[Cell]] = ()
    people_ids: Sequence[int | None] = ()
    people_heading: str = ""
    shares: Sequence[ShareRow] = ()


def follow_through(figure: FollowThrough) -> Display:
    weeks = figure.weeks
    names = (tr("On time"), tr("Late"), tr("Skipped"), tr("Still overdue"))
    tones = (Tone.GOOD, Tone.WARN, Tone.NEUTRAL, Tone.BAD)
    values = [
        [week.on_time for week in weeks],
        [week.late for week in weeks],
        [week.skipped for week in weeks],
        [week.overdue for week in weeks],
    ]
    labels = [span_label(week.span) for week in weeks]

    def describe(index: int) -> str:
        week = weeks[index]
        lines = [fill(tr("Due %1"), span_text(week.span))]
        lines += [f"{name}: {series[index]}" for name, series in zip(names, values, strict=True)]
        lines.append(fill(tr("Overdue as the week ended: %1"), str(figure.overdue_trend[index])))
        return "\n".join(lines)

    bars = ChartData(
        labels,
        [Series(n, v, t) for n, v, t in zip(names, values, tones, strict=True)],
        describe,
        empty_text=tr("No follow-ups were due in this period."),
    )
    trend = ChartData(
        labels,
        [Series(tr("Overdue as each week ended"), figure.overdue_trend, Tone.BAD)],
        describe,
        empty_text=tr("Nothing was overdue at any week's end."),
    )
    first = figure.overdue_trend[0] if figure.overdue_trend else 0
    headline = fill(
        tr("%1 done on time · %2 overdue now (%3 when the period began)"),
        percent(figure.on_time_percent),
        str(figure.overdue_now),
        str(first),
    )
    rows = [
        (span_text(w.span), w.on_time, w.late, w.skipped, w.overdue, figure.overdue_trend[i])
        for i, w in enumerate(weeks)
    ]
    columns = (tr("Due in the week"), *names, tr("Overdue at the week's end"))
    return Display(headline, columns, rows, [bars, trend])


def forgotten(figure: Forgotten, weeks: Sequence[Span]) -> Display:
    labels = [span_label(week) for week in weeks]
    chart = ChartData(
        labels,
        [
            Series(
                tr("Customers without contact for longer than their rhythm"), figure.trend, Tone.BAD
            )
        ],
        lambda index: fill(
            tr("%1: %2 customers waiting longer than their rhythm"),
            day_text(weeks[index].last),
            str(figure.trend[index]),
        ),
        empty_text=tr("Everyone has heard from you within their keep-in-touch rhythm."),
    )
    headline = fill(
        tr("%1 customers have had no contact for longer than their keep-in-touch rhythm (%2)"),
        str(figure.count),
        day_text(figure.as_of),
    )
    rows = [(day_text(w.last), count) for w, count in zip(weeks, figure.trend, strict=True)]
    people = [
        (
            who.name,
            who.company,
            tr("Key") if who.is_key else "",
            day_text(who.last_contact) if who.last_contact else tr("never"),
            who.days_silent,
            who.cadence_days,
        )
        for who in figure.customers
    ]
    return Display(
        headline,
        (tr("Week ending"), tr("Customers waiting")),
        rows,
        [chart],
        people_columns=(
            tr("Customer"),
            tr("Company"),
            tr("Key"),
            tr("Last contact"),
            tr("Days without contact"),
            tr("Rhythm (days)"),
        ),
        people=people,
        people_ids=[who.id for who in figure.customers],
        people_heading=(
            fill(
                tr(
                    "Who is waiting, the longest past their rhythm first "
                    "(Enter opens them; %1 of %2 shown):"
                ),
                str(len(people)),
                str(figure.count),
            )
            if people
            else tr("Nobody is waiting longer than their rhythm.")
        ),
    )


def promises(figure: Promises, today: dt.date) -> Display:
    months = figure.months
    names = (tr("Kept"), tr("Recovered"), tr("Broken"))
    values = [[m.kept for m in months], [m.recovered for m in months], [m.broken for m in months]]

    def describe(index: int) -> str:
        lines = [fill(tr("Resolved %1"), span_text(months[index].span))]
        return "\n".join(lines + [f"{n}: {v[index]}" for n, v in zip(names, values, strict=True)])

    chart = ChartData(
        [month_label(m.span) for m in months],
        [
            Series(n, v, t)
            for n, v, t in zip(names, values, (Tone.GOOD, Tone.WARN, Tone.BAD), strict=True)
        ],
        describe,
        empty_text=tr("No promise was kept or broken in this period."),
    )
    headline = fill(
        tr("Delivery record %1 kept (%2 kept, %3 recovered, %4 broken) · %5 at risk now"),
        percent(figure.record_percent),
        str(figure.kept),
        str(figure.recovered),
        str(figure.broken),
        str(figure.at_risk_count),
    )
    rows = [(span_text(m.span), m.kept, m.recovered, m.broken) for m in months]
    people = [
        (
            item.customer_name,
            item.text,
            day_text(item.due_on),
            tr("Marked at risk") if item.marked else tr("Buffer used up"),
        )
        for item in figure.at_risk
    ]
    return Display(
        headline,
        (tr("Month"), *names),
        rows,
        [chart],
        people_columns=(tr("Customer"), tr("Promise"), tr("Due"), tr("Why at risk")),
        people=people,
        people_ids=[item.customer_id for item in figure.at_risk],
        people_heading=(
            tr("Promises at risk now (Enter opens the customer):")
            if people
            else tr("No open promise is at risk.")
        ),
    )


def responsiveness(figure: Responsiveness) -> Display:
    weeks = figure.weeks
    median = [w.median_hours for w in weeks]
    slow = [w.p90_hours for w in weeks]

    def describe(index: int) -> str:
        week = weeks[index]
        return "\n".join(
            [
                fill(tr("Received %1"), span_text(week.span)),
                fill(tr("Requests: %1, answered: %2"), str(week.received), str(week.answered)),
                fill(tr("Half answered within %1"), hours(week.median_hours)),
                fill(tr("Nine in ten within %1"), hours(week.p90_hours)),
            ]
        )

    chart = ChartData(
        [span_label(w.span) for w in weeks],
        [
            Series(tr("Median (working hours)"), median, Tone.ACCENT),
            Series(tr("90th percentile"), slow, Tone.WARN),
        ],
        describe,
        reference=(figure.target_hours, fill(tr("target %1 h"), str(figure.target_hours))),
        empty_text=tr("No request was answered in this period."),
    )
    share = None if not figure.answered else 100 * figure.within_target / figure.answered
    headline = fill(
        tr(
            "%1 of %2 answered requests within the %3-hour target · median %4, "
            "90% within %5 · %6 waiting"
        ),
        percent(share),
        str(figure.answered),
        str(figure.target_hours),
        hours(figure.median_hours),
        hours(figure.p90_hours),
        str(figure.waiting),
    )
    rows = [
        (span_text(w.span), w.received, w.answered, w.within_target, w.median_hours, w.p90_hours)
        for w in weeks
    ]
    columns = (
        tr("Received in the week"),
        tr("Requests"),
        tr("Answered"),
        tr("Within the target"),
        tr("Median (h)"),
        tr("90th percentile (h)"),
    )
    return Display(headline, columns, rows, [chart])


def after_sale(figure: AfterSale) -> Display:
    months = figure.months
    scores = [[m.scores[score] for m in months] for score in range(5)]
    names = [fill(tr("Score %1"), str(score + 1)) for score in range(5)]
    tones = (Tone.BAD, Tone.WARN, Tone.NEUTRAL, Tone.ACCENT, Tone.GOOD)

    def describe(index: int) -> str:
        month = months[index]
        return "\n".join(
            [
                span_text(month.span),
                fill(
                    tr("Feedback scores: %1 (average %2)"),
                    str(month.feedback_count),
                    "—" if month.average_score is None else f"{month.average_score:.1f}",
                ),
                fill(
                    tr("Referral asks: %1, yes: %2, no: %3"),
                    str(month.referral_asks),
                    str(month.referrals_given),
                    str(month.referrals_declined),
                ),
                fill(
                    tr("Value-add follow-ups: %1, library items sent: %2"),
                    str(month.value_adds),
                    str(month.items_sent),
                ),
            ]
        )

    chart = ChartData(
        [month_label(m.span) for m in months],
        [
            Series(n, v, t)
            for n, v, t in zip(reversed(names), reversed(scores), reversed(tones), strict=True)
        ],
        describe,
        empty_text=tr("No feedback score was recorded in this period."),
    )
    average = figure.average_score
    headline = fill(
        tr(
            "Average feedback %1 of 5 (%2 scores) · %3 referral asks: %4 yes, %5 no · "
            "%6 value-add follow-ups, %7 library items sent"
        ),
        "—" if average is None else f"{average:.1f}",
        str(sum(figure.scores)),
        str(figure.total("referral_asks")),
        str(figure.total("referrals_given")),
        str(figure.total("referrals_declined")),
        str(figure.total("value_adds")),
        str(figure.total("items_sent")),
    )
    rows = [
        (
            span_text(m.span),
            *m.scores,
            None if m.average_score is None else round(m.average_score, 1),
            m.referral_asks,
            m.referrals_given,
            m.referrals_declined,
            m.value_adds,
            m.items_sent,
        )
        for m in months
    ]
    columns = (
        tr("Month"),
        *names,
        tr("Average score"),
        tr("Referral asks"),
        tr("Said yes"),
        tr("Said no"),
        tr("Value-add follow-ups"),
        tr("Library items sent"),
    )
    return Display(headline, columns, rows, [chart])
