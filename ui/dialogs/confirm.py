"""A question before something that cannot be taken back: Cancel by default, the action named."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirmed(
    parent: QWidget, icon: QMessageBox.Icon, title: str, question: str, action: str
) -> bool:
    """True when the user picks `action` (a button with its own words), not Cancel."""
    box = QMessageBox(icon, title, question, QMessageBox.StandardButton.Cancel, parent)
    chosen = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is chosen
