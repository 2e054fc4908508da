"""Record feedback from a feedback touchpoint: a score from 1 to 5 (or none) and what they said."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.dialogs.form_parts import ok_cancel, plain_label

NOTE_LIMIT = 5000
# The choice for a customer who gave no score: the follow-up is done, nothing is scored.
NO_SCORE = 0


class FeedbackDialog(QDialog):
    """Nothing is chosen at first (no score is put in the customer's mouth): Record stays
    disabled until a score, or "No score given", is picked. Escape cancels."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Record feedback"))
        self.setMinimumWidth(440)
        self.score = QComboBox()
        self.score.setObjectName("feedbackScore")
        labels = {
            5: _("5 — delighted"),
            4: _("4 — happy"),
            3: _("3 — all right"),
            2: _("2 — unhappy"),
            1: _("1 — very unhappy"),
            NO_SCORE: _("No score given"),
        }
        for score, label in labels.items():
            self.score.addItem(label, score)
        self.score.setPlaceholderText(_("Choose what they said"))
        self.score.setCurrentIndex(-1)
        self.note = QLineEdit()
        self.note.setObjectName("feedbackNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(_("What could be better, what they would like next"))
        hint = plain_label(
            _(
                "A score of 2 or less calls off the referral ask and plans a recovery call; "
                "4 or more brings the referral ask forward. Without a score, the request is "
                "marked done and nothing else changes."
            )
        )
        form = QFormLayout()
        form.addRow(_("&Score"), self.score)
        form.addRow(_("&What they said"), self.note)
        buttons = ok_cancel(self, _("&Record feedback"))
        self.record_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.record_button.setEnabled(False)
        self.score.currentIndexChanged.connect(
            lambda index: self.record_button.setEnabled(index >= 0)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.score.setFocus()

    def accept(self) -> None:
        # Enter in the note must not record a score nobody chose.
        if self.score.currentIndex() < 0:
            self.score.setFocus()
            return
        super().accept()

    def score_value(self) -> int | None:
        """The chosen score, or None for "No score given"."""
        value = int(self.score.currentData())
        return None if value == NO_SCORE else value

    def note_text(self) -> str:
        return self.note.text()
