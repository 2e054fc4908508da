"""The complete JSON export: a versioned envelope, table by table, with typed values."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from app.errors import KnownError

FORMAT = "followup-planner-export"
FORMAT_VERSION = 1


def encode(value: Any) -> Any:
    """JSON for a column value: datetimes in UTC ISO form, dates and times ISO."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def decode(value: Any, python_type: type | None) -> Any:
    """A column value back from JSON, given the column's Python type."""
    if value is None or python_type is None:
        return value
    try:
        if python_type is dt.datetime:
            parsed = dt.datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        if python_type is dt.date:
            return dt.date.fromisoformat(value)
        if python_type is dt.time:
            return dt.time.fromisoformat(value)
        if python_type is bool:
            return bool(value)
    except (TypeError, ValueError) as exc:
        raise KnownError(f"the export holds a bad value {value!r}: {exc}") from exc
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


def read_export(text: str) -> dict[str, Any]:
    """The parsed export; KnownError unless it is one of ours in a version we read."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KnownError(f"the file is not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KnownError("the file is not a Follow-Up Planner JSON export")
    if data.get("format_version") != FORMAT_VERSION:
        raise KnownError(
            f"export format version {data.get('format_version')} is not supported",
            "Import it with the app version that wrote it.",
        )
    if not isinstance(data.get("tables"), dict):
        raise KnownError("the export has no tables")
    return data
