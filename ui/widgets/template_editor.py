"""Message template editor: subject + body, unknown {{fields}} marked as you type, live preview."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.dto.plans import FieldProblem
from app.i18n import _, ngettext
from app.services.templates import FIELD_PATTERN, MERGE_FIELDS, find_problems, render

ERROR_COLOR = QColor(200, 30, 30)


def utf16_offset(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points (they differ for emoji)."""
    return len(text[:index].encode("utf-16-le")) // 2


class MergeFieldHighlighter(QSyntaxHighlighter):
    """Known fields in the link colour, unknown ones red with a wavy underline."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor.document())
        self.known = QTextCharFormat()
        self.known.setForeground(editor.palette().color(QPalette.ColorRole.Link))
        self.unknown = QTextCharFormat()
        self.unknown.setForeground(ERROR_COLOR)
        self.unknown.setFontWeight(QFont.Weight.Bold)
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(ERROR_COLOR)
        self.unknown.setToolTip(_("Unknown merge field"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        for match in FIELD_PATTERN.finditer(text):
            self._mark(text, match.start(), match.end(), self.known)
        for problem in find_problems(text):
            self._mark(text, problem.start, problem.end, self.unknown)

    def _mark(self, text: str, start: int, end: int, style: QTextCharFormat) -> None:
        first = utf16_offset(text, start)
        self.setFormat(first, utf16_offset(text, end) - first, style)


def problem_text(problems: list[FieldProblem]) -> str:
    """'Unknown merge field {{customer_nme}}: did you mean {{customer_name}}?'."""
    names = list(dict.fromkeys(problem.name for problem in problems))
    shown = ", ".join(
        _("unmatched {brace}").format(brace=name) if name in ("{{", "}}") else f"{{{{{name}}}}}"
        for name in names
    )
    text = ngettext(
        "Unknown merge field {fields}.", "Unknown merge fields {fields}.", len(names)
    ).format(fields=shown)
    guesses = difflib.get_close_matches(names[0], list(MERGE_FIELDS), n=1)
    if guesses:
        text += " " + _("Did you mean {field}?").format(field=f"{{{{{guesses[0]}}}}}")
    return text + " " + _("Insert field lists the ones you can use.")


class TemplateEditor(QWidget):
    """Edits one step's subject and body; `set_values` supplies the preview's merge values."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, str] = {}
        self.subject = QLineEdit()
        self.subject.setObjectName("templateSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.highlighter = MergeFieldHighlighter(self.body)
        self._target: QLineEdit | QPlainTextEdit = self.body

        self.fields = QMenu(self)
        for name, description in MERGE_FIELDS.items():
            action = self.fields.addAction(f"{{{{{name}}}}}\t{_(description)}")
            action.setData(name)
            action.setStatusTip(_(description))
        self.fields.triggered.connect(lambda action: self.insert_field(str(action.data())))
        self.insert = QToolButton()
        self.insert.setObjectName("insertField")
        self.insert.setText(_("Insert &field"))
        self.insert.setToolTip(_("Put a merge field at the cursor"))
        self.insert.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert.setMenu(self.fields)

        self.warning = QLabel()
        self.warning.setObjectName("templateWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(f"color: {ERROR_COLOR.name()}; font-weight: bold;")
        self.warning.hide()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.subject_mark = self.subject.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.subject_mark.setVisible(False)

        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        self.preview_subject = QLabel()
        self.preview_subject.setObjectName("previewSubject")
        self.preview_subject.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_subject.setWordWrap(True)
        bold = self.preview_subject.font()
        bold.setBold(True)
        self.preview_subject.setFont(bold)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("templatePreview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.preview.setAccessibleName(_("Preview"))

        subject_label = QLabel(_("Subj&ect"))
        subject_label.setBuddy(self.subject)
        body_label = QLabel(_("B&ody"))
        body_label.setBuddy(self.body)
        subject_row = QHBoxLayout()
        subject_row.addWidget(subject_label)
        subject_row.addWidget(self.subject, 1)
        subject_row.addWidget(self.insert)
        # Side by side: the preview changes in view while you type.
        grid = QGridLayout()
        grid.addWidget(body_label, 0, 0)
        grid.addWidget(self.preview_title, 0, 1)
        grid.addWidget(self.body, 1, 0, 2, 1)
        grid.addWidget(self.preview_subject, 1, 1)
        grid.addWidget(self.preview, 2, 1)
        grid.addWidget(self.warning, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(subject_row)
        layout.addLayout(grid, 1)
        QWidget.setTabOrder(self.subject, self.insert)
        QWidget.setTabOrder(self.insert, self.body)
        QWidget.setTabOrder(self.body, self.preview)

        for editor in (self.subject, self.body):
            editor.installEventFilter(self)
        self.subject.textChanged.connect(self._on_edit)
        self.body.textChanged.connect(self._on_edit)

    # --- what the controller uses ------------------------------------------------------
    def set_template(self, subject: str, body: str) -> None:
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self._on_edit()

    def subject_text(self) -> str:
        return self.subject.text()

    def body_text(self) -> str:
        return self.body.toPlainText()

    def set_values(self, values: Mapping[str, str], title: str) -> None:
        """Merge values for the preview (a sample customer and your profile)."""
        self._values = dict(values)
        self.preview_title.setText(title)
        self._update_preview()

    def problems(self) -> list[FieldProblem]:
        """Unknown fields in the subject, then the body."""
        return find_problems(self.subject_text()) + find_problems(self.body_text())

    def insert_field(self, name: str) -> None:
        """Put {{name}} at the cursor of the subject or body, whichever was edited last."""
        text = f"{{{{{name}}}}}"
        if isinstance(self._target, QLineEdit):
            self._target.insert(text)
        else:
            self._target.insertPlainText(text)
        self._target.setFocus()

    # --- internals ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            if watched is self.subject:
                self._target = self.subject
            elif watched is self.body:
                self._target = self.body
        return super().eventFilter(watched, event)

    def _on_edit(self) -> None:
        problems = self.problems()
        self.warning.setVisible(bool(problems))
        self.warning.setText(problem_text(problems) if problems else "")
        subject_problems = find_problems(self.subject_text())
        self.subject_mark.setVisible(bool(subject_problems))
        self.subject_mark.setToolTip(problem_text(subject_problems) if subject_problems else "")
        self._update_preview()
        self.changed.emit()

    def _update_preview(self) -> None:
        self.preview_subject.setText(render(self.subject_text(), self._values))
        self.preview.setPlainText(render(self.body_text(), self._values))
