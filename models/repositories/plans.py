"""Plan queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.plan import Plan, PlanStep


def all_plans(session: Session) -> Sequence[Plan]:
    statement = select(Plan).options(selectinload(Plan.steps)).order_by(Plan.id)
    return session.scalars(statement).all()


def by_name(session: Session, name: str) -> Plan | None:
    statement = select(Plan).options(selectinload(Plan.steps)).where(Plan.name == name)
    return session.scalars(statement).first()


def by_builtin_key(session: Session, key: str) -> Plan | None:
    statement = select(Plan).options(selectinload(Plan.steps)).where(Plan.builtin_key == key)
    return session.scalars(statement).first()


def by_id(session: Session, plan_id: int) -> Plan | None:
    return session.get(Plan, plan_id, options=[selectinload(Plan.steps)])


def builtin_steps(session: Session) -> list[tuple[str, PlanStep]]:
    """(plan's built-in key, step) for every step of a built-in plan."""
    statement = (
        select(Plan.builtin_key, PlanStep)
        .join(PlanStep, PlanStep.plan_id == Plan.id)
        .where(Plan.builtin_key.is_not(None))
    )
    return [(key, step) for key, step in session.execute(statement) if key]


def builtin_keys(session: Session) -> set[str]:
    keys = session.scalars(select(Plan.builtin_key).where(Plan.builtin_key.is_not(None))).all()
    return {key for key in keys if key}
