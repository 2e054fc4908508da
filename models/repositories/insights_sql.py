"""The SQL behind Insights, as text with named parameters: the repository runs it through the
session's connection, and the benchmark runs the very same statements in plain sqlite3.

Every figure is aggregated in SQLite over an index range of its period; Python receives a
row per week or month (or per customer of a short list), never the history itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.contact_link import COPIED, seconds
from models.utc_text import stored_utc


# Customers in the trash are left out of every figure. As a set built once per statement
# (the few deleted ids), not a join: looking up each row's customer cost more than the rest.
# With the trash empty (most of the time) the first test, answered once, settles every row.
def _alive(column: str) -> str:
    return (
        "(NOT EXISTS (SELECT 1 FROM customer WHERE deleted_at IS NOT NULL)"
        f" OR {column} NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL))"
    )


# Searched in ix_customer_key (is_key, deleted_at): a bare `is_key` would scan all of it.
_KEY = "(SELECT id FROM customer WHERE is_key > 0 AND deleted_at IS NULL)"


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


def _local(function: str, column: str, frame: Frame) -> str:
    """SQL applying a date function to a stored UTC instant moved to local time (newest
    offset first: most rows are recent, so most rows compare once)."""
    shift = [f"'{minutes:+d} minutes'" for _since, minutes in frame.offsets]
    if len(shift) == 1:
        return f"{function}({column}, {shift[0]})"
    branches = " ".join(
        f"WHEN {column} >= '{stored_utc(since)}' THEN {shift[index]}"
        for index, (since, _minutes) in reversed(list(enumerate(frame.offsets)))
        if since is not None
    )
    return f"{function}({column}, CASE {branches} ELSE {shift[0]} END)"


def local_day(column: str, frame: Frame) -> str:
    """SQL for the local day of a stored UTC instant, as text."""
    return _local("date", column, frame)


def week_of(day: str) -> str:
    """SQL for the bucket of a local day: 0 for the first week, weeks - 1 for the last, the
    first for days before the period and `weeks` for days after it."""
    return (
        f"(CASE WHEN {day} IS NULL OR {day} > :end THEN :weeks"
        f" ELSE max(0, :weeks - 1 - CAST((julianday(:end) - julianday({day})) / 7 AS INTEGER))"
        " END)"
    )


def follow_through(frame: Frame) -> str:
    """Per week: the follow-ups due that week done on time, late, skipped, and still overdue
    (planned ones, read from the agenda's index). Counted per due day in the index's order
    first, so only the few days are put into weeks, and each completion's local day is
    worked out once."""
    done_day = f"coalesce({local_day('t.completed_at', frame)}, t.due_date)"
    return (
        f"SELECT {week_of('due')}, sum(on_time), sum(done) - sum(on_time), sum(skipped),"
        " sum(overdue) FROM ("
        f"SELECT t.due_date AS due, sum(CASE WHEN t.status = 'done' THEN {done_day} <= t.due_date"
        " ELSE 0 END) AS on_time, sum(t.status = 'done') AS done,"
        " sum(t.status = 'skipped') AS skipped, 0 AS overdue"
        " FROM touchpoint t INDEXED BY ix_touchpoint_history WHERE t.status != 'planned'"
        f" AND t.due_date BETWEEN :start AND :end AND {_alive('t.customer_id')}"
        " GROUP BY t.due_date"
        " UNION ALL SELECT t.due_date, 0, 0, 0, count(*) FROM touchpoint t"
        " WHERE t.status = 'planned' AND t.due_date BETWEEN :start AND :end"
        f" AND t.due_date < :today AND {_alive('t.customer_id')} GROUP BY t.due_date)"
        " GROUP BY 1"
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


def _day_number(column: str, frame: Frame) -> str:
    """SQL for the local day of a stored UTC instant as a whole number (its Julian day): the
    spells compare and subtract days many times per row, and numbers cost less than text."""
    # The Julian day starts at noon: half a day on, the whole part is the local day's number.
    return f"CAST({_local('julianday', column, frame)} + 0.5 AS INTEGER)"


def _day_of_seconds(column: str, frame: Frame) -> str:
    """_day_number() for an instant stored as whole UTC seconds since 1970 (contact_link):
    integer arithmetic only, the zone's offset found by comparing numbers."""
    shift = [minutes * 60 for _since, minutes in frame.offsets]
    offset = str(shift[0])
    if len(shift) > 1:
        branches = " ".join(
            f"WHEN {column} >= {int(since.timestamp())} THEN {shift[index]}"
            for index, (since, _minutes) in reversed(list(enumerate(frame.offsets)))
            if since is not None
        )
        offset = f"CASE {branches} ELSE {shift[0]} END"
    # Day 0 of the seconds (1 January 1970) is Julian day number 2440588.
    return f"(({column} + {offset}) / 86400 + {_UNIX_DAY_ZERO})"


_UNIX_DAY_ZERO = 2440588


def _week_of_number(day: str) -> str:
    """week_of() for a day number, against the period's last day number `e`."""
    return (
        f"(CASE WHEN {day} IS NULL OR {day} > e THEN :weeks"
        f" ELSE max(0, :weeks - 1 - (e - {day}) / 7) END)"
    )


def silent_spells(frame: Frame) -> str:
    """Stretches in which a customer had no contact for longer than their cadence: from the
    day after it ran out to the day of the next contact. Rows ('spell', week it began, week
    it ended or `weeks`, how many, ...) and, for the period's last day, ('who', customer
    columns, cadence, last contact day in the window read, day added): the longest overdue
    first.

    Only contacts within the longest cadence before the period can matter: a customer with
    none since then was silent for longer than their cadence all through it. Customers not
    to be contacted are nobody's forgotten ones.

    Read from contact_link, each contact beside its customer's previous and next one, in one
    index range read without grouping: every contact in the period ends the silence since the
    one before it, and each customer's last contact before the period's end begins the one
    still running (so it also counts who was in touch at all). Days are Julian day numbers,
    each worked out once."""
    cadence = _cadence("c.")

    def fresh(created: str, cadence: str) -> str:
        # Added long enough before the period (by the longest cadence and a day for the
        # zone): silent from the period's start if never in contact since; no date
        # arithmetic needed.
        return (
            f"CASE WHEN {created} < settled THEN s"
            f" ELSE max(s, {_day_number(created, frame)} + {cadence} + 1) END"
        )

    # The contacts that matter: those in the period, and each customer's last one before
    # its end. `since`: the contact before it, if in the window read.
    contacts = (
        f"SELECT customer_id, {COPIED}, occurred_s AS at, occurred_s >= start_s AS inside,"
        " CASE WHEN occurred_s >= start_s AND previous_s >= lookback_s THEN previous_s END"
        " AS since, next_s IS NULL OR next_s >= end_s AS last FROM bound, contact_link"
        " INDEXED BY ix_contact_link_occurred WHERE occurred_s >= lookback_s"
        " AND occurred_s < end_s AND (occurred_s >= start_s OR next_s IS NULL OR next_s >= end_s)"
    )
    # Not to be contacted, as ix_customer_contactable reads it.
    contactable = (
        "FROM bound CROSS JOIN customer c INDEXED BY ix_customer_contactable"
        " WHERE c.deleted_at IS NULL AND c.do_not_contact = 0"
    )
    # Never in touch in the window read and added since it began: few, looked up one by one.
    unseen = (
        "NOT EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = c.id"
        " AND i.occurred_at >= lookback AND i.occurred_at < :end_utc)"
    )
    return (
        "WITH bound AS MATERIALIZED (SELECT lookback, datetime(lookback, '-1 day') AS settled,"
        " CAST(julianday(:start) + 0.5 AS INTEGER) AS s,"
        " CAST(julianday(:end) + 0.5 AS INTEGER) AS e,"
        f" {seconds('lookback')} AS lookback_s, {seconds(':start_utc')} AS start_s,"
        f" {seconds(':end_utc')} AS end_s FROM ("
        "SELECT datetime(:start_utc, '-' || max(max(:default_cadence, :key_cadence),"
        # From ix_customer_cadence's last entry, not a scan.
        " coalesce((SELECT max(keep_in_touch_days) FROM customer"
        " WHERE keep_in_touch_days IS NOT NULL), 0)) || ' days') AS lookback)),"
        # Materialized, so each day is worked out once (not once per mention).
        f" days AS MATERIALIZED (SELECT x.customer_id AS id, {_day_of_seconds('x.at', frame)}"
        f" AS day, inside, {_day_of_seconds('x.since', frame)} AS since, last,"
        f" {_cadence('x.')} AS cadence,"
        f" {fresh('x.customer_created_at', _cadence('x.'))} AS fresh,"
        f" x.customer_created_at < settled AS old FROM bound CROSS JOIN ({contacts}) x"
        " WHERE x.alive AND NOT x.do_not_contact),"
        " spell AS MATERIALIZED (SELECT id, seen, lo, hi FROM bound, ("
        # Ended by a contact in the period.
        "SELECT id, since AS seen, CASE WHEN since IS NULL THEN fresh"
        " ELSE since + cadence + 1 END AS lo, day AS hi FROM days WHERE inside"
        # Running since the last contact.
        " UNION ALL SELECT id, day, day + cadence + 1, NULL FROM days WHERE last)"
        " WHERE lo <= e AND (hi IS NULL OR (hi > lo AND hi > s))),"
        f" added AS MATERIALIZED (SELECT c.id, {fresh('c.created_at', cadence)} AS lo {contactable}"
        f" AND c.created_at >= settled AND c.created_at < :end_utc AND {unseen})"
        # Counted per day first: only the few distinct days are put into weeks.
        f" SELECT 'spell', {_week_of_number('lo')}, {_week_of_number('hi')}, sum(n),"
        " NULL, NULL, NULL, NULL FROM bound, (SELECT lo, hi, count(*) AS n FROM spell"
        " GROUP BY lo, hi UNION ALL SELECT lo, NULL, count(*) FROM added"
        " WHERE lo <= (SELECT e FROM bound) GROUP BY lo"
        # Added long ago and never in touch since: all of them but those who were.
        " UNION ALL SELECT s, NULL, old - touched FROM bound, (SELECT"
        f" (SELECT count(*) {contactable} AND c.created_at < settled) AS old,"
        " (SELECT count(*) FROM days WHERE last AND old) AS touched))"
        " WHERE n > 0 GROUP BY 2, 3"
        # The page is chosen from the spells alone; only its customers are looked up. Those
        # never in touch and added long ago come in the table's order, so the first suffice.
        " UNION ALL SELECT 'who', w.id, c.name, c.company, c.is_key, {cadence},"
        f" date(w.seen - 0.5), {local_day('c.created_at', frame)} FROM ("
        "SELECT id, seen FROM (SELECT id, seen, lo FROM bound, spell WHERE hi IS NULL OR hi > e"
        " UNION ALL SELECT * FROM (SELECT c.id, NULL, s FROM customer c CROSS JOIN bound"
        f" WHERE {_CONTACTABLE} AND c.created_at < settled AND {unseen}"
        " ORDER BY c.id LIMIT :list_limit)"
        " UNION ALL SELECT id, NULL, lo FROM added WHERE lo <= (SELECT e FROM bound))"
        " ORDER BY lo, id LIMIT :list_limit) w JOIN customer c ON c.id = w.id"
    ).replace("{cadence}", cadence)


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
# From contact_link's copies of the customer's flags: its index alone, no look-ups.
CONTACTS_BY_GROUP = (
    "SELECT sum(is_key), count(*) FROM contact_link INDEXED BY ix_contact_link_occurred"
    f" WHERE occurred_s >= {seconds(':start_utc')} AND occurred_s < {seconds(':end_utc')}"
    " AND alive"
)
# Two searches of ix_customer_key rather than a scan of all of it grouped.
CUSTOMERS_BY_GROUP = (
    "SELECT 1, count(*) FROM customer WHERE is_key > 0 AND deleted_at IS NULL"
    " UNION ALL SELECT 0, count(*) FROM customer WHERE is_key = 0 AND deleted_at IS NULL"
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
