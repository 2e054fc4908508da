"""The trash: customers deleted earlier, each restorable with its whole history."""

from __future__ import annotations

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

from app.i18n import _
from app.services.customers import CustomerService


class TrashDialog(QDialog):
    """Lists deleted customers; Restore brings the selected one back."""

    def __init__(self, service: CustomerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Trash"))
        self.setMinimumSize(420, 320)
        self._service = service
        self.restored: list[int] = []
        self.items = QListWidget()
        self.restore_button = QPushButton(_("&Restore"))
        self.restore_button.clicked.connect(self._restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Deleted customers keep their sales and history.")))
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        self.items.clear()
        for customer in self._service.trash():
            item = QListWidgetItem(customer.display_name)
            item.setData(Qt.ItemDataRole.UserRole, customer.id)
            self.items.addItem(item)
        self.restore_button.setEnabled(self.items.count() > 0)
        if self.items.count():
            self.items.setCurrentRow(0)

    def _restore(self) -> None:
        item = self.items.currentItem()
        if item is None:
            return
        customer_id = int(item.data(Qt.ItemDataRole.UserRole))
        self._service.restore(customer_id)
        self.restored.append(customer_id)
        self._load()
