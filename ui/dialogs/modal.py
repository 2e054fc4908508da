"""Showing a modal dialog and releasing it after: a module light enough for the start-up path."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_and_release(dialog: QDialog) -> bool:
    """Show a modal dialog until it closes, then release it; True when it was accepted.
    (Its Python attributes, such as what it saved, stay readable.)"""
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()
