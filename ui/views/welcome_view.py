"""First run: what the planner does, and three ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _


class WelcomeView(QWidget):
    """Shown while the database holds no customers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Welcome to Follow-Up Planner"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            _(
                "Most customers are lost to silence after the sale. Record each sale, won "
                "or lost, and the planner schedules the follow-ups for you: a thank-you "
                "right away, a call once the delivery arrives, contacts that bring value "
                "over the following months, a feedback request, a referral ask, birthdays "
                "and a keep-in-touch rhythm, on the channel each customer prefers and "
                "never on a weekend or holiday.\n\n"
                "Every morning, Today shows what is due."
            )
        )
        text.setWordWrap(True)
        # First, the signature every drafted message ends with (the workspace fills it in).
        self.profile_note = QLabel()
        self.profile_note.setObjectName("welcomeProfileNote")
        self.profile_note.setWordWrap(True)
        self.profile_note.setTextFormat(Qt.TextFormat.PlainText)
        self.profile_button = QPushButton(_("Fill in your &profile…"))
        self.profile_button.setObjectName("welcomeProfile")
        self.add_customer = QPushButton(_("&Add your first customer"))
        self.add_customer.setObjectName("welcomeAddCustomer")
        self.add_customer.setDefault(True)
        self.import_customers = QPushButton(
            _("&Import customers from Outlook, Google Contacts or a vCard file…")
        )
        self.import_customers.setObjectName("welcomeImportCustomers")
        self.load_sample = QPushButton(_("&Load sample data to look around"))
        self.load_sample.setObjectName("welcomeLoadSample")
        self.sample_note = QLabel(
            _("Sample data goes into a separate demo database and never mixes with yours.")
        )
        self.sample_note.setWordWrap(True)
        # A centred column of readable width; word-wrapped labels need the full column
        # width (an alignment flag would break their height-for-width layout).
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 84)
        inner = QVBoxLayout(column)
        for widget in (title, text):
            inner.addWidget(widget)
        inner.addSpacing(self.fontMetrics().height())
        inner.addWidget(self.profile_note)
        inner.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addSpacing(self.fontMetrics().height())
        for button in (self.add_customer, self.import_customers, self.load_sample):
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.sample_note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_profile(self, name: str, reach: str) -> None:
        """Ask for the profile while it lacks a name or a way to reach the salesperson."""
        missing = not name or not reach
        if missing:
            self.profile_note.setText(
                _(
                    "Every message the planner drafts ends with your name and how to reach "
                    "you. Start with your profile: it takes a minute."
                )
            )
            self.profile_button.setText(_("Fill in your &profile…"))
        else:
            self.profile_note.setText(
                _("Your messages are signed: {name}, {reach}.").format(name=name, reach=reach)
            )
            self.profile_button.setText(_("Change your &profile…"))
        # Until it is filled in, the profile is the first thing Enter does.
        self.profile_button.setDefault(missing)
        self.add_customer.setDefault(not missing)
