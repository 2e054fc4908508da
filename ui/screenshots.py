"""Render the main screens with sample data to docs/screenshots/*.png (make.py screenshots)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.clock import clock_from_environment
from app.context import build_context
from app.demo import create_demo_database

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
        window.resize(1200, 760)
        window.show()
        window.attach(build_context(path), demo=True)
        workspace = window.workspace
        assert workspace is not None
        workspace.go(TODAY)
        workspace.today_view.table.selectRow(1)
        _save(window, f"today{suffix}", app)
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
