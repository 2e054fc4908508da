"""Agenda pages: the rows of one page and the keyset cursor for the next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dto.touchpoints import TouchpointDTO

# (due_date, due_at, id) of the last row read: the next page starts after it.
AgendaCursor = tuple[dt.date, dt.datetime | None, int]


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
