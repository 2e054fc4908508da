"""Help → Keyboard shortcuts: every key the window's menus know, read from the actions."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _

# Keys that belong to no menu action: the lists and the search box.
LIST_KEYS = (
    (N_("Enter"), N_("Open the selected customer, or answer the selected request")),
    (N_("Down"), N_("From the search box into the list of customers")),
    (N_("Tab"), N_("From the list to the draft and its buttons")),
)


def _plain(text: str) -> str:
    """A menu text as a sentence shows it: no mnemonic, no ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, in menu order, once each."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                submenu = action.menu()
                assert isinstance(submenu, QMenu)
                walk(submenu, f"{where} › {_plain(action.text())}")
                continue
            keys = [key for key in action.shortcuts() if not key.isEmpty()]
            if not keys or id(action) in seen:
                continue
            seen.add(id(action))
            native = QKeySequence.SequenceFormat.NativeText
            rows.append((", ".join(key.toString(native) for key in keys), _what(action, where)))

    for menu in menus:
        walk(menu, _plain(menu.title()))
    return rows


def _what(action: QAction, where: str) -> str:
    return _("{action} ({menu})").format(action=_plain(action.text()), menu=where)


class ShortcutsDialog(QDialog):
    """A two-column list: the keys, and what they do."""

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = shortcut_rows(menus) + [(_(k), _(w)) for k, w in LIST_KEYS]
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([_("Keys"), _("What they do")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for number, (keys, what) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(keys))
            self.table.setItem(number, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)
