"""Customers as a Qt table model: keyset pages from the service, sorting and search in SQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.dto.customers import CustomerDTO, CustomerPage, CustomerQuery
from app.i18n import N_, _
from app.kinds import channel_label
from ui.dates import date_text
from ui.item_models.keyset_table import KeysetTableModel

PAGE_SIZE = 200
# (sort key for SQL, header) per column.
COLUMNS = (
    ("is_key", N_("Key")),
    ("name", N_("Name")),
    ("company", N_("Company")),
    ("next_due", N_("Next follow-up")),
    ("last_contact", N_("Last contact")),
    ("email", N_("E-mail")),
    ("phone", N_("Phone")),
    ("channel", N_("Channel")),  # the preferred one; the column is narrow
)

Index = QModelIndex | QPersistentModelIndex


class CustomerTableModel(KeysetTableModel[CustomerDTO, tuple[object, int]]):
    """Rows arrive a page at a time as the view scrolls (canFetchMore / fetchMore)."""

    columns = tuple(header for _key, header in COLUMNS)
    translate = staticmethod(_)

    def __init__(self, fetch: Callable[[CustomerQuery], CustomerPage], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._search = ""
        self._no_future = False
        self._not_contacted_days: int | None = None
        self._sort_by = "name"
        self._descending = False

    # --- loading -----------------------------------------------------------------
    def reload(self) -> None:
        """Start over from the first page with the current search and sort."""
        self.beginResetModel()
        self.read_first_page()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self.reload()

    def set_filter(self, no_future: bool, not_contacted_days: int | None) -> None:
        """Show only customers with nothing planned, or not contacted for that many days."""
        if (no_future, not_contacted_days) != (self._no_future, self._not_contacted_days):
            self._no_future, self._not_contacted_days = no_future, not_contacted_days
            self.reload()

    def query(self) -> CustomerQuery:
        """The current search and filters (for counting)."""
        return self._query(after=None)

    def _query(self, after: tuple[object, int] | None) -> CustomerQuery:
        return CustomerQuery(
            no_future_touchpoint=self._no_future,
            not_contacted_days=self._not_contacted_days,
            search=self._search,
            sort_by=self._sort_by,
            descending=self._descending,
            after=after,
            limit=PAGE_SIZE,
        )

    def read_page(
        self, after: tuple[object, int] | None
    ) -> tuple[Sequence[CustomerDTO], tuple[object, int] | None]:
        page = self._fetch(self._query(after=after))
        return page.rows, page.next_after

    # --- Qt model interface ----------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        customer = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "is_key":
                return "★" if customer.is_key else ""
            if key == "channel":
                return _(channel_label(customer.channel))
            if key == "next_due":
                return date_text(customer.next_due) if customer.next_due else _("Nothing planned")
            if key == "last_contact":
                return date_text(customer.last_contact) if customer.last_contact else _("Never")
            return str(getattr(customer, key))
        if role == Qt.ItemDataRole.ToolTipRole and key == "is_key" and customer.is_key:
            return _("Key customer")
        if role == Qt.ItemDataRole.UserRole:
            return customer.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_by = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def customer_at(self, row: int) -> CustomerDTO | None:
        return self.at(row)
