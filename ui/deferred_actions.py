"""Window actions made at once whose keyboard shortcuts are set after the first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

# A key sequence ("Ctrl+R") or, prefixed "std:", the name of a QKeySequence.StandardKey
# ("std:New"): loading QKeySequence and its enums is left until the shortcuts are applied.
Shortcut = str | None


class DeferredActions:
    """Makes actions now and gives them their shortcuts later: setting a shortcut loads
    PySide's whole `Qt` namespace, tens of milliseconds the first paint should not wait."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._pending: list[tuple[QAction, str]] = []

    def make(
        self, text: str, shortcut: Shortcut, tip: str, slot: Callable[[], object] | None = None
    ) -> QAction:
        action = QAction(text, self._parent)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            self._pending.append((action, shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def apply_shortcuts(self) -> None:
        """Set the shortcuts and name them in the tooltips; later calls do nothing."""
        from PySide6.QtGui import QKeySequence

        for action, shortcut in self._pending:
            if shortcut.startswith("std:"):
                action.setShortcut(getattr(QKeySequence.StandardKey, shortcut[4:]))
            else:
                action.setShortcut(QKeySequence(shortcut))
            native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{action.toolTip()} ({native})"
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self._pending.clear()
