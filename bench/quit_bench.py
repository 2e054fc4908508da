"""Quitting: from closing the window to the process being gone, on the 50k book, beside an
empty Qt window's own exit (the floor), alternating."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.data import TODAY, working_copy
from bench.figures import figure

RUNS = 5
# Long enough for Today to fill and the services to take the list over.
CLOSE_AFTER_MS = 6000

# The app as `followup` starts it (ui.gui.run_gui), closed by a timer like a user would.
APP = """
import sys, time
from pathlib import Path
from argparse import Namespace
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.gui

def close():
    from ui.main_window import MainWindow
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    print("closing", time.time(), flush=True)
    window.close()

# run_gui takes this application over; a timer needs one to exist first.
app = QApplication(sys.argv[:1])
QTimer.singleShot(int(sys.argv[2]), close)
ui.gui.run_gui(Namespace(db=Path(sys.argv[1]), minimized=False))
"""
# The floor: a bare Qt window closed the same way, leaving as any Python program does.
EMPTY = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(500, lambda: (print("closing", time.time(), flush=True), window.close()))
sys.exit(app.exec())
"""


def _seconds_to_exit(code: str, args: list[str], config: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FOLLOWUP_CONFIG_DIR=str(config))
    env["FOLLOWUP_TODAY"] = TODAY.isoformat()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert process.stdout is not None
    closing = None
    for line in process.stdout:
        name, _, value = line.strip().partition(" ")
        if name == "closing":
            closing = float(value)
    process.wait()
    gone = time.time()
    if closing is None or process.returncode != 0:
        raise RuntimeError(f"quit probe ended with {process.returncode} before closing")
    return gone - closing


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = working_copy(Path(folder))
        config = Path(folder) / "config"
        empty, app = [], []
        for _ in range(RUNS):
            empty.append(_seconds_to_exit(EMPTY, [], config))
            app.append(_seconds_to_exit(APP, [str(path), str(CLOSE_AFTER_MS)], config))
    return [figure("quit_s", statistics.median(app), "s", statistics.median(empty))]
