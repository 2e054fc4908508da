"""Insights: how well the salesperson follows up over a period, every figure in one read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session, sessionmaker

from app.dto.insights import MAX_PERIOD_DAYS, PRESET_WEEKS, Insights, Preset
from app.errors import ValidationError
from app.i18n import N_, _
from app.rules import insight_figures as figures
from app.rules.planning_context import PlanningContext
from app.scheduling.working_hours import WorkingHoursMeter
from app.scheduling.zone_offsets import local_midnight, offset_segments
from app.validation import check_date
from models.repositories import insights as repo
from models.repositories.insights_sql import Frame

# The forgotten list and the promises at risk show at most this many (with the full count).
LIST_LIMIT = 200
# Contacts this long before the period can still end a silence inside it (the longest
# cadence a customer can have, app.services.customers), and offsets must cover them.
LOOKBACK_DAYS = 3650


class InsightsService:
    """Read only: each call is one read transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def preset(self, preset: Preset | str) -> tuple[dt.date, dt.date]:
        """The period a preset names, ending today."""
        try:
            weeks = PRESET_WEEKS[Preset(preset)]
        except ValueError as exc:
            names = ", ".join(item.value for item in Preset)
            raise ValidationError(
                _("unknown period {preset!r}; use one of {names}").format(
                    preset=preset, names=names
                )
            ) from exc
        today = self._planning().today
        return today - dt.timedelta(days=7 * weeks - 1), today

    def figures(self, start: dt.date, end: dt.date) -> Insights:
        """Every figure for the local days from `start` to `end`, both included."""
        ctx = self._planning()
        check_date(start, N_("start date"))
        check_date(end, N_("end date"))
        if start > end:
            raise ValidationError(
                _("the period starts ({start}) after it ends ({end})").format(start=start, end=end)
            )
        if end > ctx.today:
            raise ValidationError(
                _("the period ends after today ({end} > {today}); insights look back").format(
                    end=end, today=ctx.today
                )
            )
        if (end - start).days + 1 > MAX_PERIOD_DAYS:
            raise ValidationError(
                _("choose a period of at most {limit} days").format(limit=MAX_PERIOD_DAYS)
            )
        frame = self._frame(ctx, start, end)
        with self._sessions() as session:
            rows = repo.read(session, frame)
        return self._assemble(ctx, frame, rows)

    def frame(self, start: dt.date, end: dt.date) -> Frame:
        """What figures() reads for this period (the benchmark replays it in plain sqlite3)."""
        return self._frame(self._planning(), start, end)

    def export_csv(
        self, out: Path, header: Sequence[str], rows: Iterable[Sequence[object]]
    ) -> Path:
        """A figure's numbers as CSV for a spreadsheet (UTF-8 with BOM, no formulas)."""
        from app.export.csv_export import write_csv
        from app.export.output_file import export_target

        target = export_target(out, ".csv")
        write_csv(target, header, rows)
        return target

    # --- helpers ----------------------------------------------------------------------
    @staticmethod
    def _frame(ctx: PlanningContext, start: dt.date, end: dt.date) -> Frame:
        prefs = ctx.prefs
        weeks = figures.week_spans(start, end)
        # Revenue of a quarter says little about who brings it: a year at least.
        revenue_from = min(start, end - relativedelta(years=1) + dt.timedelta(days=1))
        return Frame(
            start=start,
            end=end,
            today=ctx.today,
            weeks=len(weeks),
            offsets=offset_segments(
                ctx.zone, start - dt.timedelta(days=LOOKBACK_DAYS), end + dt.timedelta(days=1)
            ),
            start_utc=local_midnight(start, ctx.zone),
            end_utc=local_midnight(end + dt.timedelta(days=1), ctx.zone),
            revenue_from=revenue_from,
            default_cadence=prefs.default_cadence_days,
            key_cadence=prefs.key_cadence_days,
            list_limit=LIST_LIMIT,
        )

    @staticmethod
    def _assemble(
        ctx: PlanningContext, frame: Frame, rows: dict[str, list[tuple[object, ...]]]
    ) -> Insights:
        start, end, prefs = frame.start, frame.end, ctx.prefs
        weeks = figures.week_spans(start, end)
        months = figures.month_spans(start, end)
        meter = WorkingHoursMeter(
            start - dt.timedelta(days=1), ctx.today + dt.timedelta(days=1), ctx.calendar, ctx.zone
        )
        seen = {
            int(str(customer)): dt.datetime.fromisoformat(str(at))
            .replace(tzinfo=dt.UTC)
            .astimezone(ctx.zone)
            .date()
            for customer, at in rows["last_contacts"]
        }
        return Insights(
            start=start,
            end=end,
            today=ctx.today,
            weeks=weeks,
            months=months,
            follow_through=figures.follow_through(
                weeks,
                rows["follow_through"],
                rows["overdue_steps"],
                int(str(rows["overdue_now"][0][0])),
                end,
                ctx.today,
            ),
            forgotten=figures.forgotten(weeks, rows["silent_spells"], seen, end),
            promises=figures.promises(
                months,
                rows["promises"],
                rows["promises_at_risk"],
                int(str(rows["promises_at_risk_count"][0][0])),
            ),
            responsiveness=figures.responsiveness(
                weeks, rows["requests"], meter, prefs.response_hours, end
            ),
            key_share=figures.key_share(
                rows["follow_ups_by_group"],
                rows["contacts_by_group"],
                rows["customers_by_group"],
                rows["revenue_by_group"],
                frame.revenue_from,
                prefs.currency,
            ),
            after_sale=figures.after_sale(
                months, rows["feedback"], rows["asks_and_value"], rows["library_sends"]
            ),
        )
