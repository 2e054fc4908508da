"""The SQL behind Insights, as text with named parameters: the repository runs it through the
session's connection, and the benchmark runs the very same statements in plain sqlite3.

Every figure is aggregated in SQLite over an index range of its period; Python receives a
row per week or month (or per customer of a short list), never the history itself.
"""

from __future__ import annotations

from models.contact_link import seconds
from models.repositories.insights_frame import KEY_IDS, Frame, alive, local_day, week_of
from models.repositories.insights_silence_sql import last_contacts, silent_spells

__all__ = ["Frame", "last_contacts", "statements"]


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
        f" AND t.due_date BETWEEN :start AND :end AND {alive('t.customer_id')}"
        " GROUP BY t.due_date"
        " UNION ALL SELECT t.due_date, 0, 0, 0, count(*) FROM touchpoint t"
        " WHERE t.status = 'planned' AND t.due_date BETWEEN :start AND :end"
        f" AND t.due_date < :today AND {alive('t.customer_id')} GROUP BY t.due_date)"
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
        f" AND {stamp} >= :start_utc AND t.due_date <= {last} AND {alive('t.customer_id')})"
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
        f" WHERE t.status = 'planned' AND t.due_date <= {last} AND {alive('t.customer_id')}"
        f" UNION ALL {closed}) GROUP BY 1, 2"
    )


OVERDUE_NOW = (
    "SELECT count(*) FROM touchpoint t"
    f" WHERE t.status = 'planned' AND t.due_date < :today AND {alive('t.customer_id')}"
)


def promises(frame: Frame) -> str:
    """Per month: promises kept, broken, and broken but recovered (by the day resolved)."""
    month = f"substr({local_day('m.resolved_at', frame)}, 1, 7)"
    return (
        f"SELECT {month} AS month, sum(m.status = 'kept'),"
        " sum(m.status = 'broken' AND NOT m.recovered), sum(m.status = 'broken' AND m.recovered)"
        " FROM commitment m WHERE m.resolved_at >= :start_utc AND m.resolved_at < :end_utc"
        f" AND m.status IN ('kept', 'broken') AND {alive('m.customer_id')} GROUP BY month"
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
    f" AND {alive('r.customer_id')} ORDER BY r.received_at"
)

FOLLOW_UPS_BY_GROUP = (
    f"SELECT sum(t.customer_id IN {KEY_IDS}), count(*)"
    " FROM touchpoint t INDEXED BY ix_touchpoint_done"
    " WHERE t.status = 'done' AND t.completed_at >= :start_utc AND t.completed_at < :end_utc"
    f" AND {alive('t.customer_id')}"
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
    f"SELECT s.currency, s.customer_id IN {KEY_IDS} AS key, sum(s.amount_minor), count(*)"
    " FROM sale s WHERE s.deleted_at IS NULL AND s.closed_on BETWEEN :revenue_from AND :end"
    " AND s.outcome = 'won' AND s.amount_minor IS NOT NULL"
    f" AND {alive('s.customer_id')} GROUP BY s.currency, key"
)


def feedback(frame: Frame) -> str:
    """Per month and score: how many feedback scores came in."""
    month = f"substr({local_day('f.created_at', frame)}, 1, 7)"
    return (
        f"SELECT {month} AS month, f.score, count(*) FROM feedback f"
        " WHERE f.created_at >= :start_utc AND f.created_at < :end_utc"
        f" AND {alive('f.customer_id')} GROUP BY month, f.score"
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
        f" AND {alive('t.customer_id')} GROUP BY month, t.kind"
    )


def library_sends(frame: Frame) -> str:
    month = f"substr({local_day('l.sent_at', frame)}, 1, 7)"
    return (
        f"SELECT {month} AS month, count(*) FROM library_send l"
        " WHERE l.sent_at >= :start_utc AND l.sent_at < :end_utc"
        f" AND {alive('l.customer_id')} GROUP BY month"
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
