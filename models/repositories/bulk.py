"""Bulk writes straight to the driver: tens of thousands of rows without per-row overhead.

Values are stored exactly as SQLAlchemy's SQLite types store them (ISO dates; naive UTC
"YYYY-MM-DD HH:MM:SS.ffffff" datetimes), so ORM reads see the same data; a test reads
bulk-written rows back through the ORM to keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from models.base import stored_utc, utcnow
from models.write_log import note_raw_write

SALE_COLUMNS = (
    "customer_id", "closed_on", "outcome", "amount_minor", "currency", "description",
    "promised_delivery", "baseline_delivery", "plan_id", "actual_delivery", "lost_reason",
    "lost_note",
)  # fmt: skip


class NewTouchpoint(NamedTuple):
    """A planned touchpoint to insert: status planned, sequence 0, no subject or outcome."""

    uid: str
    customer_id: int
    sale_id: int | None
    step_id: int | None
    kind: str
    occurrence: int
    channel: str
    due_date: dt.date
    due_at: dt.datetime | None
    pinned: bool = False


class TouchpointMove(NamedTuple):
    """A planned touchpoint's new day, instant, channel and calendar SEQUENCE."""

    row_id: int
    due_date: dt.date
    due_at: dt.datetime | None
    channel: str
    sequence: int


class NewCommitment(NamedTuple):
    """A promise to insert."""

    customer_id: int
    sale_id: int | None
    text: str
    due_on: dt.date
    buffer_days: int
    status: str
    note: str
    created_at: dt.datetime
    recovered: bool = False


# Many rows go into a table through a temporary table and one INSERT ... SELECT: that
# measured a third faster than an executemany into the table itself, where SQLite sets up
# the statement (its cursors on the table, its indexes and foreign keys, a statement
# journal) once per row. Rows are read in the order added (rowid), so ids follow it.
_TEMP_TABLE_FROM = 100
_TOUCHPOINT_COLUMNS = (
    "uid", "customer_id", "sale_id", "step_id", "kind", "occurrence", "channel", "due_date",
    "due_at", "pinned", "created_at", "updated_at",
)  # fmt: skip
# Planned rows take their constant columns from the statement, not from each row.
_PLANNED_TOUCHPOINT = {
    "status": "'planned'", "sequence": "0", "subject": "''", "outcome_note": "''",
    "skip_reason": "''",
}  # fmt: skip
_COMMITMENT_COLUMNS = (
    "customer_id", "sale_id", "text", "due_on", "buffer_days", "status", "note", "created_at",
    "recovered",
)  # fmt: skip
# A batch's planned touchpoints as shapes (see TouchpointRows). The shapes' key keeps each
# shape's rows in order, so the join gives rows in the order added with no sort.
_CREATE_SHAPES = (
    "CREATE TEMP TABLE bulk_shape (shape INTEGER, position INTEGER, step_id, kind, occurrence,"
    " channel, due_date, due_at, PRIMARY KEY (shape, position)) WITHOUT ROWID"
)
_CREATE_SALES = "CREATE TEMP TABLE bulk_sale (first_uid, customer_id, sale_id, shape)"
_INSERT_SHAPE = "INSERT INTO temp.bulk_shape VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_INSERT_SALE = "INSERT INTO temp.bulk_sale VALUES (?, ?, ?, ?)"
_INSERT_FROM_SHAPES = (
    "INSERT INTO touchpoint (uid, customer_id, sale_id, step_id, kind, occurrence, channel,"
    " due_date, due_at, pinned, created_at, updated_at, status, sequence, subject,"
    " outcome_note, skip_reason)"
    " SELECT printf('%s%012x%s', ?1, s.first_uid + t.position, ?2), s.customer_id, s.sale_id,"
    " t.step_id, t.kind, t.occurrence, t.channel, t.due_date, t.due_at, 0, ?3, ?3, 'planned',"
    " 0, '', '', ''"
    " FROM temp.bulk_sale AS s CROSS JOIN temp.bulk_shape AS t ON t.shape = s.shape"
    " ORDER BY s.rowid, t.position"
)
_MOVE_TOUCHPOINT = (
    "UPDATE touchpoint SET due_date = ?, due_at = ?, channel = ?, sequence = ?, updated_at = ?"
    " WHERE id = ?"
)


def _utc_text(value: dt.datetime | None) -> str | None:
    return None if value is None else stored_utc(value)


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


class _Texts(dict[Hashable, str | None]):
    """Stored text of each distinct value, converted once: a batch repeats few dates."""

    def __init__(self, convert: Callable[[Any], str | None]) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, key: Hashable) -> str | None:
        text = self[key] = self._convert(key)
        return text


# Only these columns need converting; everything else goes to the driver as it is.
CONVERTERS: dict[str, Any] = {
    "closed_on": _date_text,
    "promised_delivery": _date_text,
    "baseline_delivery": _date_text,
    "actual_delivery": _date_text,
}


def _cursor(session: Session) -> Any:
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]


def _executemany(session: Session, table: str, sql: str, values: Iterable[Sequence[Any]]) -> None:
    note_raw_write(session, table)
    cursor = _cursor(session)
    try:
        cursor.executemany(sql, values)
    finally:
        cursor.close()


def _insert_through_temp(
    session: Session,
    table: str,
    columns: Sequence[str],
    values: Iterable[Sequence[Any]],
    fixed: Mapping[str, str] | None = None,
) -> None:
    """Insert rows of `columns` in order, plus the `fixed` SQL values, in one statement."""
    rows = list(values)
    fixed = fixed or {}
    marks = ", ".join("?" * len(columns))
    targets = ", ".join((*columns, *fixed))
    note_raw_write(session, table)
    cursor = _cursor(session)
    try:
        # A few rows (one sale's) go straight in: the temporary table costs more than it saves.
        if len(rows) < _TEMP_TABLE_FROM:
            cursor.executemany(
                f"INSERT INTO {table} ({targets}) VALUES ({', '.join((marks, *fixed.values()))})",
                rows,
            )
            return
        sources = ", ".join((*columns, *fixed.values()))
        cursor.execute(f"CREATE TEMP TABLE bulk_rows ({', '.join(columns)})")
        cursor.executemany(f"INSERT INTO temp.bulk_rows VALUES ({marks})", rows)
        cursor.execute(
            f"INSERT INTO {table} ({targets}) SELECT {sources} FROM temp.bulk_rows ORDER BY rowid"
        )
        cursor.execute("DROP TABLE temp.bulk_rows")
    finally:
        cursor.close()


def _insert(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    now = _utc_text(utcnow())
    marks = ", ".join("?" * (len(columns) + 2))
    plain = [name for name in columns if name not in CONVERTERS]
    converted = [(name, CONVERTERS[name]) for name in columns if name in CONVERTERS]
    order = [*plain, *(name for name, _ in converted)]
    names = ", ".join((*order, "created_at", "updated_at"))
    # One C call per row for the plain columns (a tuple even for a single column).
    pick = itemgetter(*plain) if len(plain) > 1 else lambda row: (row[plain[0]],)
    values = [
        (*pick(row), *[convert(row[name]) for name, convert in converted], now, now) for row in rows
    ]
    _executemany(session, table, f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


class TouchpointRows:
    """Planned, unpinned touchpoints of many sales, inserted by one INSERT ... SELECT.

    Sales planned alike get alike rows but for UID, customer and sale. So each distinct set
    of such rows (a shape) goes to a temporary table once, each sale goes to another as its
    customer, sale and shape, and one statement joins them into the touchpoint table: no
    Python tuple per row, and SQLite sets the statement up once (see _insert_through_temp).
    UIDs count up: uid_prefix, the 12 hex digits of uid_start plus the row's number in the
    batch, uid_suffix.
    """

    def __init__(self, uid_prefix: str, uid_start: int, uid_suffix: str) -> None:
        self._uid = (uid_prefix, uid_suffix)
        self._now = _utc_text(utcnow())
        self._days = _Texts(_date_text)
        self._instants = _Texts(_utc_text)
        self._shape_rows: list[tuple[Any, ...]] = []
        self._shape_sizes: list[int] = []
        self._sales: list[tuple[int, int, int | None, int]] = []
        self._next_uid = uid_start
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def shape(
        self, rows: Iterable[tuple[int | None, str, int, str, dt.date, dt.datetime | None]]
    ) -> int:
        """Register a sale's rows as (step_id, kind, occurrence, channel, due_date, due_at);
        returns the shape's number for add()."""
        number = len(self._shape_sizes)
        size = 0
        for step_id, kind, occurrence, channel, day, instant in rows:
            day_text, instant_text = self._days[day], self._instants[instant]
            self._shape_rows.append(
                (number, size, step_id, kind, occurrence, channel, day_text, instant_text)
            )
            size += 1
        self._shape_sizes.append(size)
        return number

    def add(self, customer_id: int, sale_id: int | None, shape: int) -> None:
        """The shape's rows, for this customer and sale."""
        size = self._shape_sizes[shape]
        if size:
            self._sales.append((self._next_uid, customer_id, sale_id, shape))
            self._next_uid += size
            self._count += size

    def insert(self, session: Session) -> None:
        """Insert everything added so far (status planned, sequence 0), in the order added."""
        note_raw_write(session, "touchpoint")
        cursor = _cursor(session)
        try:
            cursor.execute(_CREATE_SHAPES)
            cursor.execute(_CREATE_SALES)
            cursor.executemany(_INSERT_SHAPE, self._shape_rows)
            cursor.executemany(_INSERT_SALE, self._sales)
            cursor.execute(_INSERT_FROM_SHAPES, (*self._uid, self._now))
            cursor.execute("DROP TABLE temp.bulk_sale")
            cursor.execute("DROP TABLE temp.bulk_shape")
        finally:
            cursor.close()


def insert_touchpoints(session: Session, rows: Iterable[NewTouchpoint]) -> None:
    """Insert planned touchpoints in one statement, in order."""
    now = _utc_text(utcnow())
    days, instants = _Texts(_date_text), _Texts(_utc_text)
    values = (
        (*row[:7], days[row.due_date], instants[row.due_at], int(row.pinned), now, now)
        for row in rows
    )
    _insert_through_temp(session, "touchpoint", _TOUCHPOINT_COLUMNS, values, _PLANNED_TOUCHPOINT)


def insert_commitments(session: Session, rows: Iterable[NewCommitment]) -> None:
    """Insert promises in one statement, in order."""
    days, instants = _Texts(_date_text), _Texts(_utc_text)
    values = (
        (*row[:3], days[row.due_on], *row[4:7], instants[row.created_at], int(row.recovered))
        for row in rows
    )
    _insert_through_temp(session, "commitment", _COMMITMENT_COLUMNS, values)


def move_touchpoints(session: Session, moves: Iterable[TouchpointMove], now: dt.datetime) -> None:
    """Give planned touchpoints their new day, time, channel and SEQUENCE in one executemany."""
    stamp = _utc_text(now)
    days, instants = _Texts(_date_text), _Texts(_utc_text)
    values = (
        (days[row.due_date], instants[row.due_at], row.channel, row.sequence, stamp, row.row_id)
        for row in moves
    )
    _executemany(session, "touchpoint", _MOVE_TOUCHPOINT, values)


def insert_sales(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert sales; returns their ids in input order."""
    if not rows:
        return []
    _insert(session, "sale", SALE_COLUMNS, rows)
    # The transaction holds SQLite's write lock since the insert, and rowids are assigned
    # as max+1: the newest len(rows) ids are ours, in insertion order.
    cursor = _cursor(session)
    try:
        ids = [row[0] for row in cursor.execute(
            "SELECT id FROM sale ORDER BY id DESC LIMIT ?", (len(rows),)
        )]  # fmt: skip
    finally:
        cursor.close()
    return ids[::-1]
