"""Settings use cases: read the typed preferences, change one with validation."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app import preferences as prefs
from app.dto.changes import Area, Changes
from app.errors import ValidationError
from app.i18n import _
from app.preferences import Preferences
from app.scheduling.calendar import WorkCalendar
from app.setting_parsers import PARSERS
from models.repositories import settings as repo


class SettingsService:
    """Typed preferences stored in the database, cached until changed."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        default_timezone: Callable[[], str] = prefs.system_timezone,
    ) -> None:
        self._sessions = sessions
        self._default_timezone = default_timezone
        self._cached: Preferences | None = None
        self._lock = threading.Lock()

    def get(self) -> Preferences:
        with self._lock:
            if self._cached is None:
                with self._sessions() as session:
                    self._cached = self._read(session)
            return self._cached

    def _read(self, session: Session) -> Preferences:
        stored = repo.load_all(session)
        # The system's zone is only asked for when the user has not chosen one.
        default = "UTC" if "timezone" in stored else self._default_timezone()
        return prefs.from_stored(stored, default)

    def set(self, key: str, text: str) -> Preferences:
        """Parse and store one setting; raises ValidationError and writes nothing when bad."""
        return self.set_many({key: text})

    def set_many(self, values: dict[str, str]) -> Preferences:
        """Parse every value first, then store them all in one transaction."""
        with self._sessions.begin() as session:
            self.store(session, values)
        return self.get()

    def store(self, session: Session, values: dict[str, str]) -> Preferences:
        """Parse every value, then write them in the caller's transaction; the preferences
        as they will be once it commits (the commit's change makes the cache forget)."""
        parsed = {key: prefs.parse_value(key, text) for key, text in values.items()}
        # Checked before writing: read back, hours that end before they start would fall
        # back to the defaults and hide the mistake.
        prefs.check_together(dataclasses.replace(self._read(session), **parsed))
        for key, value in parsed.items():
            repo.save(session, key, prefs.to_json(key, value))
        session.flush()
        result = self._read(session)
        if prefs.CALENDAR_KEYS & values.keys():
            _check_plannable(result)
        return result

    def forget(self) -> None:
        """Drop the cached preferences: the stored ones changed."""
        with self._lock:
            self._cached = None

    def follow(self, changes: Changes) -> None:
        """The change feed's first listener: a committed settings write makes the cache
        forget before any screen reads the preferences for that change."""
        if changes.touches(Area.SETTINGS):
            self.forget()

    def as_display(self) -> dict[str, object]:
        current = self.get()
        shown: dict[str, object] = {}
        for key in PARSERS:
            value = getattr(current, key)
            shown[key] = value if isinstance(value, int) else prefs.display_value(key, value)
        return shown


def _check_plannable(preferences: Preferences) -> None:
    """Refuse a calendar that leaves no working day to plan on for two years."""
    calendar = WorkCalendar(
        frozenset(preferences.working_days),
        preferences.holiday_country,
        frozenset(preferences.days_off),
    )
    blocked = calendar.first_day_off_without_end()
    if blocked is not None:
        raise ValidationError(
            _(
                "the days off from {date} leave no working day for two years; nothing "
                "could be planned. Shorten them."
            ).format(date=blocked.isoformat())
        )
