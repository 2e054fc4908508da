"""Re-planning every planned touchpoint after a calendar rule changed (working days, holidays)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.services import keep_in_touch
from app.services.planning_context import PlanningContext
from app.services.sale_planning import redate_sale
from models.repositories import customers as customer_repo
from models.sale import Sale
from models.touchpoint import Touchpoint


class ReplanningService:
    """Moves planned, not hand-placed touchpoints to where the new rules put them."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def replan_all(self) -> int:
        """Returns how many touchpoints changed their date or time; one transaction."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            before = self._snapshot(session)
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
            after = self._snapshot(session)
            return sum(1 for key, value in after.items() if before.get(key) != value)

    @staticmethod
    def _snapshot(session: Session) -> dict[int, tuple[object, object]]:
        rows = session.execute(
            select(Touchpoint.id, Touchpoint.due_date, Touchpoint.due_at).where(
                Touchpoint.status == "planned"
            )
        )
        return {row_id: (day, at) for row_id, day, at in rows}
