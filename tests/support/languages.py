"""Speak a language for one test, then leave the process as it was (English, Qt's locale)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from app import i18n
from ui.language import apply, install_qt_translations


@contextmanager
def restored_language(app: QApplication) -> Iterator[None]:
    """Whatever the body switches to, English and the previous default locale come back."""
    before = QLocale()
    try:
        yield
    finally:
        i18n.use(i18n.ENGLISH)
        install_qt_translations(i18n.ENGLISH, app)
        QLocale.setDefault(before)


@contextmanager
def speaking(code: str, app: QApplication) -> Iterator[None]:
    """The interface in `code` (Qt's side too) for the body."""
    with restored_language(app):
        apply(i18n.use(code), app)
        yield
