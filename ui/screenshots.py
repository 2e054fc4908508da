"""Render the main screens with sample data to docs/screenshots/*.png (make.py screenshots)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
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


def dark_palette() -> QPalette:
    """A dark desktop theme's roles (as KDE's Breeze Dark sets them), to check the screens
    that paint with palette colours read well on it too."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2a2e32",
        QPalette.ColorRole.WindowText: "#fcfcfc",
        QPalette.ColorRole.Base: "#1b1e20",
        QPalette.ColorRole.AlternateBase: "#232629",
        QPalette.ColorRole.Text: "#fcfcfc",
        QPalette.ColorRole.Button: "#31363b",
        QPalette.ColorRole.ButtonText: "#fcfcfc",
        QPalette.ColorRole.Highlight: "#3daee9",
        QPalette.ColorRole.HighlightedText: "#fcfcfc",
        QPalette.ColorRole.PlaceholderText: "#a1a9b1",
        QPalette.ColorRole.ToolTipBase: "#31363b",
        QPalette.ColorRole.ToolTipText: "#fcfcfc",
        QPalette.ColorRole.Link: "#1d99f3",
        QPalette.ColorRole.Mid: "#4d5257",
        QPalette.ColorRole.Dark: "#1b1e20",
        QPalette.ColorRole.Light: "#4a5056",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7175"))
    return palette


def _insights_shots(app: QApplication, window: QWidget, workspace: object, suffix: str) -> None:
    """Insights in light and in dark, the window tall enough for four of the six cards."""
    from ui.workspace import Workspace
    from ui.workspace_shell import INSIGHTS

    assert isinstance(workspace, Workspace)
    size = window.size()
    window.resize(1280, 1000)
    workspace.go(INSIGHTS)
    _save(window, f"insights{suffix}", app)
    light = app.palette()
    app.setPalette(dark_palette())
    _save(window, f"insights-dark{suffix}", app)
    app.setPalette(light)
    window.resize(size)


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
        _insights_shots(app, window, workspace, suffix)
        _dialog_shot(app, workspace.record_sale, f"record-sale{suffix}")
        context = workspace.context
        _dialog_shot(app, lambda: SettingsDialog(context, window).exec(), f"settings{suffix}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
