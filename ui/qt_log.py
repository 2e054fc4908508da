"""Qt's own log lines, without what a customer wrote or will read: mail, phone and text
links (with the address, the subject and the whole message of a draft) are cut to their
scheme before a line reaches the terminal or the log file."""

from __future__ import annotations

import logging
import re
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")
# A link runs to the next quote or blank; Qt sometimes prints it decoded (with spaces), so
# a mailto link runs to the closing quote when it is quoted.
_QUOTED = re.compile(r"(['\"])(mailto|tel|sms):[^'\"]*\1", re.IGNORECASE)
_BARE = re.compile(r"\b(mailto|tel|sms):(?!…)[^\s'\"]*", re.IGNORECASE)
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def redact(text: str) -> str:
    """The line with every mail, phone or text link reduced to "scheme:…"."""
    text = _QUOTED.sub(lambda match: f"{match.group(1)}{match.group(2)}:…{match.group(1)}", text)
    return _BARE.sub(lambda match: f"{match.group(1)}:…", text)


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    line = redact(message)
    category = context.category
    if category and category != "default":
        line = f"{category}: {line}"
    level = _LEVELS.get(kind, logging.WARNING)
    if level >= logging.WARNING:
        print(line, file=sys.stderr)
    log.log(level, "%s", line)


def install_qt_log() -> None:
    """Send Qt's messages through the redaction (once the application exists)."""
    qInstallMessageHandler(_handle)
