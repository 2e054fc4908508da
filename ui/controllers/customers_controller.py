"""Customers screen behaviour: search as you type, add, edit, delete with undo, trash."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMainWindow

from app.dto.changes import Area, Changes
from app.dto.customers import CustomerDTO
from app.i18n import _, ngettext
from app.services.customers import CustomerService
from ui.change_stream import ChangeStream, follow_changes
from ui.dialogs.customer_dialog import CustomerDialog
from ui.dialogs.modal import run_and_release
from ui.dialogs.trash_dialog import TrashDialog
from ui.item_models.customer_table import CustomerTableModel
from ui.numbers import count_text
from ui.ui_state import restore_header, save_header
from ui.views.customers_view import CustomersView

SEARCH_DELAY_MS = 120
# Saved column layouts are dropped when the default widths change (v3: no heading cut short).
HEADER_KEY = "customers_v3"


class CustomersController(QObject):
    """Connects the view to CustomerService; keeps the last deletion for Undo."""

    status = Signal(str)
    undo_available = Signal(bool)
    # A customer's page is wanted (Enter in the search box).
    open_requested = Signal(int)

    def __init__(
        self,
        view: CustomersView,
        service: CustomerService,
        window: QMainWindow,
        stream: ChangeStream | None = None,
    ) -> None:
        """`stream`: the open database's changes, which the list follows."""
        super().__init__(window)
        self.view = view
        self.service = service
        self.window = window
        self.model = CustomerTableModel(service.page, self)
        self.view.table.setModel(self.model)
        if not restore_header(self.view.table.horizontalHeader(), HEADER_KEY):
            self.view.set_default_column_widths()
        self._last_deleted: CustomerDTO | None = None
        # Debounce: fast typists trigger one query per pause, not one per key.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        view.search.textChanged.connect(lambda _text: self._search_timer.start())
        view.search.returnPressed.connect(self.open_found)
        view.search.installEventFilter(self)
        # Double-click (and Enter) on a row opens the page; editing is Edit's job.
        view.table.activated.connect(self.open_at)
        view.add_first.clicked.connect(self.add)
        view.filter.currentIndexChanged.connect(lambda _index: self.apply_filter())
        view.days.valueChanged.connect(lambda _days: self.apply_filter())
        # A change while the list is out of sight is read when it is needed next.
        self._stale = False
        if stream is not None:
            follow_changes(stream, view, self.on_changes)
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """A committed change the list shows: read it again now, or when next needed."""
        if not changes.touches(Area.CUSTOMERS, Area.TOUCHPOINTS, Area.SALES, Area.OUTREACH):
            return
        if self.view.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _read_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload from the database, keeping the selected customer selected when still listed."""
        self._stale = False
        kept = self.selected()
        loaded = self.model.rowCount()
        self.model.reload()
        self._update_count()
        if kept is not None:
            # Never page through more than was loaded before just to find the selection.
            while self.model.row_of(kept.id) < 0 and self.model.rowCount() < loaded:
                if not self.model.canFetchMore(QModelIndex()):
                    break
                self.model.fetchMore(QModelIndex())
            row = self.model.row_of(kept.id)
            if row >= 0:
                self.view.table.selectRow(row)

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.view.search.text())
        # The list first; the "n of m match" label follows in the next event-loop pass.
        QTimer.singleShot(0, self._update_count)
        if self.model.rowCount():
            self.view.table.selectRow(0)

    def open_at(self, index: QModelIndex) -> None:
        customer = self.model.customer_at(index.row()) if index.isValid() else None
        if customer is not None:
            self.open_requested.emit(customer.id)

    def open_found(self) -> None:
        """Enter in the search box: the selected match's page, else the first match's."""
        if self._search_timer.isActive() or self.model.query().search != self.view.search.text():
            self.apply_search()
        customer = self.selected() or self.model.customer_at(0)
        if customer is not None:
            self.open_requested.emit(customer.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Down in the search box moves into the list, onto the first match."""
        if (
            watched is self.view.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            if self._search_timer.isActive():
                self.apply_search()
            if self.selected() is None:
                self.view.table.selectRow(0)
            self.view.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def apply_filter(self) -> None:
        kind = self.view.filter.currentData()
        self.view.days.setEnabled(kind == "not_contacted")
        days = self.view.days.value() if kind == "not_contacted" else None
        self.model.set_filter(kind == "no_future", days)
        self._update_count()

    def _update_count(self) -> None:
        query = self.model.query()
        filtered = bool(query.search.strip()) or self.view.filter.currentData() != "all"
        total = self.service.count()
        matching = self.service.count(query=query) if filtered else total
        self.view.show_empty_state(total == 0)
        if filtered:
            text = _("{matching} of {total} match").format(
                matching=count_text(matching), total=count_text(total)
            )
        else:
            text = ngettext("{total} customer", "{total} customers", total).format(
                total=count_text(total)
            )
        self.view.count.setText(text)

    def selected(self) -> CustomerDTO | None:
        indexes = self.view.table.selectionModel().selectedRows()
        return self.model.customer_at(indexes[0].row()) if indexes else None

    def add(self) -> None:
        saved = CustomerDialog(
            self.service.add, parent=self.window, default_language=self.service.default_language()
        ).run()
        if saved is not None:
            self._read_if_stale()
            self._select(saved.id)
            self.status.emit(_("Added {display_name}.").format(display_name=saved.display_name))

    def edit_selected(self) -> None:
        customer = self.selected()
        if customer is None:
            return

        def save(data: object) -> CustomerDTO:
            return self.service.update(customer.id, data)  # type: ignore[arg-type]

        saved = CustomerDialog(
            save, customer, parent=self.window, default_language=self.service.default_language()
        ).run()
        if saved is not None:
            self._read_if_stale()
            self._select(saved.id)
            self.status.emit(_("Saved {display_name}.").format(display_name=saved.display_name))

    def delete_selected(self) -> None:
        customer = self.selected()
        if customer is None:
            return
        row = self.view.table.currentIndex().row()
        self._last_deleted = self.service.delete(customer.id)
        self._read_if_stale()
        if self.model.rowCount():
            self.view.table.selectRow(min(row, self.model.rowCount() - 1))
        self.undo_available.emit(True)
        self.status.emit(
            _("Moved {display_name} to the trash. Undo with Ctrl+Z.").format(
                display_name=customer.display_name
            )
        )

    def undo_delete(self) -> None:
        if self._last_deleted is None:
            return
        restored = self.service.restore(self._last_deleted.id)
        self._last_deleted = None
        self.undo_available.emit(False)
        self._read_if_stale()
        self._select(restored.id)
        self.status.emit(_("Restored {display_name}.").format(display_name=restored.display_name))

    def show_trash(self) -> None:
        run_and_release(TrashDialog(self.service, parent=self.window))

    def _select(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        while row < 0 and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(customer_id)
        if row >= 0:
            self.view.table.selectRow(row)
            self.view.table.scrollTo(self.model.index(row, 0))

    def save_layout(self) -> None:
        save_header(self.view.table.horizontalHeader(), HEADER_KEY)
