"""Record feedback from a feedback touchpoint: a score from 1 to 5 and what they said."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from ui.dialogs.form_parts import ok_cancel, plain_label

NOTE_LIMIT = 5000


class FeedbackDialog(QDialog):
    """Enter records, Escape cancels; the caller stores the result."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record feedback"))
        self.setMinimumWidth(440)
        self.score = QComboBox()
        self.score.setObjectName("feedbackScore")
        labels = {
            5: self.tr("5 — delighted"),
            4: self.tr("4 — happy"),
            3: self.tr("3 — all right"),
            2: self.tr("2 — unhappy"),
            1: self.tr("1 — very unhappy"),
        }
        for score, label in labels.items():
            self.score.addItem(label, score)
        self.note = QLineEdit()
        self.note.setObjectName("feedbackNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(self.tr("What could be better, what they would like next"))
        hint = plain_label(
            self.tr(
                "A score of 2 or less calls off the referral ask and plans a recovery call; "
                "4 or more brings the referral ask forward."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("&Score"), self.score)
        form.addRow(self.tr("&What they said"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(ok_cancel(self, self.tr("&Record feedback")))
        self.score.setFocus()

    def score_value(self) -> int:
        return int(self.score.currentData())

    def note_text(self) -> str:
        return self.note.text()
