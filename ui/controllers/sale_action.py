"""Record a sale for a customer: the one flow every face of the window uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.context import AppContext
from ui.dialogs.modal import run_and_release
from ui.texts import fill


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaleAction", text)


def record_sale(context: AppContext, customer_id: int | None, parent: QWidget) -> str | None:
    """Ask for the sale (and, without a customer, whom it is for) and record it; returns what
    to tell the user, None if cancelled."""
    from ui.dialogs.sale_dialog import SaleDialog

    dialog = SaleDialog(context, customer_id, parent)
    result = dialog.saved if run_and_release(dialog) else None
    if result is None:
        return None
    if result.skipped_reason:
        return fill(_tr("Recorded the sale. %1"), result.skipped_reason)
    count = len(result.touchpoints)
    if count == 1:
        return _tr("Recorded the sale; 1 follow-up planned.")
    return fill(_tr("Recorded the sale; %1 follow-ups planned."), str(count))
