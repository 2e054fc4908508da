"""Suggested library items for a customer; Send records the chosen one (never sent twice)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dto.outreach import LibraryItemDTO, LibrarySendDTO
from app.errors import ValidationError
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import plain_label


def item_text(item: LibraryItemDTO) -> str:
    tags = ", ".join((*item.industries, *item.tags))
    return f"{item.title} ({item.kind})" + (f" — {tags}" if tags else "")


class LibrarySendDialog(FormDialog[LibrarySendDTO]):
    """`send(item_id)` records the item as sent; the dialog then closes."""

    def __init__(
        self,
        heading: str,
        suggestions: Sequence[LibraryItemDTO],
        send: Callable[[int], LibrarySendDTO],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._send = send
        self._items = {item.id: item for item in suggestions}
        self.setWindowTitle(self.tr("Suggest content"))
        self.setMinimumSize(520, 360)
        self.items = QListWidget()
        self.items.setObjectName("librarySuggestions")
        for suggestion in suggestions:
            row = QListWidgetItem(item_text(suggestion))
            row.setData(Qt.ItemDataRole.UserRole, suggestion.id)
            self.items.addItem(row)
        self.details = QLabel()
        self.details.setObjectName("libraryDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setOpenExternalLinks(True)
        self.send_button = QPushButton(self.tr("&Send (record as sent)"))
        self.send_button.setObjectName("librarySend")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        empty = self.tr("Nothing new to suggest: add items under Go › Value-add library.")
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(heading if suggestions else empty))
        layout.addWidget(self.items, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.items.currentItemChanged.connect(lambda *_: self._show_details())
        self.items.itemActivated.connect(lambda _item: self.accept())
        if suggestions:
            self.items.setCurrentRow(0)
        self._show_details()
        self.items.setFocus()

    def selected_id(self) -> int | None:
        row = self.items.currentItem()
        return int(row.data(Qt.ItemDataRole.UserRole)) if row is not None else None

    def _show_details(self) -> None:
        chosen = self._items.get(self.selected_id() or 0)
        self.send_button.setEnabled(chosen is not None)
        if chosen is None:
            self.details.clear()
            return
        parts = [html.escape(chosen.note)] if chosen.note else []
        if chosen.url:
            url = html.escape(chosen.url, quote=True)
            parts.append(f'<a href="{url}">{url}</a>')
        self.details.setText("<br>".join(parts))

    def save(self) -> LibrarySendDTO:
        chosen = self.selected_id()
        if chosen is None:
            raise ValidationError(self.tr("Choose the item to send first."))
        return self._send(chosen)
