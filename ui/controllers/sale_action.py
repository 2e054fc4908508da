"""Record a sale for a customer: the one flow every face of the window uses."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.i18n import _, ngettext
from ui.dialogs.modal import run_and_release


def record_sale(context: AppContext, customer_id: int | None, parent: QWidget) -> str | None:
    """Ask for the sale (and, without a customer, whom it is for) and record it; returns what
    to tell the user, None if cancelled."""
    from ui.dialogs.sale_dialog import SaleDialog

    dialog = SaleDialog(context, customer_id, parent)
    result = dialog.saved if run_and_release(dialog) else None
    if result is None:
        return None
    if result.skipped_reason:
        return _("Recorded the sale. {skipped_reason}").format(
            skipped_reason=_(result.skipped_reason)
        )
    count = len(result.touchpoints)
    return ngettext(
        "Recorded the sale; {count} follow-up planned.",
        "Recorded the sale; {count} follow-ups planned.",
        count,
    ).format(count=count)
