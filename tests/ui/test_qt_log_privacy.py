"""Qt's own log lines never carry a customer's address or a message body (issue #15 item 7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui.qt_log import redact

ROOT = Path(__file__).resolve().parents[2]
MAILTO = "mailto:maria.becker@example.com?subject=Thank%20you&body=Dear%20Maria%2C%20your%20order"

OPEN_MAIL = f"""
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from ui.qt_log import install_qt_log
app = QApplication([])
install_qt_log()
QDesktopServices.openUrl(QUrl({MAILTO!r}))
"""


def test_opening_a_mail_link_without_a_mail_client_logs_no_address_or_body(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    # No desktop to hand the link to: Qt says so, which is the line that leaked.
    env.pop("XDG_CURRENT_DESKTOP", None)
    env["PATH"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", OPEN_MAIL], env=env, capture_output=True, text=True, timeout=60
    )
    output = done.stdout + done.stderr
    assert "maria.becker" not in output
    assert "Dear" not in output and "order" not in output


def test_redaction_keeps_the_kind_of_link_and_the_rest_of_the_line() -> None:
    line = f"qt.qpa.services: Unable to detect a launcher for '{MAILTO}'"
    assert redact(line) == "qt.qpa.services: Unable to detect a launcher for 'mailto:…'"
    assert redact("call tel:+4989123456 now") == "call tel:… now"
    assert redact("nothing to hide") == "nothing to hide"
