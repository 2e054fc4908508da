"""Render the main screens with sample data to docs/screenshots/*.png (make.py screenshots)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QStyleFactory, QWidget

from app import i18n
from app.clock import clock_from_environment
from app.context import build_context
from app.demo import create_demo_database
from app.i18n import PSEUDO
from app.language_choice import choose
from ui.language import apply

if TYPE_CHECKING:
    from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def _settle(app: QApplication, rounds: int = 30) -> None:
    # Lazily rendered cells (draft subjects) fill over a few event-loop passes.
    for _round in range(rounds):
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


def _theme(app: QApplication, dark: bool) -> None:
    """Fusion in its own light palette or in a dark one, whatever this desktop uses."""
    from ui.look.palettes import dark_palette

    style = QStyleFactory.create("Fusion")
    app.setStyle(style)
    app.setPalette(dark_palette() if dark else style.standardPalette())


def _session(app: QApplication, folder: Path, size: tuple[int, int], suffix: str) -> None:
    """Every screen over the sample data at one window size and palette."""
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.main_window import MainWindow
    from ui.workspace_shell import CUSTOMERS, INSIGHTS, PLANS, PROMISES, TODAY

    empty = MainWindow()
    empty.resize(*size)
    empty.show()
    empty.attach(build_context(folder / f"empty{suffix}.sqlite3"))
    _save(empty, f"welcome{suffix}", app)
    empty.close()

    path = create_demo_database(folder / f"demo{suffix}.sqlite3", clock_from_environment())
    window = MainWindow()
    window.resize(*size)
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
    workspace.go(PROMISES)
    _save(window, f"promises{suffix}", app)
    workspace.go(PLANS)
    _save(window, f"plans{suffix}", app)
    workspace.go(INSIGHTS)
    _save(window, f"insights{suffix}", app)
    _dialog_shot(app, workspace.record_sale, f"record-sale{suffix}")
    context = workspace.context
    _dialog_shot(app, lambda: SettingsDialog(context, window).exec(), f"settings{suffix}")
    window.close()


# Today and a draft in these languages (qps: the pseudo-locale, Today only), each rendered by
# its own run with FOLLOWUP_LANGUAGE set, as a user's start would choose it.
LANGUAGE_SHOTS = ("qps", "nl", "uk")


def _language_session(app: QApplication, folder: Path, code: str) -> None:
    """Today (and, in a real language, its draft pane) in the interface language `code`."""
    from ui.main_window import MainWindow
    from ui.workspace_shell import TODAY

    path = create_demo_database(folder / f"demo-{code}.sqlite3", clock_from_environment())
    window = MainWindow()
    window.resize(1280, 720)
    window.show()
    window.attach(build_context(path), demo=True)
    workspace = window.workspace
    assert workspace is not None
    workspace.go(TODAY)
    workspace.today_view.table.selectRow(1)
    _save(window, f"today-{code}", app)
    if code != PSEUDO:
        workspace.today_view.table.selectRow(0)
        _save(window, f"draft-{code}", app)
    window.close()


def _other_languages() -> None:
    """Each language's shots in a process of its own: the language is chosen at start."""
    for code in LANGUAGE_SHOTS:
        env = dict(os.environ, FOLLOWUP_LANGUAGE=code)
        command = [sys.executable, "-m", "ui.screenshots", "--language", code]
        subprocess.run(command, env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make.py screenshots")
    parser.add_argument(
        "--quick", action="store_true", help="only the README's pictures (light, 1280x720)"
    )
    parser.add_argument(
        "--language", help="only Today and a draft in this language (FOLLOWUP_LANGUAGE's)"
    )
    options = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    OUT.mkdir(parents=True, exist_ok=True)
    # English unless FOLLOWUP_LANGUAGE says otherwise: the README's pictures are in English
    # whatever language this machine speaks.
    apply(i18n.use(choose("", lambda: i18n.ENGLISH)), app)
    if options.language:
        _theme(app, False)
        with tempfile.TemporaryDirectory() as folder:
            _language_session(app, Path(folder), i18n.current())
        return 0
    # The README's pictures, then the same screens dark and on a big screen, to look at.
    sessions = [((1280, 720), False, "")]
    if not options.quick:
        sessions += [
            ((1280, 720), True, "-dark"),
            ((1920, 1080), False, "-1920"),
            ((1920, 1080), True, "-1920-dark"),
        ]
    with tempfile.TemporaryDirectory() as folder:
        for size, dark, suffix in sessions:
            _theme(app, dark)
            _session(app, Path(folder), size, suffix)
    if not options.quick:
        _other_languages()
    return 0


if __name__ == "__main__":
    sys.exit(main())
