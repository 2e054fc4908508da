"""The SQL of "Nobody forgotten": the stretches in which customers went without contact for
longer than their keep-in-touch cadence, read from contact_link, and who is waiting now."""

from __future__ import annotations

from models.contact_link import COPIED, seconds
from models.repositories.insights_frame import Frame, local_day, local_function


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
    return f"CAST({local_function('julianday', column, frame)} + 0.5 AS INTEGER)"


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
