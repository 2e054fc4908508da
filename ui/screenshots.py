"""Render the main screens with sample data to docs/screenshots/*.png (make.py screenshots)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.clock import clock_from_environment
from app.context import build_context
from app.demo import create_demo_database

if TYPE_CHECKING:
    from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def _settle(app: QApplication, rounds: int = 30) -> None:
    # Lazily rendered cells (draft subjects) fill over a few event-loop passes.
    for _ in range(rounds):
        app.processEvents()


def _save(widget: QWidget, name: str, app: QApplication) -> Path:
    _settle(app)
    target = OUT / f"{name}.png"
    widget.grab().save(str(target))
    print(f"wrote {target}")
    return target


def _dialog_shot(app: QApplication, open_dialog: Callable[[], object], name: str) -> None:
    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            _save(dialog, name, app)
            dialog.reject()
        else:
            QTimer.singleShot(50, grab)

    QTimer.singleShot(300, grab)
    open_dialog()


def _draft_shots(window: MainWindow, app: QApplication, suffix: str) -> None:
    """Today with a draft of each form selected: a message, a short text, a call script and
    a recovery checklist (the list looks further ahead until it has one of each)."""
    workspace = window.workspace
    assert workspace is not None
    today, model = workspace.today, workspace.today.model
    wanted = {"message", "short", "script", "checklist"}
    context = workspace.context
    if not any(row.status == "at_risk" for row in context.commitments.find(open_only=True)):
        # A recovery's checklist needs a promise at risk: the first open one becomes one.
        open_promises = context.commitments.find(open_only=True)
        if open_promises:
            context.commitments.at_risk(open_promises[0].id, "The supplier is two weeks late.")
    workspace.today_view.days.setValue(60)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    for row in range(model.rowCount()):
        item = model.touchpoint_at(row)
        if item is None:
            continue
        form = context.drafts.draft(item.id).form
        if form in wanted:
            wanted.discard(form)
            today.view.table.selectRow(row)
            today.view.table.scrollTo(model.index(row, 0))
            _save(window, f"draft-{form}{suffix}", app)
    workspace.today_view.days.setValue(7)
    if wanted:
        print(f"no follow-up in the sample data takes the form: {', '.join(sorted(wanted))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make.py screenshots")
    parser.add_argument("--scale", default="", help="e.g. 1.5 to check 150%% scaling")
    options = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.main_window import MainWindow
    from ui.workspace_shell import CUSTOMERS, PLANS, TODAY

    suffix = f"-{options.scale.replace('.', '_')}x" if options.scale else ""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        empty = MainWindow()
        empty.resize(1200, 760)
        empty.show()
        empty.attach(build_context(Path(folder) / "empty.sqlite3"))
        _save(empty, f"welcome{suffix}", app)
        empty.close()

        path = create_demo_database(Path(folder) / "demo.sqlite3", clock_from_environment())
        window = MainWindow()
        window.resize(1280, 720)
        window.show()
        window.attach(build_context(path), demo=True)
        workspace = window.workspace
        assert workspace is not None
        workspace.go(TODAY)
        workspace.today_view.table.selectRow(1)
        _save(window, f"today{suffix}", app)
        _draft_shots(window, app, suffix)
        workspace.go(CUSTOMERS)
        workspace.customers_view.table.selectRow(3)
        _save(window, f"customers{suffix}", app)
        customer = workspace.customers.selected()
        assert customer is not None
        workspace.open_customer(customer.id)
        _save(window, f"customer-page{suffix}", app)
        workspace.go(PLANS)
        _save(window, f"plans{suffix}", app)
        _dialog_shot(app, workspace.record_sale, f"record-sale{suffix}")
        context = workspace.context
        _dialog_shot(app, lambda: SettingsDialog(context, window).exec(), f"settings{suffix}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
