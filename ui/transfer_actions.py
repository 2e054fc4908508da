"""The File menu's moves of data in and out: import customers or sales, export data, export to
a calendar file. Their dialogs (and the services under them) load when first opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.i18n import _
from ui.deferred_actions import Shortcut
from ui.dialogs.modal import run_and_release

if TYPE_CHECKING:
    from app.context import AppContext

MakeAction = Callable[[str, Shortcut, str, Callable[[], object]], QAction]


class TransferActions(QObject):
    """`context()` gives the open database (None before one is open); `selected()` the
    customer selected on screen, if any, whom a calendar export can be limited to."""

    def __init__(
        self,
        window: QWidget,
        make: MakeAction,
        context: Callable[[], AppContext | None],
        selected: Callable[[], tuple[int, str] | None],
    ) -> None:
        super().__init__(window)
        self.window, self._context, self._selected = window, context, selected
        self.export_calendar = make(
            _("E&xport to calendar…"), None, _("Write follow-ups to an .ics file"),
            self.export_to_calendar,
        )  # fmt: skip
        self.import_customers = make(
            _("&Import customers…"), "Ctrl+I",
            _("Customers from Outlook, Google Contacts, vCard or any CSV file"),
            self.choose_customers_file,
        )  # fmt: skip
        self.import_sales = make(
            _("Import sa&les…"), None,
            _("Past sales from HubSpot, Pipedrive, Salesforce or any CSV of deals"),
            self.choose_sales_file,
        )  # fmt: skip
        self.export_data = make(
            _("&Export…"), None, _("Customers and history as CSV, vCard or JSON"),
            self.export_to_file,
        )  # fmt: skip

    def actions(self) -> list[QAction]:
        return [self.export_calendar, self.import_customers, self.import_sales, self.export_data]

    def export_to_calendar(self) -> None:
        if (context := self._context()) is not None:
            from ui.dialogs.export_dialog import ExportDialog

            run_and_release(ExportDialog(context, self._selected(), self.window))

    def choose_customers_file(self) -> None:
        if (context := self._context()) is not None:
            from ui.dialogs.import_dialog import choose_and_preview

            choose_and_preview(context, self.window)

    def choose_sales_file(self) -> None:
        if (context := self._context()) is not None:
            from ui.dialogs.sales_import_dialog import choose_sales_file

            choose_sales_file(context, self.window)

    def export_to_file(self) -> None:
        if (context := self._context()) is not None:
            from ui.dialogs.data_export import export_data

            export_data(context, self.window)
