"""A damaged database at start: restore the newest good backup, rescue rows, or start empty."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.clock import clock_from_environment
from app.context import AppContext, build_context
from app.errors import KnownError
from app.i18n import _
from app.services.backups import BackupService
from app.services.recovery import (
    DamagedDatabase,
    SalvageWouldLose,
    salvage_database,
    start_empty,
)
from ui.error_text import shown


class RecoveryDialog(QMessageBox):
    """Says what happened in plain words; the buttons are the ways out."""

    def __init__(self, error: DamagedDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(_("Your planner file is damaged"))
        self.setText(
            _(
                "Follow-Up Planner cannot read {file}: the file is damaged (for example by a "
                "disk error or a crash of the computer). It has not been changed."
            ).format(file=error.db_path)
        )
        self.restore = self.salvage = None
        backup = error.good_backup
        if backup is not None:
            self.setInformativeText(
                _(
                    "The newest good backup is from {time} UTC. Restoring it keeps the damaged "
                    "file in your backups folder."
                ).format(time=f"{backup.created:%Y-%m-%d %H:%M}")
            )
            self.restore = self.addButton(
                _("Restore the backup"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            self.setInformativeText(
                _(
                    "No good backup was found. The readable parts can be copied into a "
                    "new file; the damaged one is kept in your backups folder."
                )
            )
        self.salvage = self.addButton(
            _("Rescue what is readable"), QMessageBox.ButtonRole.ActionRole
        )
        self.empty = self.addButton(_("Start empty"), QMessageBox.ButtonRole.DestructiveRole)
        self.quit = self.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore or self.salvage)


def recover(error: DamagedDatabase, parent: QWidget | None) -> AppContext | None:
    """Ask, carry out the choice, and open the repaired database; None when the user quits."""
    dialog = RecoveryDialog(error, parent)
    dialog.exec()
    clicked = dialog.clickedButton()
    clock = clock_from_environment()
    backups = BackupService(error.db_path, error.backup_dir, clock)
    try:
        if clicked is dialog.restore and error.good_backup is not None:
            backups.restore(error.good_backup.name)
        elif clicked is dialog.salvage:
            rescue(backups, parent, dialog)
        elif clicked is dialog.empty:
            start_empty(backups)
        else:
            return None
        return build_context(error.db_path)
    except KnownError as exc:
        QMessageBox.critical(parent, _("Follow-Up Planner"), shown(exc))
        return None


def rescue(backups: BackupService, parent: QWidget | None, dialog: QMessageBox) -> None:
    """Salvage; when that would leave less than before, ask before replacing the file."""
    clock = clock_from_environment()
    try:
        salvage_database(backups, clock)
    except SalvageWouldLose as loss:
        answer = QMessageBox.question(
            parent,
            _("Follow-Up Planner"),
            _("{loss}\n\nReplace the damaged file with what was rescued anyway?").format(
                loss=loss.message
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        salvage_database(backups, clock, accept_loss=True)
