"""Errors the user can fix (KnownError) as opposed to bugs."""

from __future__ import annotations

from app.i18n import _


class KnownError(Exception):
    """A problem in the user's environment or input: shown as a plain message with what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ValidationError(KnownError):
    """Input that breaks a rule (bad e-mail, unknown channel, empty name); nothing was written."""


class MissingColumns(KnownError):
    """A deal file with no column we know for the close date or the customer: the user
    must say which columns hold what (`headers` are the file's, `guess` what was found)."""

    def __init__(
        self, message: str, headers: tuple[str, ...], guess: dict[str, tuple[str, ...]]
    ) -> None:
        super().__init__(message)
        self.headers = headers
        self.guess = guess


class NotFound(KnownError):
    """The record asked for does not exist (or is in the trash)."""


class BusyError(KnownError):
    """Another task (an import, another window) held the database past the busy timeout."""

    def __init__(self, message: str = "", hint: str = "") -> None:
        super().__init__(
            message or _("the planner is busy with another task (import running?)"),
            hint or _("Try again in a moment; nothing was written."),
        )


class StorageError(KnownError):
    """The disk or folder refused a write (full, read-only, no permission); data is intact."""
