"""Sale use cases: record (with its plan's touchpoints), preview, move delivery dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.dto.sales import SaleDTO, SaleInput, SalePreview, SaleResult
from app.dto.touchpoints import PlannedPreview, TouchpointDTO
from app.dto.vocabulary import Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.kinds import LOST_REASON_LABELS
from app.rules import commitment_rows, kit_settle
from app.rules.planning_context import PlanningContext
from app.rules.sale_planning import create_touchpoints, plan_sale, redate_sale
from app.rules.touchpoint_rows import to_dto
from app.validation import check_date, check_optional_date, clean_block
from models.customer import Customer
from models.plan import Plan
from models.repositories import plans as plan_repo
from models.repositories import sales as sale_repo
from models.repositories import touchpoints as tp_repo
from models.sale import Sale

DEFAULT_PLAN = {"won": "won_sale", "lost": "lost_sale"}
AMOUNT_PATTERN = re.compile(r"-?\d{1,12}(?:[.,]\d{1,2})?")
CURRENCY_PATTERN = re.compile(r"[A-Z]{3}")


def sale_dto(row: Sale) -> SaleDTO:
    return SaleDTO(
        id=row.id,
        customer_id=row.customer_id,
        closed_on=row.closed_on,
        outcome=row.outcome,
        amount_minor=row.amount_minor,
        currency=row.currency,
        description=row.description,
        promised_delivery=row.promised_delivery,
        actual_delivery=row.actual_delivery,
        plan_id=row.plan_id,
        lost_reason=row.lost_reason,
        lost_note=row.lost_note,
    )


# Bulk imports repeat amounts: each distinct text is parsed once (errors are not cached).
@lru_cache(maxsize=4096)
def parse_amount(text: str) -> int | None:
    """'1250', '1250.5' or '1250,50' to minor units; thousands separators are refused."""
    value = text.strip().replace(" ", "")
    if not value:
        return None
    if not AMOUNT_PATTERN.fullmatch(value):
        raise ValidationError(
            _("amount {text!r} must be a number like 1250 or 1250.50").format(text=text)
        )
    whole, _point, cents = value.replace(",", ".").partition(".")
    sign = -1 if whole.startswith("-") else 1
    minor = abs(int(whole)) * 100 + int((cents + "00")[:2])
    if sign < 0:
        raise ValidationError(_("amount must not be negative"))
    return minor


def find_plan(session: Session, data: SaleInput) -> Plan:
    """The plan named in the input, else the built-in one for the outcome."""
    if data.outcome not in DEFAULT_PLAN:
        raise ValidationError(
            _("outcome must be won or lost, not {outcome!r}").format(outcome=data.outcome)
        )
    check_date(data.closed_on, N_("close date"))
    check_optional_date(data.promised_delivery, N_("promised delivery"))
    plan_name = data.plan_name.strip()
    plan_row = (
        plan_repo.by_name(session, plan_name)
        if plan_name
        else plan_repo.by_builtin_key(session, DEFAULT_PLAN[data.outcome])
    )
    if plan_row is None:
        raise NotFound(
            _("no plan named {name!r}").format(name=plan_name or DEFAULT_PLAN[data.outcome])
        )
    return plan_row


def sale_row(data: SaleInput, plan_row: Plan, default_currency: str) -> Sale:
    """A validated, not yet added Sale; raises ValidationError naming the bad field."""
    return Sale(**sale_values(data, plan_row, default_currency))


def sale_values(data: SaleInput, plan_row: Plan, default_currency: str) -> dict[str, Any]:
    """Validated column values of a new sale."""
    if data.outcome not in DEFAULT_PLAN:
        raise ValidationError(
            _("outcome must be won or lost, not {outcome!r}").format(outcome=data.outcome)
        )
    if data.promised_delivery and data.outcome == "lost":
        raise ValidationError(_("a lost sale has no delivery to promise"))
    if data.promised_delivery and data.promised_delivery < data.closed_on:
        raise ValidationError(_("the promised delivery cannot be before the close date"))
    reason, note = check_lost_reason(data)
    currency = (data.currency or default_currency).strip().upper()
    if not CURRENCY_PATTERN.fullmatch(currency):
        raise ValidationError(
            _("currency {currency!r} must be a code like EUR").format(currency=data.currency)
        )
    return {
        "customer_id": data.customer_id,
        "closed_on": data.closed_on,
        "outcome": data.outcome,
        "amount_minor": parse_amount(data.amount),
        "currency": currency,
        "description": clean_block(data.description, 2000, N_("description")),
        "promised_delivery": data.promised_delivery,
        "baseline_delivery": data.promised_delivery,
        "plan_id": plan_row.id,
        # Known only for a past sale brought in (app.services.sales_import).
        "actual_delivery": None,
        "lost_reason": reason,
        "lost_note": note,
    }


def check_lost_reason(data: SaleInput) -> tuple[str, str]:
    """The lost reason and note, cleaned; only a lost sale has them."""
    reason = data.lost_reason.strip().lower().replace(" ", "_")
    note = clean_block(data.lost_note, 2000, N_("lost note"))
    if data.outcome != "lost":
        if reason or note:
            raise ValidationError(_("only a lost sale has a lost reason"))
        return "", ""
    if reason and reason not in LOST_REASON_LABELS:
        choices = ", ".join(key.replace("_", " ") for key in LOST_REASON_LABELS)
        raise ValidationError(
            _("lost reason {lost_reason!r} must be one of: {choices}").format(
                lost_reason=data.lost_reason, choices=choices
            )
        )
    return reason, note


class SaleService:
    """Every method is one transaction: a sale and its touchpoints land together or not at all."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def _validated(self, session: Session, data: SaleInput) -> tuple[Customer, Plan, Sale]:
        customer = session.get(Customer, data.customer_id)
        if customer is None or customer.deleted_at is not None:
            raise NotFound(
                _("customer {customer_id} does not exist").format(customer_id=data.customer_id)
            )
        plan_row = find_plan(session, data)
        return customer, plan_row, sale_row(data, plan_row, self._planning().prefs.currency)

    def preview(self, data: SaleInput) -> SalePreview:
        """The touchpoints record() would create, without writing anything."""
        ctx = self._planning()
        with self._sessions() as session:
            customer, plan_row, sale = self._validated(session, data)
            result = plan_sale(session, sale, customer, plan_row, ctx)
            items = tuple(
                PlannedPreview(
                    step_position=item.step_index,
                    occurrence=item.occurrence,
                    kind=item.kind,
                    channel=item.channel.value,
                    due_date=item.due_date,
                    time_of_day=item.time_of_day,
                    waiting_for=item.waiting_for.value if item.waiting_for else None,
                )
                for item in result.items
            )
            return SalePreview(plan_row.name, items, result.skipped_reason)

    def record(self, data: SaleInput) -> SaleResult:
        ctx = self._planning()
        with self._sessions.begin() as session:
            customer, plan_row, sale = self._validated(session, data)
            session.add(sale)
            session.flush()
            rows, reason = create_touchpoints(
                session, sale, customer, plan_row, ctx, data.date_overrides
            )
            commitment_rows.sync_sale(session, sale, ctx)
            kit_settle.settle_customer(session, customer, ctx)
            session.flush()
            touchpoints = self._dtos(session, [row.id for row in rows])
            return SaleResult(sale_dto(sale), touchpoints, reason)

    def update_delivery(
        self,
        sale_id: int,
        *,
        promised: dt.date | None = None,
        delivered: dt.date | None = None,
    ) -> SaleResult:
        """Move the promised delivery and/or record the actual one; touchpoints follow."""
        ctx = self._planning()
        check_optional_date(promised, N_("promised delivery"))
        check_optional_date(delivered, N_("delivery"))
        with self._sessions.begin() as session:
            sale = self._live(session, sale_id)
            if sale.outcome == "lost" and (promised or delivered):
                raise ValidationError(_("a lost sale has no delivery to promise or record"))
            if promised is not None:
                if promised < sale.closed_on:
                    raise ValidationError(
                        _("the promised delivery cannot be before the close date")
                    )
                sale.promised_delivery = promised
                if sale.baseline_delivery is None:
                    sale.baseline_delivery = promised
            if delivered is not None:
                if delivered < sale.closed_on:
                    raise ValidationError(_("the delivery cannot be before the close date"))
                sale.actual_delivery = delivered
            redate_sale(session, sale, ctx)
            commitment_rows.sync_sale(session, sale, ctx)
            customer = session.get(Customer, sale.customer_id)
            assert customer is not None
            kit_settle.settle_customer(session, customer, ctx)
            session.flush()
            ids = [row.id for row in tp_repo.of_sale(session, sale.id)]
            return SaleResult(sale_dto(sale), self._dtos(session, ids, planned_only=True))

    def get(self, sale_id: int) -> SaleDTO:
        with self._sessions() as session:
            return sale_dto(self._live(session, sale_id))

    def of_customer(self, customer_id: int) -> list[SaleDTO]:
        with self._sessions() as session:
            return [sale_dto(row) for row in sale_repo.of_customer(session, customer_id)]

    @staticmethod
    def _live(session: Session, sale_id: int) -> Sale:
        sale = session.get(Sale, sale_id)
        if sale is None or sale.deleted_at is not None:
            raise NotFound(_("sale {sale_id} does not exist").format(sale_id=sale_id))
        return sale

    @staticmethod
    def _dtos(
        session: Session, ids: list[int], planned_only: bool = False
    ) -> tuple[TouchpointDTO, ...]:
        if not ids:
            return ()
        rows = [to_dto(row) for row in tp_repo.by_ids(session, ids)]
        return tuple(row for row in rows if not planned_only or row.status == Status.PLANNED)
