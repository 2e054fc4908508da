"""Progress reporting and cancellation for long operations, with no Qt in sight."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled; whatever the operation started was rolled back."""


class Progress:
    """Handed to long operations: they report how far they got and check for cancel."""

    def __init__(self, listener: Callable[[int, int, str], None] | None = None) -> None:
        self._listener = listener
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Say how far the work got; raises Cancelled when the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        if self._listener is not None:
            self._listener(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


NO_PROGRESS = Progress()
