"""Errors the user can fix (KnownError) as opposed to bugs."""

from __future__ import annotations


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


class NotFound(KnownError):
    """The record asked for does not exist (or is in the trash)."""
