"""The complete JSON export: a versioned envelope, table by table, with typed values."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from app.errors import KnownError
from app.i18n import _

FORMAT = "followup-planner-export"
FORMAT_VERSION = 1


def encode(value: Any) -> Any:
    """JSON for a column value: datetimes in UTC ISO form, dates and times ISO."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


# SQLite stores integers in 64 bits; a bigger one in a file cannot be an id or an amount.
_SMALLEST_INTEGER, _LARGEST_INTEGER = -(2**63), 2**63 - 1


def decode(value: Any, python_type: type | None) -> Any:
    """A column value back from JSON, given the column's Python type; ValueError when the
    file holds something the column cannot (a list, a dict, a number past 64 bits, text
    where a number belongs)."""
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ValueError(_("a {type} where one value belongs").format(type=type(value).__name__))
    if type(value) is int and not _SMALLEST_INTEGER <= value <= _LARGEST_INTEGER:
        raise ValueError(_("the number {value}… is out of range").format(value=str(value)[:24]))
    if python_type is None:
        return value
    if python_type is int and type(value) is not int:
        raise ValueError(_("{value!r} where a whole number belongs").format(value=str(value)[:40]))
    if python_type is str and not isinstance(value, str):
        raise ValueError(_("{value!r} where text belongs").format(value=value))
    if python_type is dt.datetime:
        parsed = dt.datetime.fromisoformat(_text(value))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if python_type is dt.date:
        return dt.date.fromisoformat(_text(value))
    if python_type is dt.time:
        return dt.time.fromisoformat(_text(value))
    if python_type is bool:
        return bool(value)
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(_("{value!r} where a date or time belongs").format(value=value))
    return value


def write_header(handle: IO[str], meta: dict[str, Any]) -> None:
    handle.write("{")
    for key, value in {"format": FORMAT, "format_version": FORMAT_VERSION, **meta}.items():
        handle.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    handle.write('"tables": {')


def write_table(
    handle: IO[str],
    name: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    first: bool,
) -> int:
    """One table as {"columns": [...], "rows": [[...], ...]}, a row per line."""
    handle.write(("" if first else ",") + f"\n{json.dumps(name)}: ")
    handle.write(f'{{"columns": {json.dumps(list(columns))}, "rows": [')
    count = 0
    for row in rows:
        text = json.dumps([encode(value) for value in row], ensure_ascii=False)
        handle.write(("\n" if count == 0 else ",\n") + text)
        count += 1
    handle.write("]}")
    return count


def write_footer(handle: IO[str]) -> None:
    handle.write("\n}}\n")


# write_header puts the format first: these bytes open every export of ours.
_OPENING = '{"format": ' + json.dumps(FORMAT)


def is_export(path: Path) -> bool:
    """Whether the file opens as one of our JSON exports (a few bytes are read, never all)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_OPENING) + 64)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    return text.startswith(_OPENING) or (text.startswith("{") and f'"{FORMAT}"' in text)


def read_export(text: str) -> dict[str, Any]:
    """The parsed export; KnownError unless it is one of ours in a version we read."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KnownError(
            _("the file is not valid JSON ({msg} at line {line})").format(
                msg=exc.msg, line=exc.lineno
            )
        ) from exc
    except RecursionError:
        # Our exports nest three levels deep; thousands of brackets are no export of ours.
        raise KnownError(
            _("the file is not a Follow-Up Planner JSON export (nested too deeply)")
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KnownError(_("the file is not a Follow-Up Planner JSON export"))
    if data.get("format_version") != FORMAT_VERSION:
        raise KnownError(
            _("export format version {version} is not supported").format(
                version=data.get("format_version")
            ),
            _("Import it with the app version that wrote it."),
        )
    if not isinstance(data.get("tables"), dict):
        raise KnownError(_("the export has no tables"))
    return data
