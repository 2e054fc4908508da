"""Re-planning every planned touchpoint after a calendar rule changed (working days, holidays)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.preferences import CALENDAR_KEYS, Preferences
from app.services import keep_in_touch
from app.services.planning_context import PlanningContext, context_for
from app.services.sale_planning import redate_sale
from app.services.settings import SettingsService
from models.repositories import customers as customer_repo
from models.sale import Sale
from models.touchpoint import Touchpoint


@dataclass(frozen=True)
class SettingsChange:
    """Stored preferences, and how many planned touchpoints moved (None: no re-plan)."""

    preferences: Preferences
    moved: int | None


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
        self._settings.forget()
        return SettingsChange(self._settings.get(), moved)


def replan(session: Session, ctx: PlanningContext) -> int:
    """Re-date every planned touchpoint by the rules in ctx; how many changed date or time."""
    before = _snapshot(session)
    sale_ids = session.scalars(
        select(Touchpoint.sale_id)
        .where(Touchpoint.status == "planned", Touchpoint.sale_id.is_not(None))
        .distinct()
    ).all()
    for sale_id in sale_ids:
        sale = session.get(Sale, sale_id)
        if sale is not None and sale.deleted_at is None:
            redate_sale(session, sale, ctx, everything=True)
    keep_in_touch.refresh_customers(session, customer_repo.all_active(session), ctx)
    session.flush()
    after = _snapshot(session)
    return sum(1 for key, value in after.items() if before.get(key) != value)


def _snapshot(session: Session) -> dict[int, tuple[object, object]]:
    rows = session.execute(
        select(Touchpoint.id, Touchpoint.due_date, Touchpoint.due_at).where(
            Touchpoint.status == "planned"
        )
    )
    return {row_id: (day, at) for row_id, day, at in rows}
