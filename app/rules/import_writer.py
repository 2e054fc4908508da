"""Writing an import in chunks: insert, merge, plan keep-in-touch some thousand rows at a time."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.progress import Progress
from app.rules import keep_in_touch
from app.rules.import_merge import merge_into, merge_values
from app.rules.keep_in_touch import NewCustomerPlan
from app.rules.planning_context import PlanningContext
from models.customer import Customer
from models.repositories import customer_bulk
from models.repositories import keep_in_touch as kit_repo
from models.repositories.keep_in_touch import chunks

INSERT_CHUNK = 10_000
# A file read again (a big one) goes in smaller chunks: memory, not speed, is the limit.
STREAM_CHUNK = 1_000


class ChunkWriter:
    """Rows arrive in file order; every INSERT_CHUNK of them are written and let go.

    Holding every new customer (and its ORM object) until the end took ten times the
    file's size in memory; a chunk is planned, flushed and dropped from the session.
    """

    def __init__(
        self,
        session: Session,
        ctx: PlanningContext,
        now: dt.datetime,
        progress: Progress,
        total: int,
        targets: Collection[int],
        collect: bool,
    ) -> None:
        self._session, self._ctx, self._now = session, ctx, now
        self._progress, self._total = progress, total
        self._targets = targets  # rows that later rows of the file merge into
        self._collect = collect
        self._chunk = STREAM_CHUNK if collect else INSERT_CHUNK
        self._pending: dict[int, dict[str, Any]] = {}
        self._ids: dict[int, int] = {}
        self._merges: dict[int, list[dict[str, Any]]] = {}
        self.added = 0

    def add(self, row: int, values: dict[str, Any]) -> None:
        # Only a row that later rows merge into is changed here (the preview's stays as shown).
        self._pending[row] = dict(values) if row in self._targets else values
        if len(self._pending) >= self._chunk:
            self.flush()

    def merge_row(self, earlier: int, values: dict[str, Any]) -> bool:
        """Merge into an earlier new row of the file; False when there is none."""
        if earlier in self._pending:
            merge_values(self._pending[earlier], values)
            return True
        if earlier in self._ids:
            self.merge_customer(self._ids[earlier], values)
            return True
        return False

    def merge_customer(self, customer_id: int, values: dict[str, Any]) -> None:
        self._merges.setdefault(customer_id, []).append(values)
        if len(self._merges) >= self._chunk:
            self.flush()

    def flush(self) -> None:
        added, merged = self._insert(), self._merge()
        if added is not None or merged:
            if added is not None:
                added.insert(self._session)
            if merged:
                keep_in_touch.refresh_customers(self._session, merged, self._ctx)
            self._session.flush()
            self._session.expunge_all()
            if self._collect:
                # The ORM's objects refer to their state and back: only the collector frees them.
                gc.collect()

    def _insert(self) -> NewCustomerPlan | None:
        """Insert the pending rows, planned first (see NewCustomerPlan); their plan to write."""
        if not self._pending:
            return None
        rows = list(self._pending)
        values = [self._pending[row] for row in rows]
        # The write lock is held: the ids these rows will get are known before the insert.
        first = customer_bulk.next_id(self._session)
        # Planning reads a few columns: plain rows, not ORM objects (loading those took
        # longer than planning them), made from what will be inserted, with the creation
        # time as the table will hand it back.
        created = kit_repo.as_stored(self._now)
        kit = [
            kit_repo.CustomerRow(
                first + n, row["preferred_channel"], bool(row["do_not_contact"]),
                bool(row["is_key"]), row["keep_in_touch_days"], row["birthday_month"],
                row["birthday_day"], created, None,
            )
            for n, row in enumerate(values)
        ]  # fmt: skip
        plan = keep_in_touch.plan_new_customers(self._session, kit, self._ctx)
        days = [plan.first_days.get(first + n) for n in range(len(values))]
        if customer_bulk.insert_customers(self._session, values, self._now, days) != first:
            # The next follow-ups were set for other ids: undo the whole transaction.
            raise RuntimeError("the new customers did not get the ids they were planned with")
        # Ids follow the insert order (see insert_customers).
        self._ids.update((row, first + n) for n, row in enumerate(rows) if row in self._targets)
        self._pending.clear()
        self.added += len(rows)
        self._progress.report(self.added, self._total, _("Adding customers…"))
        return plan

    def _merge(self) -> list[Customer]:
        if not self._merges:
            return []
        found: list[Customer] = []
        for part in chunks(sorted(self._merges)):
            for customer in self._session.scalars(select(Customer).where(Customer.id.in_(part))):
                for values in self._merges[customer.id]:
                    merge_into(customer, values)
                found.append(customer)
        self._merges.clear()
        self._session.flush()
        return found
