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
from app.i18n import _, ngettext
from ui.controllers.insight_labels import (
    day_text,
    hours,
    month_label,
    percent,
    span_label,
    span_text,
)
from ui.item_models.figure_table import Cell
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
    names = (_("On time"), _("Late"), _("Skipped"), _("Still overdue"))
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
        lines = [_("Due {span}").format(span=span_text(week.span))]
        lines += [f"{name}: {series[index]}" for name, series in zip(names, values, strict=True)]
        lines.append(
            _("Overdue as the week ended: {overdue_trend}").format(
                overdue_trend=figure.overdue_trend[index]
            )
        )
        return "\n".join(lines)

    bars = ChartData(
        labels,
        [Series(n, v, t) for n, v, t in zip(names, values, tones, strict=True)],
        describe,
        empty_text=_("No follow-ups were due in this period."),
    )
    trend = ChartData(
        labels,
        [Series(_("Overdue as each week ended"), figure.overdue_trend, Tone.BAD)],
        describe,
        empty_text=_("Nothing was overdue at any week's end."),
    )
    first = figure.overdue_trend[0] if figure.overdue_trend else 0
    headline = _(
        "{percent} done on time · {overdue_now} overdue now ({first} when the period began)"
    ).format(percent=percent(figure.on_time_percent), overdue_now=figure.overdue_now, first=first)
    rows = [
        (span_text(w.span), w.on_time, w.late, w.skipped, w.overdue, figure.overdue_trend[i])
        for i, w in enumerate(weeks)
    ]
    columns = (_("Due in the week"), *names, _("Overdue at the week's end"))
    return Display(headline, columns, rows, [bars, trend])


def forgotten(figure: Forgotten, weeks: Sequence[Span]) -> Display:
    labels = [span_label(week) for week in weeks]
    chart = ChartData(
        labels,
        [
            Series(
                _("Customers without contact for longer than their rhythm"), figure.trend, Tone.BAD
            )
        ],
        lambda index: ngettext(
            "{day}: {count} customer waiting longer than their rhythm",
            "{day}: {count} customers waiting longer than their rhythm",
            figure.trend[index],
        ).format(day=day_text(weeks[index].last), count=figure.trend[index]),
        empty_text=_("Everyone has heard from you within their keep-in-touch rhythm."),
    )
    headline = ngettext(
        "{count} customer has had no contact for longer than their keep-in-touch rhythm ({day})",
        "{count} customers have had no contact for longer than their keep-in-touch rhythm ({day})",
        figure.count,
    ).format(count=figure.count, day=day_text(figure.as_of))
    rows = [(day_text(w.last), count) for w, count in zip(weeks, figure.trend, strict=True)]
    people = [
        (
            who.name,
            who.company,
            _("Key") if who.is_key else "",
            day_text(who.last_contact) if who.last_contact else _("never"),
            who.days_silent,
            who.cadence_days,
        )
        for who in figure.customers
    ]
    return Display(
        headline,
        (_("Week ending"), _("Customers waiting")),
        rows,
        [chart],
        people_columns=(
            _("Customer"),
            _("Company"),
            _("Key"),
            _("Last contact"),
            _("Days without contact"),
            _("Rhythm (days)"),
        ),
        people=people,
        people_ids=[who.id for who in figure.customers],
        people_heading=(
            _(
                "Who is waiting, the longest past their rhythm first (Enter opens them; "
                "{shown} of {count} shown):"
            ).format(shown=len(people), count=figure.count)
            if people
            else _("Nobody is waiting longer than their rhythm.")
        ),
    )


def promises(figure: Promises, today: dt.date) -> Display:
    months = figure.months
    names = (_("Kept"), _("Recovered"), _("Broken"))
    values = [[m.kept for m in months], [m.recovered for m in months], [m.broken for m in months]]

    def describe(index: int) -> str:
        lines = [_("Resolved {span}").format(span=span_text(months[index].span))]
        return "\n".join(lines + [f"{n}: {v[index]}" for n, v in zip(names, values, strict=True)])

    chart = ChartData(
        [month_label(m.span) for m in months],
        [
            Series(n, v, t)
            for n, v, t in zip(names, values, (Tone.GOOD, Tone.WARN, Tone.BAD), strict=True)
        ],
        describe,
        empty_text=_("No promise was kept or broken in this period."),
    )
    headline = _(
        "Delivery record {percent} kept ({kept} kept, {recovered} recovered, "
        "{broken} broken) · {at_risk_count} at risk now"
    ).format(
        percent=percent(figure.record_percent),
        kept=figure.kept,
        recovered=figure.recovered,
        broken=figure.broken,
        at_risk_count=figure.at_risk_count,
    )
    rows = [(span_text(m.span), m.kept, m.recovered, m.broken) for m in months]
    people = [
        (
            item.customer_name,
            item.text,
            day_text(item.due_on),
            _("Marked at risk") if item.marked else _("Buffer used up"),
        )
        for item in figure.at_risk
    ]
    return Display(
        headline,
        (_("Month"), *names),
        rows,
        [chart],
        people_columns=(_("Customer"), _("Promise"), _("Due"), _("Why at risk")),
        people=people,
        people_ids=[item.customer_id for item in figure.at_risk],
        people_heading=(
            _("Promises at risk now (Enter opens the customer):")
            if people
            else _("No open promise is at risk.")
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
                _("Received {span}").format(span=span_text(week.span)),
                _("Requests: {received}, answered: {answered}").format(
                    received=week.received, answered=week.answered
                ),
                _("Half answered within {hours}").format(hours=hours(week.median_hours)),
                _("Nine in ten within {hours}").format(hours=hours(week.p90_hours)),
            ]
        )

    chart = ChartData(
        [span_label(w.span) for w in weeks],
        [
            Series(_("Median (working hours)"), median, Tone.ACCENT),
            Series(_("90th percentile"), slow, Tone.WARN),
        ],
        describe,
        reference=(
            figure.target_hours,
            _("target {target_hours} h").format(target_hours=figure.target_hours),
        ),
        empty_text=_("No request was answered in this period."),
    )
    share = None if not figure.answered else 100 * figure.within_target / figure.answered
    headline = _(
        "{percent} of {answered} answered requests within the {target_hours}-hour "
        "target · median {median}, 90% within {p90} · {waiting} waiting"
    ).format(
        percent=percent(share),
        answered=figure.answered,
        target_hours=figure.target_hours,
        median=hours(figure.median_hours),
        p90=hours(figure.p90_hours),
        waiting=figure.waiting,
    )
    rows = [
        (span_text(w.span), w.received, w.answered, w.within_target, w.median_hours, w.p90_hours)
        for w in weeks
    ]
    columns = (
        _("Received in the week"),
        _("Requests"),
        _("Answered"),
        _("Within the target"),
        _("Median (h)"),
        _("90th percentile (h)"),
    )
    return Display(headline, columns, rows, [chart])


def after_sale(figure: AfterSale) -> Display:
    months = figure.months
    scores = [[m.scores[score] for m in months] for score in range(5)]
    names = [_("Score {score}").format(score=score + 1) for score in range(5)]
    tones = (Tone.BAD, Tone.WARN, Tone.NEUTRAL, Tone.ACCENT, Tone.GOOD)

    def describe(index: int) -> str:
        month = months[index]
        return "\n".join(
            [
                span_text(month.span),
                _("Feedback scores: {feedback_count} (average {average})").format(
                    feedback_count=month.feedback_count,
                    average="—" if month.average_score is None else f"{month.average_score:.1f}",
                ),
                _(
                    "Referral asks: {referral_asks}, yes: {referrals_given}, no: "
                    "{referrals_declined}"
                ).format(
                    referral_asks=month.referral_asks,
                    referrals_given=month.referrals_given,
                    referrals_declined=month.referrals_declined,
                ),
                _("Value-add follow-ups: {value_adds}, library items sent: {items_sent}").format(
                    value_adds=month.value_adds, items_sent=month.items_sent
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
        empty_text=_("No feedback score was recorded in this period."),
    )
    average = figure.average_score
    headline = _(
        "Average feedback {average} of 5 ({scores} scores) · {asks} referral "
        "asks: {given} yes, {declined} no · {value_adds} value-add follow-ups, "
        "{items_sent} library items sent"
    ).format(
        average="—" if average is None else f"{average:.1f}",
        scores=sum(figure.scores),
        asks=figure.total("referral_asks"),
        given=figure.total("referrals_given"),
        declined=figure.total("referrals_declined"),
        value_adds=figure.total("value_adds"),
        items_sent=figure.total("items_sent"),
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
        _("Month"),
        *names,
        _("Average score"),
        _("Referral asks"),
        _("Said yes"),
        _("Said no"),
        _("Value-add follow-ups"),
        _("Library items sent"),
    )
    return Display(headline, columns, rows, [chart])
