"""The interface language at start-up: FOLLOWUP_LANGUAGE, then Settings, then the system's."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.context import AppContext
from app.errors import ValidationError
from app.language_choice import choose, saved_language


def test_the_override_wins_then_the_saved_choice_then_the_system() -> None:
    system = lambda: "hu"  # noqa: E731
    assert choose("nl", system, {"FOLLOWUP_LANGUAGE": "uk_UA.UTF-8"}) == "uk"
    assert choose("nl", system, {"FOLLOWUP_LANGUAGE": "qps"}) == "qps"
    assert choose("nl", system, {}) == "nl"
    assert choose("", system, {"FOLLOWUP_LANGUAGE": "klingon"}) == "hu"


def test_the_saved_language_is_read_from_the_file(context: AppContext, db_path: Path) -> None:
    assert saved_language(db_path) == ""
    context.settings.set("language", "et")
    assert saved_language(db_path) == "et"
    assert context.settings.as_display()["language"] == "et"
    context.settings.set("language", "system")
    assert saved_language(db_path) == ""
    assert context.settings.as_display()["language"] == "system"


def test_only_shipped_languages_can_be_saved(context: AppContext) -> None:
    with pytest.raises(ValidationError, match="language must be one of"):
        context.settings.set("language", "fr")


def test_a_missing_or_unreadable_file_means_no_saved_choice(tmp_path: Path) -> None:
    assert saved_language(tmp_path / "none.sqlite") == ""
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert saved_language(junk) == ""
