"""The database's integrity check, started early on its own thread at desktop start-up.

SQLite runs the check without holding Python's lock, so on a second core it costs the
start nothing: the main thread paints Today's first page (read-only) and imports SQLAlchemy
and the services meanwhile, then waits for the verdict before the services open the file."""

from __future__ import annotations

import threading
from pathlib import Path

from models.integrity import check_integrity, has_data


class IntegrityCheck:
    """A quick check of one file running in the background; `result` waits for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._checked = False
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)

    @classmethod
    def start(cls, path: Path) -> IntegrityCheck:
        check = cls(path)
        check._thread.start()
        return check

    def _run(self) -> None:
        try:
            if has_data(self.path):  # else a new database: nothing to check yet
                check_integrity(self.path)
                self._checked = True
        except Exception as exc:  # noqa: BLE001 - handed to the main thread as it is
            self._error = exc

    def found_damage(self) -> bool:
        """The check has already failed; never waits (a check still running is no verdict)."""
        return not self._thread.is_alive() and self._error is not None

    def result(self, path: Path) -> None:
        """Raise DatabaseDamaged if the file failed (any other file is checked here, now)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        if path == self.path and self._checked:
            return
        if has_data(path):
            check_integrity(path)
