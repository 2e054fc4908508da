"""Settings: the interface language (each by its own name, or the system's), read at start-up."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app import i18n
from app.i18n import _


def language_field(saved: str, system: str) -> QComboBox:
    """'System language (Nederlands)' first, then every language as its speakers name it."""
    field = QComboBox()
    system_name = i18n.LANGUAGES.get(system, i18n.LANGUAGES[i18n.ENGLISH])
    field.addItem(_("System language ({name})").format(name=system_name), "")
    for code, name in i18n.LANGUAGES.items():
        field.addItem(name, code)
    field.setCurrentIndex(max(field.findData(saved), 0))
    field.setToolTip(_("The language of menus, screens and messages; it applies after a restart"))
    return field


def restart_note() -> str:
    """One line after saving a new language: it is read when the planner starts."""
    return _("The new language applies when you restart the planner.")
