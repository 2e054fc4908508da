"""Which language the interface speaks at start-up: the override, the saved choice, the system's.

Read before any window or CLI parser is built, straight from the file (read-only, no
SQLAlchemy): the window's first paint must not wait for the services, and every text it
shows is translated when it is built.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from app import i18n
from models.setting_peek import peek_setting

# Tests and screenshots pick a language (or the pseudo-locale, qps) without a saved choice.
OVERRIDE = "FOLLOWUP_LANGUAGE"


def saved_language(path: Path) -> str:
    """The language saved in Settings in this file; "" (follow the system) when none is, or
    the file cannot tell (new, damaged, locked: the usual start reports that, not this)."""
    return i18n.normalise(peek_setting(path, "language")) or ""


def choose(saved: str, system: Callable[[], str], environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: FOLLOWUP_LANGUAGE, else the saved choice, else the system's."""
    env = os.environ if environ is None else environ
    return i18n.normalise(env.get(OVERRIDE)) or i18n.normalise(saved) or system()


def start_language(path: Path, system: Callable[[], str] = i18n.system_language) -> str:
    """Choose the language for this file and speak it from now on; returns its code."""
    return i18n.use(choose(saved_language(path), system))
