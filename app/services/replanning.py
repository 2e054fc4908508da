"""Re-planning every planned touchpoint after a calendar rule changed (working days, holidays)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.dto.system import SettingsChange
from app.dto.vocabulary import Status
from app.preferences import CALENDAR_KEYS
from app.rules import keep_in_touch
from app.rules.planning_context import PlanningContext, context_for
from app.rules.sale_planning import redate_sale
from app.rules.touchpoint_rows import due_instant
from app.services.settings import SettingsService
from models.customer_dates import next_due_settled_at_end
from models.plan import Plan
from models.repositories import customers as customer_repo
from models.sale import Sale
from models.touchpoint import Touchpoint


class ReplanningService:
    """Moves planned, not hand-placed touchpoints to where the new rules put them."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        planning: Callable[[], PlanningContext],
        settings: SettingsService,
        clock: Clock,
    ) -> None:
        self._sessions = sessions
        self._planning = planning
        self._settings = settings
        self._clock = clock

    def replan_all(self) -> int:
        """Returns how many touchpoints changed their date or time; one transaction."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            return replan(session, ctx)

    def change_settings(self, values: dict[str, str]) -> SettingsChange:
        """Store settings; a changed calendar rule re-plans what is planned in the same
        transaction, so a crash can never leave the new rule saved and the old dates."""
        before = self._settings.get()
        with self._sessions.begin() as session:
            after = self._settings.store(session, values)
            changed = {
                key for key in values if getattr(before, key, None) != getattr(after, key, None)
            }
            moved = None
            if changed & CALENDAR_KEYS:
                moved = replan(session, context_for(after, self._clock))
        return SettingsChange(self._settings.get(), moved)


def replan(session: Session, ctx: PlanningContext, plan: Plan | None = None) -> int:
    """Re-date every planned touchpoint by the rules in ctx (or only those of `plan`, after
    it was edited); how many changed date or time. Overdue ones keep their dates."""
    with next_due_settled_at_end(session):
        return _replan(session, ctx, plan)


def _replan(session: Session, ctx: PlanningContext, plan: Plan | None) -> int:
    before = _snapshot(session)
    query = select(Touchpoint.sale_id).where(
        Touchpoint.status == Status.PLANNED, Touchpoint.sale_id.is_not(None)
    )
    if plan is not None:
        query = query.join(Sale, Sale.id == Touchpoint.sale_id).where(Sale.plan_id == plan.id)
    for sale_id in session.scalars(query.distinct()).all():
        sale = session.get(Sale, sale_id)
        if sale is not None and sale.deleted_at is None:
            redate_sale(session, sale, ctx, everything=True)
    if plan is None or plan.builtin_key == keep_in_touch.KIT_KEY:
        keep_in_touch.refresh_customers(session, customer_repo.all_active(session), ctx)
    session.flush()
    after = _snapshot(session)
    return sum(1 for key, value in after.items() if before.get(key) != value)


def _snapshot(session: Session) -> dict[int, tuple[object, object]]:
    rows = session.execute(
        select(Touchpoint.id, Touchpoint.due_date, Touchpoint.due_at).where(
            Touchpoint.status == Status.PLANNED
        )
    )
    return {row_id: (day, at) for row_id, day, at in rows}


def retime(session: Session, ctx: PlanningContext, times: dict[int, dt.time | None]) -> int:
    """Give the planned follow-ups of these steps their step's new time of day (by step
    id), on the day they have; how many changed. Hand-placed and overdue ones stay.
    A time after working hours moves days: the caller re-plans instead (needs_replan)."""
    if not times:
        return 0
    rows = session.execute(
        select(Touchpoint.id, Touchpoint.step_id, Touchpoint.due_date, Touchpoint.due_at,
               Touchpoint.sequence)
        .where(
            Touchpoint.step_id.in_(times),
            Touchpoint.status == Status.PLANNED,
            Touchpoint.pinned.is_(False),
            Touchpoint.due_date >= ctx.today,
        )
    ).all()  # fmt: skip
    changes = []
    calendar = ctx.calendar
    for row_id, step_id, day, current, sequence in rows:
        at = calendar.working_time(times[step_id or 0])  # step_id is in times
        instant = due_instant(day, at, ctx.zone)
        if instant != current:
            changes.append(
                {"id": row_id, "due_at": instant, "sequence": sequence + 1, "updated_at": ctx.now}
            )
    if changes:
        session.execute(update(Touchpoint), changes)
    return len(changes)


def needs_replan(
    ctx: PlanningContext, before: dict[int, dt.time | None], after: dict[int, dt.time | None]
) -> bool:
    """A step's time that is, or was, after working hours moved its follow-ups a day: a new
    time then re-plans rather than re-times."""
    calendar = ctx.calendar
    changed = [key for key, at in after.items() if before.get(key) != at]
    return any(calendar.after_hours(times.get(key)) for key in changed for times in (before, after))
