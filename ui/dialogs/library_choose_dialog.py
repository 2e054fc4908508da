"""Choose what a follow-up brings: the library items this customer has not had yet, those
that match them first; the chosen one goes into the draft (nothing is sent or recorded)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dto.outreach import LibraryItemDTO
from app.i18n import _
from ui.dialogs.form_parts import plain_label


def item_text(item: LibraryItemDTO) -> str:
    tags = ", ".join((*item.industries, *item.tags))
    return f"{item.title} ({item.kind})" + (f" — {tags}" if tags else "")


class LibraryChooseDialog(QDialog):
    """After it is accepted, `chosen` is the item's id."""

    def __init__(
        self, suggestions: Sequence[LibraryItemDTO], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.chosen: int | None = None
        self._items = {item.id: item for item in suggestions}
        self.setWindowTitle(_("Choose what to bring"))
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
        self.put_button = QPushButton(_("&Put in the draft"))
        self.put_button.setObjectName("libraryPut")
        self.put_button.setDefault(True)
        self.put_button.clicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.put_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        heading = _(
            "Not yet sent to this customer, the best match first. The item's title, link "
            "and your line on why it matters go into the draft; it counts as sent when "
            "you mark the follow-up done."
        )
        empty = _(
            "Nothing new to bring this customer: add articles, events and introductions "
            "under Go › Value-add library."
        )
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(heading if suggestions else empty))
        layout.addWidget(self.items, 1)
        layout.addWidget(self.details)
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

    def accept(self) -> None:
        self.chosen = self.selected_id()
        if self.chosen is not None:
            super().accept()

    def _show_details(self) -> None:
        chosen = self._items.get(self.selected_id() or 0)
        self.put_button.setEnabled(chosen is not None)
        if chosen is None:
            self.details.clear()
            return
        parts = [html.escape(chosen.note)] if chosen.note else []
        if chosen.url:
            url = html.escape(chosen.url, quote=True)
            parts.append(f'<a href="{url}">{url}</a>')
        self.details.setText("<br>".join(parts))
