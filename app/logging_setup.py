"""Log file set-up: rotating file in the user's log folder, tracebacks for bugs."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.paths import log_dir

LOG_FILE = "followup.log"


def configure_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send log records to a rotating file; returns its path."""
    target = (folder or log_dir()) / LOG_FILE
    root = logging.getLogger()
    if any(getattr(handler, "followup", False) for handler in root.handlers):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        # An unwritable log folder must not stop the app; stderr still gets warnings.
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.followup = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return target
