"""The value-add library: articles, papers, events and introductions worth sending."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from app.dto.outreach import LIBRARY_KINDS, LibraryInput
from app.i18n import N_, _
from app.services.library import LibraryService
from ui.dialogs.directory_dialog import DirectoryDialog
from ui.dialogs.form_parts import date_edit, date_of

KIND_LABELS = {
    "article": N_("Article"),
    "paper": N_("White paper"),
    "event": N_("Event"),
    "introduction": N_("Introduction"),
    "newsletter": N_("Newsletter"),
    "other": N_("Other"),
}


class LibraryDialog(DirectoryDialog):
    """List + form; Save stores the item shown, New starts an empty one."""

    def __init__(
        self, service: LibraryService, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Value-add library"), parent)
        self._service = service
        self._today = today
        self.title = QLineEdit()
        self.title.setObjectName("libraryTitle")
        self.kind = QComboBox()
        for key in LIBRARY_KINDS:
            self.kind.addItem(_(KIND_LABELS[key]), key)
        self.url = QLineEdit()
        self.url.setObjectName("libraryUrl")
        self.url.setPlaceholderText("https://")
        self.tags = QLineEdit()
        self.tags.setObjectName("libraryTags")
        self.tags.setPlaceholderText(_("Comma-separated, e.g. forklifts, safety"))
        self.industries = QLineEdit()
        self.industries.setPlaceholderText(_("Comma-separated, e.g. logistics"))
        self.expires = QCheckBox(_("E&xpires"))
        self.expires_on = date_edit(today + dt.timedelta(days=90))
        self.expires_on.setEnabled(False)
        self.expires.toggled.connect(self.expires_on.setEnabled)
        expiry = QHBoxLayout()
        expiry.addWidget(self.expires)
        expiry.addWidget(self.expires_on, 1)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.form.addRow(_("&Title*"), self.title)
        self.form.addRow(_("&Kind"), self.kind)
        self.form.addRow(_("&Link"), self.url)
        self.form.addRow(_("T&ags"), self.tags)
        self.form.addRow(_("&Industries"), self.industries)
        self.form.addRow("", expiry)
        self.form.addRow(_("N&ote"), self.note)
        self.reload()
        self.title.setFocus()

    def load_rows(self) -> list[tuple[int, str]]:
        rows = []
        for item in self._service.find():
            expired = item.expires_on is not None and item.expires_on < self._today
            title = _("{title} (expired)").format(title=item.title) if expired else item.title
            rows.append((item.id, title))
        return rows

    def fill(self, row_id: int) -> None:
        item = next(found for found in self._service.find() if found.id == row_id)
        self.title.setText(item.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.url.setText(item.url)
        self.tags.setText(", ".join(item.tags))
        self.industries.setText(", ".join(item.industries))
        self.expires.setChecked(item.expires_on is not None)
        if item.expires_on is not None:
            self.expires_on.setDate(date_edit(item.expires_on).date())
        self.note.setPlainText(item.note)

    def clear_form(self) -> None:
        for edit in (self.title, self.url, self.tags, self.industries):
            edit.clear()
        self.kind.setCurrentIndex(0)
        self.expires.setChecked(False)
        self.note.clear()
        self.title.setFocus()

    def save(self, row_id: int | None) -> int:
        data = LibraryInput(
            title=self.title.text(),
            kind=str(self.kind.currentData()),
            url=self.url.text(),
            note=self.note.toPlainText(),
            tags=self.tags.text(),
            industries=self.industries.text(),
            expires_on=date_of(self.expires_on) if self.expires.isChecked() else None,
        )
        if row_id is None:
            return self._service.add(data).id
        return self._service.update(row_id, data).id
