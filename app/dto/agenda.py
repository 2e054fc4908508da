"""Agenda pages: the rows of one page and the keyset cursor for the next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dto.touchpoints import TouchpointDTO
from models.agenda_row import AgendaCursor

# The faces name the cursor through app.dto; its one definition is the agenda row's.
__all__ = ["AgendaCursor", "AgendaPage"]


@dataclass(frozen=True)
class AgendaPage:
    """One page of the agenda and the cursor for the next (None at the end)."""

    rows: tuple[TouchpointDTO, ...]
    next_after: AgendaCursor | None

    @classmethod
    def of(cls, rows: tuple[TouchpointDTO, ...], limit: int) -> AgendaPage:
        """A page read with `limit`: a full page may have more after it."""
        if len(rows) < limit:
            return cls(rows, None)
        last = rows[-1]
        return cls(rows, (last.due_date, last.due_at, last.id))


@dataclass(frozen=True)
class TodayAgenda:
    """What the salesperson sees first thing in the morning."""

    today: dt.date
    overdue: tuple[TouchpointDTO, ...]
    due_today: tuple[TouchpointDTO, ...]
    upcoming: tuple[TouchpointDTO, ...]
