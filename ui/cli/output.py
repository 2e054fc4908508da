"""Printing for scripts: JSON on stdout, one-line errors on stderr."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from typing import Any


def _default(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, default=_default, ensure_ascii=False, indent=None))
    sys.stdout.write("\n")


def print_error(message: str) -> None:
    # One line, whatever the message holds, so scripts can read it.
    sys.stderr.write("followup: error: " + " ".join(message.split()) + "\n")
