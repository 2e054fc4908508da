"""Add a follow-up by hand: the one flow Today and a customer page both use."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.i18n import _


def add_follow_up(context: AppContext, customer_id: int | None, parent: QWidget) -> str | None:
    """Ask for the follow-up (for this customer, if one is given) and add it; returns what
    to tell the user, None if cancelled."""
    from ui.dialogs.add_follow_up_dialog import AddFollowUpDialog

    customer = context.customers.get(customer_id) if customer_id is not None else None
    added = AddFollowUpDialog(context, customer, parent).run()
    if added is None:
        return None
    text = _("Added: {title}.").format(title=added.touchpoint.title)
    return f"{text} {added.warning}" if added.warning else text
