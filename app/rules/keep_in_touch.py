"""Keep-in-touch: one planned check-in at the customer's cadence and the next birthday greeting.

Set-based: the facts for many customers are read with a handful of queries and the changes
are written with three executemany statements, so refreshing one customer and fifty
thousand take the same code path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from app.i18n import N_
from app.rules.do_not_contact import DNC_REASON
from app.rules.kit_rules import KitRules, KitStep
from app.rules.planning_context import CustomerLike, PlanningContext, facts_key
from app.rules.touchpoint_rows import batch_uids, uid_run
from app.scheduling.birthdays import next_birthday
from app.scheduling.keep_in_touch import cadence_ends, check_in_when_owed
from models.plan import Plan, PlanStep
from models.repositories import keep_in_touch as repo
from models.repositories import plans as plan_repo
from models.repositories.bulk import NewTouchpoint, TouchpointMove, TouchpointRows
from models.repositories.keep_in_touch import KitRow
from models.write_log import named_writes

KIT_KEY = "keep_in_touch"


class KitCustomer(CustomerLike, Protocol):
    """What the rules read of a customer: an ORM Customer or a repository row."""

    @property
    def id(self) -> int: ...
    @property
    def birthday_month(self) -> int | None: ...
    @property
    def birthday_day(self) -> int | None: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def deleted_at(self) -> dt.datetime | None: ...


@dataclass
class _Facts:
    """What the keep-in-touch rules need to know about each customer, loaded in bulk."""

    existing: dict[int, list[KitRow]]
    busy: dict[int, list[dt.date]]
    last_contact: dict[int, dt.datetime]
    after_plan: dict[int, dt.date]
    closed_check_in: dict[int, dt.date]
    closed_birthday: dict[int, dt.date]


@dataclass
class _Changes:
    """Rows to skip, move and insert, written together at the end."""

    now: dt.datetime
    skips: list[dict[str, Any]] = field(default_factory=list)
    moves: list[TouchpointMove] = field(default_factory=list)
    inserts: list[NewTouchpoint] = field(default_factory=list)
    uids: Iterator[str] = field(default_factory=batch_uids)

    def skip(self, row: KitRow, reason: str) -> None:
        self.skips.append({"row_id": row.id, "reason": reason, "now": self.now})


def _load(
    session: Session,
    ids: Sequence[int],
    history: repo.History,
    added: Mapping[int, Sequence[dt.date]],
) -> _Facts:
    """The facts from the customers' touchpoint history plus sale touchpoints not in it."""
    busy = {key: [*history.other_days.get(key, ()), *added.get(key, ())] for key in ids}
    # After a sale's plan ends, the cadence takes over: the plan's last planned day.
    after_plan = dict(history.last_sale_day)
    for customer_id, days in added.items():
        if days:
            after_plan[customer_id] = max(after_plan.get(customer_id, days[0]), *days)
    return _Facts(
        existing=history.kit_rows,
        busy=busy,
        last_contact=repo.last_contacts(session, ids),
        after_plan=after_plan,
        closed_check_in=history.closed["check_in"],
        closed_birthday=history.closed["birthday"],
    )


def _kit_steps(plan_row: Plan | None) -> tuple[PlanStep | None, PlanStep | None]:
    if plan_row is None:
        return None, None
    check_in = next((s for s in plan_row.steps if s.anchor == "last_interaction"), None)
    birthday = next((s for s in plan_row.steps if s.anchor == "birthday"), None)
    return check_in, birthday


def refresh_customers(
    session: Session, customers: Sequence[KitCustomer], ctx: PlanningContext
) -> None:
    """The same for many customers, with a constant number of queries."""
    session.flush()
    ids = [customer.id for customer in customers]
    _refresh(session, customers, ctx, _load(session, ids, repo.history(session, ids), {}))


def refresh_after_sales(
    session: Session,
    customers: Sequence[KitCustomer],
    ctx: PlanningContext,
    *,
    history: repo.History,
    added: Mapping[int, Sequence[dt.date]],
) -> None:
    """refresh_customers after a batch of sales whose only touchpoint writes since
    `history` was read are the sale touchpoints dated `added` (by customer).

    Same result, without reading back what the batch just wrote.
    """
    session.flush()
    ids = [customer.id for customer in customers]
    _refresh(session, customers, ctx, _load(session, ids, history, added))


@dataclass
class NewCustomerPlan:
    """Keep-in-touch rows for customers about to be added, and each one's first day.

    Planned before the customers are inserted, so each goes in with its next follow-up
    (customer.next_due) already set: the insert trigger that keeps it then finds nothing
    to lower, instead of rewriting every new customer row and its index entry.
    """

    rows: TouchpointRows
    ids: list[int]
    first_days: dict[int, dt.date]

    def insert(self, session: Session) -> None:
        """Write the rows; the customers must be in the table by now."""
        with named_writes(session, self.ids):
            self.rows.insert(session)


def plan_new_customers(
    session: Session, customers: Sequence[KitCustomer], ctx: PlanningContext
) -> NewCustomerPlan:
    """refresh_customers for customers being added, who have no history yet (an import).

    With no history, what the rules read of a customer is a handful of values that a file's
    thousands of rows share in few combinations. Each combination is planned once, by the
    same _refresh_one as every other customer, and its rows join the touchpoint table as a
    shape (TouchpointRows): one INSERT ... SELECT, no Python row per customer.
    """
    session.flush()
    rules = KitRules(ctx, *_kit_steps(plan_repo.by_builtin_key(session, KIT_KEY)))
    no_history = _Facts({}, {}, {}, {}, {}, {})
    rows = TouchpointRows(*uid_run())
    shapes: dict[tuple[Any, ...], tuple[int, dt.date | None]] = {}
    first_days: dict[int, dt.date] = {}
    for customer in customers:
        key = (
            facts_key(customer), customer.preferred_channel, customer.do_not_contact,
            customer.birthday_month, customer.birthday_day, customer.created_at,
            customer.deleted_at,
        )  # fmt: skip
        found = shapes.get(key)
        if found is None:
            changes = _Changes(now=ctx.now)
            _refresh_one(changes, customer, rules, no_history)
            # Without history there is nothing to skip or move: only rows to add.
            assert not changes.skips and not changes.moves
            shape = rows.shape(
                (row.step_id, row.kind, row.occurrence, row.channel, row.due_date, row.due_at)
                for row in changes.inserts
            )
            first = min((row.due_date for row in changes.inserts), default=None)
            found = shapes[key] = (shape, first)
        rows.add(customer.id, None, found[0])
        if found[1] is not None:
            first_days[customer.id] = found[1]
    return NewCustomerPlan(rows, [customer.id for customer in customers], first_days)


def _refresh(
    session: Session, customers: Sequence[KitCustomer], ctx: PlanningContext, facts: _Facts
) -> None:
    rules = KitRules(ctx, *_kit_steps(plan_repo.by_builtin_key(session, KIT_KEY)))
    changes = _Changes(now=ctx.now)
    for customer in customers:
        _refresh_one(changes, customer, rules, facts)
    with named_writes(session, [customer.id for customer in customers]):
        repo.apply_changes(
            session, skips=changes.skips, moves=changes.moves, inserts=changes.inserts, now=ctx.now
        )


def _refresh_one(changes: _Changes, customer: KitCustomer, rules: KitRules, facts: _Facts) -> None:
    existing = facts.existing.get(customer.id, ())
    if customer.do_not_contact or customer.deleted_at is not None:
        reason = DNC_REASON if customer.do_not_contact else N_("Customer was deleted")
        for row in existing:
            changes.skip(row, reason)
        return
    check_in = rules.check_in_step
    if check_in is not None:
        due, owed = _check_in_day(customer, rules, facts, facts.busy.get(customer.id, []))
        if due is not None:
            rows = [row for row in existing if row.kind == "check_in"]
            # Still owed since before today (no contact since): an overdue check-in keeps
            # its date, so a refresh or a re-plan never turns overdue work into "today".
            _place(changes, customer, check_in, rows, due, rules, keep_overdue=owed < rules.today)
    birthday = rules.birthday_step
    if birthday is not None:
        rows = [row for row in existing if row.kind == "birthday"]
        due = _birthday_day(customer, rules, facts)
        if due is None:
            for row in rows:
                changes.skip(row, N_("Birthday was removed"))
        else:
            _place(changes, customer, birthday, rows, due, rules)


def _check_in_day(
    customer: KitCustomer, rules: KitRules, facts: _Facts, busy: list[dt.date]
) -> tuple[dt.date | None, dt.date]:
    """When to check in next, and the day the cadence ran or runs out."""
    last = facts.last_contact.get(customer.id) or customer.created_at
    base = rules.local_day(last)
    # After a sale's plan ends, the cadence takes over; a skipped check-in also restarts it.
    for later in (facts.after_plan.get(customer.id), facts.closed_check_in.get(customer.id)):
        if later is not None:
            base = max(base, later)
    default_days, key_customer_days = rules.cadence_days
    customer_facts = rules.facts(customer)
    owed = cadence_ends(
        base, customer_facts, default_days=default_days, key_customer_days=key_customer_days
    )
    if customer_facts.do_not_contact:
        return None, owed
    key = (owed, tuple(busy))
    if key in rules.check_in_days:
        return rules.check_in_days[key], owed
    due = rules.check_in_days[key] = check_in_when_owed(
        owed,
        rules.calendar,
        rules.today,
        busy,
        rules.min_gap_days,
        at=rules.check_in_step.time_of_day if rules.check_in_step else None,
    )
    return due, owed


def _birthday_day(customer: KitCustomer, rules: KitRules, facts: _Facts) -> dt.date | None:
    if not customer.birthday_month or not customer.birthday_day:
        return None
    month, day = customer.birthday_month, customer.birthday_day
    step = rules.birthday_step
    by_post = (step.channel if step and step.channel else customer.preferred_channel) == "letter"
    lead = rules.lead_days(by_post)
    # After this year's greeting is done or skipped, the next one is next year's: a
    # greeting due before the birthday (a card's lead time) is for the one that follows.
    closed = facts.closed_birthday.get(customer.id)
    today = rules.today
    if closed:
        today = max(today, closed + dt.timedelta(days=1))
        greeted = next_birthday(month, day, closed)
        # Within the lead time before a birthday (and a week for days off rolled over),
        # the greeting was that birthday's, however late it was sent.
        if (greeted - closed).days <= lead + 7:
            today = max(today, greeted + dt.timedelta(days=1))
    return rules.birthday_day(today, month, day, by_post)


def _place(
    changes: _Changes,
    customer: KitCustomer,
    step: KitStep,
    rows: list[KitRow],
    due: dt.date,
    rules: KitRules,
    keep_overdue: bool = False,
) -> None:
    """Keep exactly one planned touchpoint for the step, on `due` unless the user pinned it
    (or, with `keep_overdue`, it is overdue: it stays on its date until the user acts)."""
    channel = step.channel or customer.preferred_channel
    for row in rows[1:]:
        changes.skip(row, N_("Replaced by a newer plan"))
    if not rows:
        changes.inserts.append(
            # Positional: this runs per customer, and keywords cost noticeably more.
            NewTouchpoint(
                next(changes.uids),
                customer.id,
                None,
                step.id,
                step.kind,
                0,
                channel,
                due,
                rules.instant(due, step.time_of_day),
            )
        )
        return
    keep = rows[0]
    day, at = keep.due_date, keep.due_at
    if not keep.pinned and not (keep_overdue and keep.due_date < rules.today):
        day, at = due, rules.instant(due, step.time_of_day)
    if (day, at, channel) != (keep.due_date, keep.due_at, keep.channel):
        changes.moves.append(TouchpointMove(keep.id, day, at, channel, keep.sequence + 1))
