"""The import dialog, the backups dialog (restore while open) and the damaged-file dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.services.backups import BackupService
from app.services.recovery import damaged_database
from ui.dialogs.backups_dialog import BackupsDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.recovery_dialog import RecoveryDialog, recover
from ui.item_models.import_tables import CHOICE_COLUMN, DuplicateTable, ErrorTable
from ui.main_window import MainWindow

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def test_preview_tables_pass_the_model_tester(context: AppContext, qtmodeltester: object) -> None:
    context.customers.add(CustomerInput(name="Ana Silva", email="ana@acme.example"))
    preview = context.importing.preview(SAMPLES / "google_contacts_classic.csv")
    duplicates = DuplicateTable(preview.plan.duplicates)
    qtmodeltester.check(duplicates)  # type: ignore[attr-defined]
    qtmodeltester.check(ErrorTable(preview.plan.errors))  # type: ignore[attr-defined]
    assert duplicates.setData(duplicates.index(0, CHOICE_COLUMN), "merge")
    assert duplicates.choices == {2: "merge"}


def test_import_dialog_imports_with_the_chosen_duplicate_handling(
    qtbot: QtBot, context: AppContext
) -> None:
    ana = context.customers.add(CustomerInput(name="Ana Silva", email="ana@acme.example"))
    preview = context.importing.preview(SAMPLES / "google_contacts_classic.csv")
    dialog = ImportDialog(context, preview)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert (
        "Google Contacts" in text and "1 new, 1 look like existing customers, 1 with errors" in text
    )
    assert not dialog.mapping_box.isVisibleTo(dialog)
    dialog.default_choice.setCurrentIndex(dialog.default_choice.findData("merge"))
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert (result.added, result.merged) == (1, 1)
    assert context.customers.get(ana.id).company == "Acme"


def test_unknown_csv_shows_the_column_choice_and_remaps(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Kunde;Wer;Mail\r\nAcme;Ana Silva;ana@acme.example\r\n", encoding="utf-8")
    dialog = ImportDialog(context, context.importing.preview(path))
    qtbot.addWidget(dialog)
    assert dialog.mapping is not None and dialog.mapping_box.isVisibleTo(dialog)
    assert dialog.preview.plan.new[0].values["name"] == "Acme"
    boxes = dialog.mapping.boxes
    boxes["name"].setCurrentIndex(boxes["name"].findData("Wer"))
    boxes["company"].setCurrentIndex(boxes["company"].findData("Kunde"))
    boxes["email"].setCurrentIndex(boxes["email"].findData("Mail"))
    dialog.apply_mapping.click()
    values = dialog.preview.plan.new[0].values
    assert (values["name"], values["company"], values["email"]) == (
        "Ana Silva", "Acme", "ana@acme.example",
    )  # fmt: skip


def test_backups_dialog_restores_while_the_window_is_open(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.context is not None
    window.context.customers.add(CustomerInput(name="Before"))
    dialog = BackupsDialog(window.context.backups, window.restore_backup, window)
    qtbot.addWidget(dialog)
    dialog.back_up.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    assert dialog.tree.topLevelItemCount() == 1
    window.context.customers.add(CustomerInput(name="After"))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    old_context = window.context
    dialog.restore_button.click()
    # The window closed the database, restored the file and opened it again.
    assert window.context is not None and window.context is not old_context
    assert window.context.customers.count() == 1
    assert [b.reason for b in window.context.backups.entries()] == ["before-restore", "manual"]


def test_recovery_dialog_restores_the_newest_good_backup(
    db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = BackupService(db_path, db_path.parent / "backups", FixedClock(NOW))
    good = service.create("manual")
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    error = damaged_database(db_path, service.backup_dir, "test damage", FixedClock(NOW))
    assert error.good_backup == good
    dialog = RecoveryDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.restore is not None and "2026-11-23" in dialog.informativeText()

    def choose_restore(self: RecoveryDialog) -> int:
        self.restore.click()  # type: ignore[union-attr]
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", choose_restore)
    context = recover(error, None)
    assert context is not None
    try:
        assert context.customers.count() == 0
        assert "damaged" in [b.reason for b in context.backups.entries()]
    finally:
        context.close()


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_recovery_dialog_asks_before_a_rescue_that_saved_nothing(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "planner.sqlite3"
    garbage = b"\x00garbage" * 1000
    path.write_bytes(garbage)
    error = damaged_database(path, tmp_path / "backups", "test damage", FixedClock(NOW))
    assert error.good_backup is None

    def choose_salvage(self: RecoveryDialog) -> int:
        self.salvage.click()  # type: ignore[union-attr]
        return 0

    asked: list[str] = []
    reply = QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No
    monkeypatch.setattr(RecoveryDialog, "exec", choose_salvage)
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or reply
    )
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: None)
    context = recover(error, None)
    assert len(asked) == 1 and "nothing could be rescued" in asked[0]
    if answer == "no":
        assert context is None and path.read_bytes() == garbage
    else:
        assert context is not None
        context.close()
        assert path.read_bytes() != garbage


def test_preview_lists_warnings_and_merge_pairs_to_accept_or_refuse(
    qtbot: QtBot, context: AppContext
) -> None:
    preview = context.importing.preview(SAMPLES / "duplicates_in_file.csv")
    dialog = ImportDialog(context, preview)
    qtbot.addWidget(dialog)
    pairs = dialog.duplicate_model
    shown = [
        [pairs.index(row, column).data() for column in range(pairs.columnCount())]
        for row in range(pairs.rowCount())
    ]
    assert shown == [
        [4, "A. Schmidt · 040 123456", "Anna Schmidt", "same phone and a similar name as row 2",
         "Skip this row"],
        [5, "Anna S. · anna@kranbau.example", "Anna Schmidt", "same e-mail as row 2",
         "Skip this row"],
    ]  # fmt: skip
    assert pairs.setData(pairs.index(0, CHOICE_COLUMN), "add")  # refused: a person of their own
    assert pairs.setData(pairs.index(1, CHOICE_COLUMN), "merge")  # accepted
    assert pairs.index(1, CHOICE_COLUMN).data() == "Accept: merge (fill empty fields)"
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert (result.added, result.merged, result.skipped) == (3, 1, 0)

    bad = ImportDialog(context, context.importing.preview(SAMPLES / "one_bad_field.vcf"))
    qtbot.addWidget(bad)
    assert "12 new" in bad.summary.text() and "5 values kept in the notes" in bad.summary.text()
    warnings = bad.warning_model
    assert warnings.rowCount() == 5
    assert [warnings.index(0, column).data() for column in range(3)] == ["2", "phone", "pager"]
    assert bad.tabs.tabText(1) == "Kept in the notes (5)"


def test_choosing_another_encoding_reads_the_file_again(qtbot: QtBot, context: AppContext) -> None:
    dialog = ImportDialog(context, context.importing.preview(SAMPLES / "cp1251.csv"))
    qtbot.addWidget(dialog)
    assert "encoding Windows-1251" in dialog.summary.text()
    assert dialog.preview.plan.new[0].values["name"] == "Иван Петров 0"
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))
    dialog.encoding.activated.emit(dialog.encoding.currentIndex())
    assert "encoding Windows-1252" in dialog.summary.text()
    assert dialog.preview.plan.new[0].values["name"] != "Иван Петров 0"
