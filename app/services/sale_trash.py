"""Deleting a sale without losing it: its open follow-ups stop, and Undo brings both back."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.dto.sales import SaleDTO
from app.dto.vocabulary import Status
from app.errors import NotFound
from app.i18n import _
from app.rules import do_not_contact, kit_settle
from app.rules.planning_context import PlanningContext
from app.rules.sale_planning import redate_sale
from app.rules.touchpoint_rows import skip_planned
from app.services.sales import sale_dto
from models.customer import Customer
from models.sale import Sale
from models.touchpoint import Touchpoint
from models.write_log import named_writes

SALE_DELETED = "Sale was deleted"


class SaleTrashService:
    """Soft delete: history stays; done and skipped follow-ups are never touched."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def delete(self, sale_id: int) -> SaleDTO:
        ctx = self._planning()
        with self._sessions.begin() as session:
            sale = session.get(Sale, sale_id)
            if sale is None or sale.deleted_at is not None:
                raise NotFound(_("sale {sale_id} does not exist").format(sale_id=sale_id))
            sale.deleted_at = ctx.now
            skip_planned(
                session, sale.customer_id, Touchpoint.sale_id == sale_id, SALE_DELETED, ctx.now
            )
            self._refresh(session, sale, ctx)
            return sale_dto(sale)

    def restore(self, sale_id: int) -> SaleDTO:
        """Undo: the follow-ups the deletion stopped are planned again, on current dates."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            sale = session.get(Sale, sale_id)
            if sale is None or sale.deleted_at is None:
                raise NotFound(_("sale {sale_id} is not in the trash").format(sale_id=sale_id))
            sale.deleted_at = None
            with named_writes(session, [sale.customer_id]):
                session.execute(
                    update(Touchpoint)
                    .where(Touchpoint.sale_id == sale_id, Touchpoint.skip_reason == SALE_DELETED)
                    .values(
                        status=Status.PLANNED,
                        skip_reason="",
                        sequence=Touchpoint.sequence + 1,
                        updated_at=ctx.now,
                    )
                    .execution_options(synchronize_session="fetch")
                )
            session.expire_all()
            customer = session.get(Customer, sale.customer_id)
            if customer is not None:
                # A customer who asked not to be contacted meanwhile gets none of them.
                do_not_contact.follow_flag(session, customer, ctx)
            redate_sale(session, sale, ctx)
            self._refresh(session, sale, ctx)
            return sale_dto(sale)

    def deleted(self, customer_id: int) -> list[SaleDTO]:
        with self._sessions() as session:
            statement = select(Sale).where(
                Sale.customer_id == customer_id, Sale.deleted_at.is_not(None)
            )
            return [sale_dto(row) for row in session.scalars(statement)]

    @staticmethod
    def _refresh(session: Session, sale: Sale, ctx: PlanningContext) -> None:
        customer = session.get(Customer, sale.customer_id)
        if customer is not None:
            kit_settle.settle_customer(session, customer, ctx)
