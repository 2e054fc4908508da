"""Commitment use cases: promise, mark at risk (recovery starts), kept, broken; the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.commitments import (
    OPEN_STATUSES,
    ChecklistLine,
    CommitmentDTO,
    CommitmentInput,
    CompensationGuide,
    DeliveryRecord,
    Recovery,
)
from app.dto.timeline import MoneyTotal
from app.dto.vocabulary import Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.kinds import state_word
from app.rules import kit_settle
from app.rules.commitment_rows import (
    commitment_dto,
    is_overdue,
    live_customer,
    resolve,
    start_recovery,
)
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import to_dto
from app.scheduling.recovery import CHECKLIST, step_code
from app.validation import check_date, clean_block, clean_line
from models.commitment import Commitment
from models.repositories import commitments as repo
from models.repositories import touchpoints as tp_repo
from models.sale import Sale

MAX_BUFFER_DAYS = 365


def compensation_guide(
    session: Session, customer_id: int, ctx: PlanningContext
) -> CompensationGuide:
    """The floor is what winning a new customer costs: marketing budget / customers won."""
    prefs = ctx.prefs
    floor = None
    if prefs.marketing_budget > 0 and prefs.customers_won > 0:
        floor = prefs.marketing_budget * 100 // prefs.customers_won
    totals = repo.won_totals(session, customer_id)
    value = tuple(MoneyTotal(code, totals[code]) for code in sorted(totals))
    return CompensationGuide(floor, prefs.currency, value)


class CommitmentService:
    """Every public method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def add(self, data: CommitmentInput) -> CommitmentDTO:
        ctx = self._planning()
        text = clean_line(data.text, 500, N_("promise"))
        if not text:
            raise ValidationError(_("say what was promised (the text is empty)"))
        if not 0 <= data.buffer_days <= MAX_BUFFER_DAYS:
            raise ValidationError(
                _("buffer days must be between 0 and {limit}").format(limit=MAX_BUFFER_DAYS)
            )
        check_date(data.due_on, N_("due date"))
        with self._sessions.begin() as session:
            customer = live_customer(session, data.customer_id)
            if customer is None:
                raise NotFound(
                    _("customer {customer_id} does not exist").format(customer_id=data.customer_id)
                )
            if data.sale_id is not None:
                sale = session.get(Sale, data.sale_id)
                if sale is None or sale.deleted_at is not None:
                    raise NotFound(_("sale {sale_id} does not exist").format(sale_id=data.sale_id))
                if sale.customer_id != customer.id:
                    raise ValidationError(
                        _("sale {sale_id} belongs to another customer").format(sale_id=data.sale_id)
                    )
            row = Commitment(
                customer_id=customer.id,
                sale_id=data.sale_id,
                text=text,
                due_on=data.due_on,
                buffer_days=data.buffer_days,
                status="on_track",
                note="",
                created_at=ctx.now,
                recovered=False,
            )
            session.add(row)
            session.flush()
            return commitment_dto(row, customer.name)

    def get(self, commitment_id: int) -> CommitmentDTO:
        with self._sessions() as session:
            return self._dto(session, commitment_id)

    def find(self, customer_id: int | None = None, open_only: bool = False) -> list[CommitmentDTO]:
        statuses = OPEN_STATUSES if open_only else ()
        with self._sessions() as session:
            rows = repo.with_names(session, customer_id=customer_id, statuses=statuses)
            return [commitment_dto(row, name) for row, name in rows]

    def at_risk(self, commitment_id: int, note: str = "") -> Recovery:
        """Start the recovery: its first steps are due today. Marking again adds the note only."""
        ctx = self._planning()
        note = clean_block(note, 2000, N_("note"))
        with self._sessions.begin() as session:
            row = self._open(session, commitment_id)
            created = start_recovery(session, row, ctx, note)
            self._after(session, row, ctx)
            return self._recovery(session, row, ctx, started=bool(created))

    def kept(self, commitment_id: int, note: str = "") -> CommitmentDTO:
        return self._resolve(commitment_id, kept=True, note=note)

    def broken(self, commitment_id: int, note: str = "") -> CommitmentDTO:
        return self._resolve(commitment_id, kept=False, note=note)

    def recovery(self, commitment_id: int) -> Recovery:
        ctx = self._planning()
        with self._sessions() as session:
            row = session.get(Commitment, commitment_id)
            if row is None:
                raise NotFound(
                    _("commitment {commitment_id} does not exist").format(
                        commitment_id=commitment_id
                    )
                )
            return self._recovery(session, row, ctx, started=False)

    def compensation(self, customer_id: int) -> CompensationGuide:
        ctx = self._planning()
        with self._sessions() as session:
            return compensation_guide(session, customer_id, ctx)

    def check_overdue(self) -> list[int]:
        """Start the recovery of every promise whose buffer ran out unkept; safe to call often.
        A sale's promised delivery is asked about first (deliveries_to_confirm): that nobody
        recorded the delivery is likelier than a broken promise."""
        ctx = self._planning()
        latest = ctx.today + dt.timedelta(days=MAX_BUFFER_DAYS)
        with self._sessions.begin() as session:
            started = []
            for row in repo.unchecked_due_by(session, latest):
                if row.sale_id is None and is_overdue(row, ctx.today):
                    start_recovery(session, row, ctx)
                    self._after(session, row, ctx)
                    started.append(row.id)
            return started

    def deliveries_to_confirm(self) -> list[CommitmentDTO]:
        """Promised deliveries whose day passed with no delivery recorded: "Was it
        delivered?" (delivered on a date, or not yet: at risk, and the recovery starts)."""
        ctx = self._planning()
        latest = ctx.today + dt.timedelta(days=MAX_BUFFER_DAYS)
        with self._sessions() as session:
            rows = repo.unchecked_due_by(session, latest, deliveries_only=True)
            names = repo.customer_names(session, {row.customer_id for row in rows})
            return [
                commitment_dto(row, names.get(row.customer_id, ""))
                for row in rows
                if is_overdue(row, ctx.today)
            ]

    def record(self, customer_id: int | None = None) -> DeliveryRecord:
        """Kept / broken / recovered (and still open) promises, of one customer or all."""
        with self._sessions() as session:
            counts = repo.outcome_counts(session, customer_id)
        return DeliveryRecord(
            kept=counts.get(("kept", False), 0) + counts.get(("kept", True), 0),
            broken=counts.get(("broken", False), 0),
            recovered=counts.get(("broken", True), 0),
            open=counts.get(("on_track", False), 0) + counts.get(("at_risk", False), 0),
            at_risk=counts.get(("at_risk", False), 0),
        )

    # --- helpers ----------------------------------------------------------------------
    def _resolve(self, commitment_id: int, *, kept: bool, note: str) -> CommitmentDTO:
        ctx = self._planning()
        note = clean_block(note, 2000, N_("note"))
        with self._sessions.begin() as session:
            row = self._open(session, commitment_id)
            if note:
                row.note = f"{row.note}\n{note}".strip()
            resolve(session, row, kept, ctx)
            self._after(session, row, ctx)
            return self._dto(session, row.id)

    @staticmethod
    def _open(session: Session, commitment_id: int) -> Commitment:
        row = session.get(Commitment, commitment_id)
        if row is None or live_customer(session, row.customer_id) is None:
            raise NotFound(
                _("commitment {commitment_id} does not exist").format(commitment_id=commitment_id)
            )
        if row.status not in OPEN_STATUSES:
            raise ValidationError(
                _("commitment {commitment_id} is already {status}").format(
                    commitment_id=commitment_id, status=state_word(row.status)
                )
            )
        return row

    @staticmethod
    def _after(session: Session, row: Commitment, ctx: PlanningContext) -> None:
        customer = live_customer(session, row.customer_id)
        if customer is not None:
            kit_settle.settle_customer(session, customer, ctx)
        session.flush()

    @staticmethod
    def _dto(session: Session, commitment_id: int) -> CommitmentDTO:
        found = repo.with_names(session, ids=[commitment_id])
        if not found:
            raise NotFound(
                _("commitment {commitment_id} does not exist").format(commitment_id=commitment_id)
            )
        return commitment_dto(*found[0])

    def _recovery(
        self, session: Session, row: Commitment, ctx: PlanningContext, started: bool
    ) -> Recovery:
        steps = repo.steps_of(session, row.id)
        by_code = {step_code(step.subject): step for step in steps}
        checklist = []
        for item in CHECKLIST:
            step = by_code.get(item.part_of)
            checklist.append(
                ChecklistLine(
                    item.code,
                    _(item.text),
                    step.id if step else None,
                    step is not None and step.status == Status.DONE,
                )
            )
        dtos = tuple(to_dto(r) for r in tp_repo.by_ids(session, [s.id for s in steps]))
        return Recovery(
            commitment=self._dto(session, row.id),
            touchpoints=dtos,
            checklist=tuple(checklist),
            compensation=compensation_guide(session, row.customer_id, ctx),
            started=started,
        )
