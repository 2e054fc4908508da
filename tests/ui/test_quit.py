"""Issue #16 item 10: quitting is immediate; the log and the window layout are kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.shutdown import QUIT_WAIT_MS

LEAVE = """
import logging, sys
from PySide6.QtCore import QCoreApplication
from ui.shutdown import leave
app = QCoreApplication([])
handler = logging.FileHandler(sys.argv[1], encoding="utf-8")
logging.getLogger().addHandler(handler)
logging.getLogger().warning("the last line before quitting")
print("printed, not yet flushed", end="")
leave(3)
"""


def test_leaving_ends_the_process_with_its_code_and_keeps_the_log(tmp_path: Path) -> None:
    log = tmp_path / "followup.log"
    done = subprocess.run(
        [sys.executable, "-c", LEAVE, str(log)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout == "printed, not yet flushed"
    assert log.read_text(encoding="utf-8") == "the last line before quitting\n"


def test_closing_the_window_cancels_a_sync_without_waiting_long(
    qtbot: QtBot, window: MainWindow
) -> None:
    runner = window.sync_runner
    assert runner is not None
    waits: list[int] = []
    runner.stop = waits.append  # type: ignore[method-assign]
    window.close()
    assert waits == [QUIT_WAIT_MS] and window.sync_runner is None and window.context is None
