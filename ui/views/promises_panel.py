"""Layout of a customer's promises: the delivery record, the list, and what to do about them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.widgets.fitted_table import read_only_table


class PromisesPanel(QWidget):
    """Only layout; PromisesController fills it and wires the buttons."""

    def __init__(self, parent: QWidget | None = None, *, across_customers: bool = False) -> None:
        """`across_customers`: every customer's promises (the Promises & requests screen),
        where adding a promise, a request or a decline belongs to a customer's page."""
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("promiseRecord")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        # Beside two buttons: the record wraps rather than widen the page past the screen.
        self.heading.setWordWrap(True)
        self.table = read_only_table("promisesTable")

        def button(text: str, name: str, tip: str) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.setToolTip(tip)
            return made

        self.add = button(_("Add &promise…"), "addPromise", _("Record what you promised"))
        self.at_risk = button(
            _("At r&isk…"), "promiseAtRisk", _("Start the recovery: first steps today")
        )
        self.kept = button(_("&Kept"), "promiseKept", _("The promise was kept"))
        self.broken = button(_("Brok&en…"), "promiseBroken", _("The promise was broken"))
        self.recovery = button(
            _("Reco&very…"), "promiseRecovery", _("The recovery checklist and guide")
        )
        self.log_request = button(
            _("Log re&quest…"),
            "logRequest",
            _("A call or message that needs an answer"),
        )
        self.decline = button(_("Decli&ne request…"), "declineRequest", _("Say no well, and refer"))
        # What to do about a promise under the list; logging or declining a request sits
        # beside the heading: one row of seven buttons is cut off once the words grow
        # (a translation 40 % longer than English, beside the sidebar).
        row = self.buttons = QHBoxLayout()
        for widget in (self.add, self.at_risk, self.kept, self.broken, self.recovery):
            row.addWidget(widget)
        row.addStretch(1)
        top = self.top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.log_request)
        top.addWidget(self.decline)
        for per_customer in (self.add, self.log_request, self.decline):
            per_customer.setVisible(not across_customers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
