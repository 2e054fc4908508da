"""Today's first agenda page, read straight from the file before SQLAlchemy loads.

Importing SQLAlchemy and the services takes about half a second; the desktop start shows
this page meanwhile and hands the list to the agenda service once it is ready. Anything
out of the ordinary (a new file, one that needs an upgrade, a damaged or unreadable one,
settings that do not parse) yields no page, and the start opens the file as it always does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

from app import preferences
from app.clock import Clock, local_today
from app.dto.agenda import AgendaCursor, AgendaPage
from app.dto.touchpoints import TouchpointDTO
from app.startup_check import IntegrityCheck
from models import plain_reads
from models.migrations.head import SCHEMA_HEAD
from models.storage import connect_read_only

log = logging.getLogger(__name__)


class FirstAgenda:
    """An agenda source over one read-only connection, for the first seconds of a start."""

    def __init__(self, connection: sqlite3.Connection, zone: ZoneInfo, clock: Clock) -> None:
        self._connection = connection
        self._zone = zone
        self._clock = clock

    @classmethod
    def open(cls, path: Path, clock: Clock, integrity: IntegrityCheck) -> FirstAgenda | None:
        """The source, without waiting for the integrity check; None to take the usual path.

        The quick check reads the whole file (about half a second at 50,000 customers), far
        longer than this page: it goes on meanwhile, and the services wait for its verdict
        before they open the file. A file it has already found damaged shows nothing; one
        found damaged later has its page taken down before the recovery choice (ui.startup).
        The connection is read-only, so a damaged file is never written here."""
        if integrity.found_damage() or not path.exists():
            return None  # the usual path reports it (and offers the recovery for damage)
        connection: sqlite3.Connection | None = None
        try:
            connection = connect_read_only(path)
            if plain_reads.schema_revision(connection) != SCHEMA_HEAD:
                connection.close()
                return None  # a new file, or one the usual path upgrades first
            stored = plain_reads.stored_settings(connection)
            default = "UTC" if "timezone" in stored else preferences.system_timezone()
            zone = preferences.from_stored(stored, default).zone
        except Exception:
            log.debug("no early agenda page for %s", path, exc_info=True)
            if connection is not None:
                connection.close()
            return None
        return cls(connection, zone, clock)

    def zone(self) -> ZoneInfo:
        return self._zone

    def today_date(self) -> dt.date:
        return local_today(self._clock, self._zone)

    def page(
        self, *, end: dt.date | None, after: AgendaCursor | None = None, limit: int = 200
    ) -> AgendaPage:
        """Planned touchpoints due up to `end` (overdue first), as AgendaService.page."""
        rows = plain_reads.agenda(
            self._connection,
            start=None,
            end=end,
            after=after,
            limit=limit,
            first_recovery_step=True,
        )
        return AgendaPage.of(tuple(TouchpointDTO._make(row) for row in rows), limit)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()
