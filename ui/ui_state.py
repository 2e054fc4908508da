"""Window geometry and column layouts kept in QSettings (never user data or secrets)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow

from app.paths import config_dir


def ui_settings() -> QSettings:
    path = config_dir() / "ui-state.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def save_window(window: QMainWindow, name: str) -> None:
    settings = ui_settings()
    settings.setValue(f"{name}/geometry", window.saveGeometry())
    settings.setValue(f"{name}/state", window.saveState())


def restore_window(window: QMainWindow, name: str) -> bool:
    settings = ui_settings()
    geometry = settings.value(f"{name}/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
        state = settings.value(f"{name}/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        return True
    return False


def save_header(header: QHeaderView, name: str) -> None:
    ui_settings().setValue(f"headers/{name}", header.saveState())


def restore_header(header: QHeaderView, name: str) -> bool:
    state = ui_settings().value(f"headers/{name}")
    if isinstance(state, QByteArray) and not state.isEmpty():
        return bool(header.restoreState(state))
    return False
