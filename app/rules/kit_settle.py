"""Keep-in-touch settled once per unit of work: every change to a customer's contacts, sales
or cadence asks for it, and the customer's check-in and birthday greeting are brought in
line once, from the final state, just before the unit of work commits."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.rules import keep_in_touch
from app.rules.keep_in_touch import KitCustomer
from app.rules.planning_context import PlanningContext

# Session.info key: the customers this unit of work touched, settled as it commits.
_UNSETTLED = "planner_keep_in_touch_unsettled"


def settle_customer(session: Session, customer: KitCustomer, ctx: PlanningContext) -> None:
    """This unit of work changed something the customer's keep-in-touch depends on (a sale,
    a contact, their cadence...): their check-in and birthday greeting are brought in line
    once, from the final state, just before it commits, however many changes touched them."""
    unsettled = session.info.get(_UNSETTLED)
    if unsettled is None:
        unsettled = session.info[_UNSETTLED] = {}
        event.listen(session, "before_commit", _settle)
    unsettled[customer.id] = (customer, ctx)


def settle_pending(session: Session) -> None:
    """Settle now what this unit of work left unsettled (it would be at commit), for a
    caller that must see the outcome before committing (undo records it)."""
    _settle(session)


def _settle(session: Session) -> None:
    unsettled = session.info.pop(_UNSETTLED, {})
    if unsettled:
        customers = [customer for customer, _ctx in unsettled.values()]
        # One planning moment per unit of work: the last one asked for.
        ctx = list(unsettled.values())[-1][1]
        keep_in_touch.refresh_customers(session, customers, ctx)
