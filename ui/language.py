"""The interface language for the desktop app: ours (gettext) and Qt's own dialogs (qtbase)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n
from app.language_choice import start_language

# Kept alive for the process: Qt does not own an installed translator.
_installed: list[QTranslator] = []


def system_language() -> str:
    """The first shipped language the system's UI languages list, else English (Qt's view
    covers what the environment does not: macOS and Windows preferences)."""
    for name in QLocale.system().uiLanguages():
        found = i18n.normalise(name)
        if found is not None and found != i18n.PSEUDO:
            return found
    return i18n.system_language()


def speak(db: Path, app: QCoreApplication) -> str:
    """Choose the language before any window is built; Qt's dialogs and formats follow it."""
    return apply(start_language(db, system_language), app)


def apply(code: str, app: QCoreApplication) -> str:
    """Qt's side of a language already in use (app.i18n.use): formats and Qt's own texts."""
    # Dates and numbers in the chosen language, the way the system's region writes them
    # (Dutch in Belgium, English in Germany: 24-hour clock, day before month); Qt falls back
    # to the language's main region where it has no such pair. The pseudo-locale formats
    # as English does.
    language = QLocale(i18n.ENGLISH if code == i18n.PSEUDO else code).language()
    QLocale.setDefault(QLocale(language, QLocale.system().territory()))
    install_qt_translations(code, app)
    return code


def install_qt_translations(code: str, app: QCoreApplication) -> bool:
    """Qt's own texts (dialog buttons, the file chooser) in this language, where Qt ships them
    (nl, uk, hu do; et and ms do not, so those stay English). True when installed."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code in (i18n.ENGLISH, i18n.PSEUDO):
        return False
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{code}", folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
