"""Backups: the list (newest first), Back up now, and Restore… with a confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto.system import BackupInfo
from app.i18n import N_, _
from app.progress import Progress
from app.services.backups import BackupService
from ui.background import BackgroundTask, run_in_background
from ui.numbers import count_text

REASONS = {
    "start": N_("at start"),
    "manual": N_("backed up by you"),
    "import": N_("before an import"),
    "migration": N_("before an upgrade"),
    "before-restore": N_("replaced by a restore"),
    "damaged": N_("damaged file, set aside"),
}


class BackupsDialog(QDialog):
    """restore(name) is the window's: it closes the database, restores and reopens it."""

    def __init__(
        self,
        backups: BackupService,
        restore: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Backups"))
        self.setMinimumSize(620, 380)
        self._backups = backups
        self._restore = restore
        self.task: BackgroundTask | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Taken (UTC)"), _("Why"), _("Size"), _("File")])
        self.tree.setRootIsDecorated(False)
        self.back_up = QPushButton(_("&Back up now"))
        self.back_up.clicked.connect(self._back_up)
        self.restore_button = QPushButton(_("&Restore…"))
        self.restore_button.clicked.connect(self._confirm_restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.back_up, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            _(
                "Backups are kept in {folder}: daily, weekly and monthly ones, and those taken "
                "before imports and upgrades for 30 days."
            ).format(folder=backups.backup_dir)
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        self.tree.clear()
        for info in self._backups.entries():
            item = QTreeWidgetItem(
                [
                    f"{info.created:%Y-%m-%d %H:%M:%S}",
                    _(REASONS[info.reason]) if info.reason in REASONS else info.reason,
                    _("{size} KB").format(size=count_text(info.size / 1024)),
                    info.name,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, info.name)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.restore_button.setEnabled(self.tree.topLevelItemCount() > 0)
        self.tree.resizeColumnToContents(0)

    def selected(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def _back_up(self) -> None:
        def work(_progress: Progress) -> BackupInfo:
            return self._backups.create("manual")

        self.back_up.setEnabled(False)
        self.task = run_in_background(work, _("Backing up"), self, self._backed_up, self._failed)

    def _backed_up(self, _info: BackupInfo) -> None:
        self.task = None
        self.back_up.setEnabled(True)
        self.load()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.back_up.setEnabled(True)
        QMessageBox.warning(self, _("Backups"), message)

    def _confirm_restore(self) -> None:
        name = self.selected()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            _("Restore backup"),
            _(
                "Replace your current data with the backup {name}?\n\nYour current data is "
                "kept as a backup of its own, so this can be undone."
            ).format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self._restore(name)
