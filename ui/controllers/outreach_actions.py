"""Menu actions for the partner directory, the value-add library and declining a request."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.i18n import _
from ui.dialogs.modal import run_and_release

if TYPE_CHECKING:
    from app.context import AppContext

# The dialogs (and the services under them) load when first opened, not before the first paint.


class OutreachActions(QObject):
    """`context()` gives the open database (None before one is open); `customer()` the
    customer in view, if any, for a decline's come-back."""

    status = Signal(str)

    def __init__(
        self,
        window: QWidget,
        context: Callable[[], AppContext | None],
        customer: Callable[[], tuple[int, str] | None],
    ) -> None:
        super().__init__(window)
        self.window, self._context, self._customer = window, context, customer
        self.partners = self._make(
            _("&Partners…"),
            _("Whom you refer declined requests to"),
            self.open_partners,
        )
        self.library = self._make(
            _("Value-add &library…"),
            _("Articles, papers, events and introductions worth sending"),
            self.open_library,
        )
        self.decline = self._make(
            _("&Decline a request…"),
            _("Say no well: the reason, the source, a trusted partner"),
            self.open_decline,
        )

    def _make(self, text: str, tip: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [self.partners, self.library, self.decline]

    def open_partners(self) -> None:
        from ui.dialogs.partners_dialog import PartnersDialog

        context = self._context()
        if context is not None:
            run_and_release(PartnersDialog(context.partners, self.window))

    def open_library(self) -> None:
        from ui.dialogs.library_dialog import LibraryDialog

        context = self._context()
        if context is not None:
            run_and_release(
                LibraryDialog(context.library, context.agenda.today_date(), self.window)
            )

    def open_decline(self) -> None:
        from ui.dialogs.decline_dialog import DeclineDialog

        context = self._context()
        if context is None:
            return
        dialog = DeclineDialog(
            context.declines,
            context.partners,
            context.agenda.today_date(),
            self._customer(),
            self.window,
            pick=context.customers,
        )
        if run_and_release(dialog):
            self.status.emit(_("Decline recorded."))
