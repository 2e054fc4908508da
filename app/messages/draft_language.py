"""Which language a draft to a customer is written in: theirs, else the user's default."""

from __future__ import annotations

from app.i18n import ENGLISH, LANGUAGES, current, normalise
from app.preferences import Preferences


def default_draft_language(prefs: Preferences) -> str:
    """The user's draft language for customers without one: the setting, else the interface
    language (English while the interface shows the pseudo-locale, which no customer reads)."""
    for code in (prefs.draft_language, current()):
        language = normalise(code)
        if language is not None and language in LANGUAGES:
            return language
    return ENGLISH


def draft_language(customer_language: str | None, prefs: Preferences) -> str:
    """The language of a draft to a customer who reads `customer_language` (None: default)."""
    language = normalise(customer_language)
    if language is not None and language in LANGUAGES:
        return language
    return default_draft_language(prefs)
