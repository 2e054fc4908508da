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
from app.progress import Progress
from app.services.backups import BackupService
from ui.background import BackgroundTask, run_in_background
from ui.texts import fill

REASONS = {
    "start": "at start",
    "manual": "backed up by you",
    "import": "before an import",
    "migration": "before an upgrade",
    "before-restore": "replaced by a restore",
    "damaged": "damaged file, set aside",
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
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumSize(620, 380)
        self._backups = backups
        self._restore = restore
        self.task: BackgroundTask | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Taken (UTC)"), self.tr("Why"), self.tr("Size"), self.tr("File")]
        )
        self.tree.setRootIsDecorated(False)
        self.back_up = QPushButton(self.tr("&Back up now"))
        self.back_up.clicked.connect(self._back_up)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self._confirm_restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.back_up, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            fill(
                self.tr(
                    "Backups are kept in %1: daily, weekly and monthly ones, and those taken "
                    "before imports and upgrades for 30 days."
                ),
                str(backups.backup_dir),
            )
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
                    self.tr(REASONS.get(info.reason, info.reason)),
                    f"{info.size / 1024:,.0f} KB",
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
        self.task = run_in_background(
            work, self.tr("Backing up"), self, self._backed_up, self._failed
        )

    def _backed_up(self, _info: BackupInfo) -> None:
        self.task = None
        self.back_up.setEnabled(True)
        self.load()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.back_up.setEnabled(True)
        QMessageBox.warning(self, self.tr("Backups"), message)

    def _confirm_restore(self) -> None:
        name = self.selected()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            fill(
                self.tr(
                    "Replace your current data with the backup %1?\n\nYour current data is "
                    "kept as a backup of its own, so this can be undone."
                ),
                name,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self._restore(name)
