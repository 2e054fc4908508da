"""The agenda: overdue, today and upcoming touchpoints; customers drifting into silence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session, sessionmaker

from app.dto.agenda import AgendaCursor, AgendaPage, TodayAgenda
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import to_dto
from models.repositories import touchpoints as repo


class AgendaService:
    """Read-only views over touchpoints; 'today' always comes from the clock."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def touchpoints(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        customer_id: int | None = None,
        statuses: Sequence[str] = (Status.PLANNED,),
        limit: int | None = None,
    ) -> list[TouchpointDTO]:
        with self._sessions() as session:
            rows = repo.agenda_rows(
                session,
                start=start,
                end=end,
                customer_id=customer_id,
                statuses=statuses,
                limit=limit,
            )
            return [to_dto(row) for row in rows]

    def page(
        self,
        *,
        end: dt.date | None,
        after: AgendaCursor | None = None,
        limit: int = 200,
        customer_id: int | None = None,
        statuses: Sequence[str] = (Status.PLANNED,),
    ) -> AgendaPage:
        """Planned touchpoints due up to `end` (overdue first), a page at a time; a promise's
        recovery as its next step only (its checklist is in the draft)."""
        limit = max(1, min(limit, 1000))
        with self._sessions() as session:
            rows = repo.agenda_rows(
                session,
                start=None,
                end=end,
                customer_id=customer_id,
                statuses=statuses,
                limit=limit,
                after=after,
                first_recovery_step=True,
            )
            return AgendaPage.of(tuple(to_dto(row) for row in rows), limit)

    def today_date(self) -> dt.date:
        return self._planning().today

    def today(self, days_ahead: int = 7) -> TodayAgenda:
        ctx = self._planning()
        rows = self.touchpoints(end=ctx.today + dt.timedelta(days=days_ahead))
        return TodayAgenda(
            today=ctx.today,
            overdue=tuple(row for row in rows if row.due_date < ctx.today),
            due_today=tuple(row for row in rows if row.due_date == ctx.today),
            upcoming=tuple(row for row in rows if row.due_date > ctx.today),
        )

    def overdue_count(self) -> int:
        ctx = self._planning()
        with self._sessions() as session:
            return repo.count_planned(session, end=ctx.today - dt.timedelta(days=1))
