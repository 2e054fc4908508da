"""Choose a customer inside a dialog: search as you type over the paged customer list, or
create a new one by name, company and e-mail without leaving the dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dto.customers import CustomerDTO, CustomerInput
from app.errors import KnownError
from app.i18n import _
from app.services.customers import CustomerService
from ui.dialogs.form_parts import error_label
from ui.error_text import shown
from ui.item_models.customer_table import COLUMNS, CustomerTableModel

SEARCH_DELAY_MS = 120
SHOWN_COLUMNS = ("name", "company", "email")
VISIBLE_ROWS = 6


class CustomerPicker(QWidget):
    """`chosen(CustomerDTO | None)` follows the selection; `customer()` reads it."""

    chosen = Signal(object)

    def __init__(self, customers: CustomerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._customers = customers
        self._chosen: CustomerDTO | None = None
        self.search = QLineEdit()
        self.search.setObjectName("customerPickerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Search name, company, e-mail or phone"))
        self.model = CustomerTableModel(customers.page, self)
        self.table = QTableView()
        self.table.setObjectName("customerPickerList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        # Fixed row heights keep paging through a long list cheap.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        for column, (key, _header) in enumerate(COLUMNS):
            self.table.setColumnHidden(column, key not in SHOWN_COLUMNS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(
            header.sizeHint().height() + rows.defaultSectionSize() * VISIBLE_ROWS + 4
        )
        self.new_button = QPushButton(_("Create a &new customer…"))
        self.new_button.setObjectName("customerPickerNew")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("customerPickerName")
        self.new_company = QLineEdit()
        self.new_email = QLineEdit()
        self.add_button = QPushButton(_("&Add customer"))
        self.add_button.setObjectName("customerPickerAdd")
        self.cancel_new = QPushButton(_("Back to the list"))
        self.error = error_label()
        # Enter in the dialog belongs to the dialog's own default button, never to these.
        for button in (self.new_button, self.add_button, self.cancel_new):
            button.setAutoDefault(False)
        self.new_box = QWidget()
        new_form = QFormLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        new_form.addRow(_("Na&me"), self.new_name)
        new_form.addRow(_("Com&pany"), self.new_company)
        new_form.addRow(_("E-ma&il"), self.new_email)
        new_buttons = QHBoxLayout()
        new_buttons.addStretch(1)
        new_buttons.addWidget(self.cancel_new)
        new_buttons.addWidget(self.add_button)
        new_form.addRow(new_buttons)
        self.new_box.hide()
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.new_box)
        layout.addWidget(self.error)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.new_button.clicked.connect(self.start_new)
        self.cancel_new.clicked.connect(self.stop_new)
        self.add_button.clicked.connect(self.add_new)
        # Enter in the picker's own fields acts here; it must not reach the dialog's default
        # button and save the whole form.
        for field in (self.new_name, self.new_company, self.new_email):
            field.installEventFilter(self)
        self.model.reload()
        self.setFocusProxy(self.search)

    def focus_chain(self) -> list[QWidget]:
        """The picker's widgets in Tab order, for the dialog to put first in its own."""
        return [
            self.search,
            self.table,
            self.new_button,
            self.new_name,
            self.new_company,
            self.new_email,
            self.cancel_new,
            self.add_button,
        ]

    # --- choosing ------------------------------------------------------------------------
    def customer(self) -> CustomerDTO | None:
        return self._chosen

    def apply_search(self) -> None:
        self._timer.stop()
        self.model.set_search(self.search.text())
        self._selection_changed()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        customer = self.model.customer_at(rows[0].row()) if rows else None
        if customer != self._chosen:
            self._chosen = customer
            self.chosen.emit(customer)

    def select(self, customer_id: int) -> None:
        """Select this customer, paging on until it is loaded."""
        row = self.model.row_of(customer_id)
        while row < 0 and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(customer_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Down or Enter in the search box: onto the first match (Down moves into the list);
        Enter in the new customer's fields adds them."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and (enter or event.key() == Qt.Key.Key_Down):
            if self._timer.isActive() or self.model.query().search != self.search.text():
                self.apply_search()
            if self.model.rowCount():
                if self._chosen is None:
                    self.table.selectRow(0)
                if not enter:
                    self.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if enter and watched in (self.new_name, self.new_company, self.new_email):
            self.add_new()
            return True
        return super().eventFilter(watched, event)

    # --- creating --------------------------------------------------------------------------
    def start_new(self) -> None:
        """Open the short form, starting from what was typed in the search box."""
        typed = self.search.text().strip()
        if typed and not self.new_name.text():
            target = self.new_email if "@" in typed else self.new_name
            target.setText(typed)
        self.new_box.show()
        self.new_button.hide()
        self.new_name.setFocus()

    def stop_new(self) -> None:
        self.new_box.hide()
        self.error.hide()
        self.new_button.show()
        self.search.setFocus()

    def add_new(self) -> None:
        """Create the customer; a refusal shows here and keeps what was typed."""
        data = CustomerInput(
            name=self.new_name.text(), company=self.new_company.text(), email=self.new_email.text()
        )
        try:
            added = self._customers.add(data)
        except KnownError as exc:
            self.error.setText(shown(exc))
            self.error.show()
            self.new_name.setFocus()
            return
        for field in (self.new_name, self.new_company, self.new_email):
            field.clear()
        self.stop_new()
        self.search.blockSignals(True)
        self.search.setText(added.name)
        self.search.blockSignals(False)
        self.apply_search()
        self.select(added.id)
        self.table.setFocus()
