"""The SQL behind Insights as it was before it was made fast (December 2026), kept unchanged as
the reference the rewritten statements must agree with (tests/app/test_insights_same_answers.py).

Original description: the SQL behind Insights, as text with named parameters: the repository
runs it through the session's connection, and the benchmark runs the very same statements in
plain sqlite3.

Every figure is aggregated in SQLite over an index range of its period; Python receives a
row per week or month (or per customer of a short list), never the history itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.utc_text import stored_utc


# Customers in the trash are left out of every figure. As a set built once per statement
# (the few deleted ids), not a join: looking up each row's customer cost more than the rest.
def _alive(column: str) -> str:
    return f"{column} NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL)"


_KEY = "(SELECT id FROM customer WHERE is_key AND deleted_at IS NULL)"


@dataclass(frozen=True)
class Frame:
    """A period and how to read it: local days from `start` to `end` (inclusive), cut into
    `weeks` seven-day buckets counted back from `end` (the first may be shorter)."""

    start: dt.date
    end: dt.date
    today: dt.date
    weeks: int
    # The local zone as UTC offsets: (from this instant on, minutes); the first has None.
    offsets: Sequence[tuple[dt.datetime | None, int]]
    start_utc: dt.datetime  # the first local moment of `start`
    end_utc: dt.datetime  # the first local moment after `end`
    revenue_from: dt.date
    default_cadence: int
    key_cadence: int
    list_limit: int = 200

    def params(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "today": self.today.isoformat(),
            "weeks": self.weeks,
            "start_utc": stored_utc(self.start_utc),
            "end_utc": stored_utc(self.end_utc),
            "revenue_from": self.revenue_from.isoformat(),
            "default_cadence": self.default_cadence,
            "key_cadence": self.key_cadence,
            "list_limit": self.list_limit,
        }


def local_day(column: str, frame: Frame) -> str:
    """SQL for the local day of a stored UTC instant (newest offset first: most rows are
    recent, so most rows compare once)."""
    shift = [f"'{minutes:+d} minutes'" for _since, minutes in frame.offsets]
    if len(shift) == 1:
        return f"date({column}, {shift[0]})"
    branches = " ".join(
        f"WHEN {column} >= '{stored_utc(since)}' THEN {shift[index]}"
        for index, (since, _minutes) in reversed(list(enumerate(frame.offsets)))
        if since is not None
    )
    return f"date({column}, CASE {branches} ELSE {shift[0]} END)"


def week_of(day: str) -> str:
    """SQL for the bucket of a local day: 0 for the first week, weeks - 1 for the last, the
    first for days before the period and `weeks` for days after it."""
    return (
        f"(CASE WHEN {day} IS NULL OR {day} > :end THEN :weeks"
        f" ELSE max(0, :weeks - 1 - CAST((julianday(:end) - julianday({day})) / 7 AS INTEGER))"
        " END)"
    )


def follow_through(frame: Frame) -> str:
    """Per week: the follow-ups due that week done on time, late, skipped (one row per week),
    and still overdue (the rows with week + weeks: planned ones, read from the agenda's
    index)."""
    done_day = f"coalesce({local_day('t.completed_at', frame)}, t.due_date)"
    week = week_of("t.due_date")
    return (
        f"SELECT {week} AS week, sum(t.status = 'done' AND {done_day} <= t.due_date),"
        f" sum(t.status = 'done' AND {done_day} > t.due_date), sum(t.status = 'skipped'), 0"
        " FROM touchpoint t INDEXED BY ix_touchpoint_history WHERE t.status != 'planned'"
        f" AND t.due_date BETWEEN :start AND :end AND {_alive('t.customer_id')} GROUP BY week"
        f" UNION ALL SELECT {week} AS week, 0, 0, 0, count(*) FROM touchpoint t"
        " WHERE t.status = 'planned' AND t.due_date BETWEEN :start AND :end"
        f" AND t.due_date < :today AND {_alive('t.customer_id')} GROUP BY week"
    )


def overdue_steps(frame: Frame) -> str:
    """The follow-ups that were overdue at some week's end: (week it fell due, week it was
    closed or `weeks` if still open, how many). A week's overdue count is the sum of those
    due by its end minus those closed by its end; one closed before the period began adds
    and takes away in the first week, so only those closed since are read."""
    last = "min(:end, date(:today, '-1 day'))"
    closed = " UNION ALL ".join(
        f"SELECT due, closed FROM (SELECT t.due_date AS due, {local_day(stamp, frame)} AS closed"
        f" FROM touchpoint t INDEXED BY {index} WHERE t.status = '{status}'"
        f" AND {stamp} >= :start_utc AND t.due_date <= {last} AND {_alive('t.customer_id')})"
        " WHERE closed > due"
        # A skipped follow-up's last change is its skip (the clock's time of it).
        for status, stamp, index in (
            ("done", "t.completed_at", "ix_touchpoint_done"),
            ("skipped", "t.updated_at", "ix_touchpoint_skipped"),
        )
    )
    return (
        f"SELECT {week_of('due')}, {week_of('closed')}, count(*) FROM ("
        " SELECT t.due_date AS due, NULL AS closed FROM touchpoint t"
        f" WHERE t.status = 'planned' AND t.due_date <= {last} AND {_alive('t.customer_id')}"
        f" UNION ALL {closed}) GROUP BY 1, 2"
    )


OVERDUE_NOW = (
    "SELECT count(*) FROM touchpoint t"
    f" WHERE t.status = 'planned' AND t.due_date < :today AND {_alive('t.customer_id')}"
)


def _cadence(table: str = "") -> str:
    """SQL for a customer's keep-in-touch cadence in days (app.scheduling.keep_in_touch's
    cadence_for: their own, else the key or the default one from the settings)."""
    return (
        f"CASE WHEN {table}keep_in_touch_days IS NOT NULL THEN {table}keep_in_touch_days"
        f" WHEN {table}is_key THEN :key_cadence ELSE :default_cadence END"
    )


_CONTACTABLE = "c.deleted_at IS NULL AND c.do_not_contact = 0"


def silent_spells(frame: Frame) -> str:
    """Stretches in which a customer had no contact for longer than their cadence: from the
    day after it ran out to the day of the next contact. Rows ('spell', week it began, week
    it ended or `weeks`, how many, ...) and, for the period's last day, ('who', customer
    columns, cadence, last contact day in the window read, day added): the longest overdue
    first.

    Only contacts within the longest cadence before the period can matter: a customer with
    none since then was silent for longer than their cadence all through it. Customers not
    to be contacted are nobody's forgotten ones."""
    day = local_day("occurred_at", frame)
    after_cadence = f"'+' || ({_cadence('c.')} + 1) || ' days'"
    begins = f"date(k.day, {after_cadence})"
    # A customer silent since before the contacts read: silent from the period's start.
    fresh = f"max(:start, date({local_day('c.created_at', frame)}, {after_cadence}))"
    return (
        "WITH contact AS MATERIALIZED (SELECT customer_id, day,"
        " lead(day) OVER w AS next_day, row_number() OVER w AS nth FROM ("
        f"SELECT customer_id, occurred_at, {day} AS day"
        " FROM interaction INDEXED BY ix_interaction_customer"
        " WHERE occurred_at >= datetime(:start_utc, '-' || (SELECT max(max(:default_cadence,"
        " :key_cadence), coalesce(max(keep_in_touch_days), 0)) FROM customer) || ' days')"
        " AND occurred_at < :end_utc) WINDOW w AS (PARTITION BY customer_id ORDER BY occurred_at)),"
        " spell AS MATERIALIZED ("
        f"SELECT c.id, k.day AS seen, {begins} AS lo, k.next_day AS hi"
        f" FROM contact k JOIN customer c ON c.id = k.customer_id WHERE {_CONTACTABLE}"
        f" UNION ALL SELECT c.id, NULL, {fresh}, k.day FROM contact k"
        f" JOIN customer c ON c.id = k.customer_id WHERE k.nth = 1 AND {_CONTACTABLE}"
        f" UNION ALL SELECT c.id, NULL, {fresh}, NULL FROM customer c"
        f" WHERE {_CONTACTABLE} AND c.created_at < :end_utc"
        " AND c.id NOT IN (SELECT customer_id FROM contact))"
        f" SELECT 'spell', {week_of('lo')}, {week_of('hi')}, count(*), NULL, NULL, NULL, NULL"
        " FROM spell WHERE lo <= :end AND (hi IS NULL OR (hi > lo AND hi > :start))"
        " GROUP BY 2, 3"
        # The page is chosen from the spells alone; only its customers are looked up.
        " UNION ALL SELECT 'who', s.id, c.name, c.company, c.is_key,"
        f" {_cadence('c.')}, s.seen, {local_day('c.created_at', frame)}"
        " FROM (SELECT id, seen FROM spell WHERE lo <= :end AND (hi IS NULL OR hi > :end)"
        " ORDER BY lo, id LIMIT :list_limit) s JOIN customer c ON c.id = s.id"
    )


def last_contacts(ids: int) -> str:
    """When each of a few customers was last in contact, before the period's end."""
    marks = ", ".join("?" * ids)
    return (
        "SELECT customer_id, max(occurred_at) FROM interaction"
        f" WHERE customer_id IN ({marks}) AND occurred_at < ? GROUP BY customer_id"
    )


def promises(frame: Frame) -> str:
    """Per month: promises kept, broken, and broken but recovered (by the day resolved)."""
    month = f"substr({local_day('m.resolved_at', frame)}, 1, 7)"
    return (
        f"SELECT {month} AS month, sum(m.status = 'kept'),"
        " sum(m.status = 'broken' AND NOT m.recovered), sum(m.status = 'broken' AND m.recovered)"
        " FROM commitment m WHERE m.resolved_at >= :start_utc AND m.resolved_at < :end_utc"
        f" AND m.status IN ('kept', 'broken') AND {_alive('m.customer_id')} GROUP BY month"
    )


# At risk: marked so, or on track with its buffer run out (app.rules.commitment_rows.is_overdue,
# which the next check turns into 'at risk').
_AT_RISK = (
    " FROM commitment m JOIN customer c ON c.id = m.customer_id"
    " WHERE c.deleted_at IS NULL AND (m.status = 'at_risk' OR (m.status = 'on_track'"
    " AND date(m.due_on, '-' || m.buffer_days || ' days') < :today))"
)
PROMISES_AT_RISK = (
    f"SELECT m.id, m.customer_id, c.name, m.text, m.due_on, m.status{_AT_RISK}"
    " ORDER BY m.due_on, m.id LIMIT :list_limit"
)
PROMISES_AT_RISK_COUNT = f"SELECT count(*){_AT_RISK}"

REQUESTS = (
    "SELECT r.received_at, r.answered_at FROM inbound_request r"
    " WHERE r.received_at >= :start_utc AND r.received_at < :end_utc"
    f" AND {_alive('r.customer_id')} ORDER BY r.received_at"
)

FOLLOW_UPS_BY_GROUP = (
    f"SELECT sum(t.customer_id IN {_KEY}), count(*) FROM touchpoint t INDEXED BY ix_touchpoint_done"
    " WHERE t.status = 'done' AND t.completed_at >= :start_utc AND t.completed_at < :end_utc"
    f" AND {_alive('t.customer_id')}"
)
CONTACTS_BY_GROUP = (
    f"SELECT sum(i.customer_id IN {_KEY}), count(*) FROM interaction i"
    " WHERE i.occurred_at >= :start_utc AND i.occurred_at < :end_utc"
    f" AND {_alive('i.customer_id')}"
)
CUSTOMERS_BY_GROUP = (
    "SELECT is_key, count(*) FROM customer WHERE deleted_at IS NULL GROUP BY is_key"
)
REVENUE_BY_GROUP = (
    f"SELECT s.currency, s.customer_id IN {_KEY} AS key, sum(s.amount_minor), count(*)"
    " FROM sale s WHERE s.deleted_at IS NULL AND s.closed_on BETWEEN :revenue_from AND :end"
    " AND s.outcome = 'won' AND s.amount_minor IS NOT NULL"
    f" AND {_alive('s.customer_id')} GROUP BY s.currency, key"
)


def feedback(frame: Frame) -> str:
    """Per month and score: how many feedback scores came in."""
    month = f"substr({local_day('f.created_at', frame)}, 1, 7)"
    return (
        f"SELECT {month} AS month, f.score, count(*) FROM feedback f"
        " WHERE f.created_at >= :start_utc AND f.created_at < :end_utc"
        f" AND {_alive('f.customer_id')} GROUP BY month, f.score"
    )


def asks_and_value(frame: Frame) -> str:
    """Per month: referral asks made and what they answered; value-add follow-ups done."""
    month = f"substr({local_day('t.completed_at', frame)}, 1, 7)"
    return (
        f"SELECT {month} AS month, t.kind, count(*), coalesce(sum(a.given = 1), 0),"
        " coalesce(sum(a.given = 0), 0) FROM touchpoint t INDEXED BY ix_touchpoint_done"
        " LEFT JOIN referral_answer a ON a.touchpoint_id = t.id"
        " WHERE t.status = 'done' AND t.completed_at >= :start_utc"
        " AND t.completed_at < :end_utc AND t.kind IN ('referral', 'value_add')"
        f" AND {_alive('t.customer_id')} GROUP BY month, t.kind"
    )


def library_sends(frame: Frame) -> str:
    month = f"substr({local_day('l.sent_at', frame)}, 1, 7)"
    return (
        f"SELECT {month} AS month, count(*) FROM library_send l"
        " WHERE l.sent_at >= :start_utc AND l.sent_at < :end_utc"
        f" AND {_alive('l.customer_id')} GROUP BY month"
    )


def statements(frame: Frame) -> dict[str, str]:
    """Every statement of one Insights read, by name (what the benchmark replays raw)."""
    return {
        "follow_through": follow_through(frame),
        "overdue_steps": overdue_steps(frame),
        "overdue_now": OVERDUE_NOW,
        "silent_spells": silent_spells(frame),
        "promises": promises(frame),
        "promises_at_risk": PROMISES_AT_RISK,
        "promises_at_risk_count": PROMISES_AT_RISK_COUNT,
        "requests": REQUESTS,
        "follow_ups_by_group": FOLLOW_UPS_BY_GROUP,
        "contacts_by_group": CONTACTS_BY_GROUP,
        "customers_by_group": CUSTOMERS_BY_GROUP,
        "revenue_by_group": REVENUE_BY_GROUP,
        "feedback": feedback(frame),
        "asks_and_value": asks_and_value(frame),
        "library_sends": library_sends(frame),
    }
