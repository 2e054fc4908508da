"""Plan queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.plan import Plan, PlanStep

# A plan's steps, and their texts in other languages, each in one query (not one per step).
_STEPS = selectinload(Plan.steps).selectinload(PlanStep.texts)


def all_plans(session: Session) -> Sequence[Plan]:
    statement = select(Plan).options(_STEPS).order_by(Plan.id)
    return session.scalars(statement).all()


def by_name(session: Session, name: str) -> Plan | None:
    statement = select(Plan).options(_STEPS).where(Plan.name == name)
    return session.scalars(statement).first()


def by_builtin_key(session: Session, key: str) -> Plan | None:
    statement = select(Plan).options(_STEPS).where(Plan.builtin_key == key)
    return session.scalars(statement).first()


def by_id(session: Session, plan_id: int) -> Plan | None:
    return session.get(Plan, plan_id, options=[_STEPS])


def builtin_steps(session: Session, *, with_texts: bool = False) -> list[tuple[str, PlanStep]]:
    """(plan's built-in key, step) for every step of a built-in plan; `with_texts` loads
    their texts in other languages too, in one more query."""
    statement = (
        select(Plan.builtin_key, PlanStep)
        .join(PlanStep, PlanStep.plan_id == Plan.id)
        .where(Plan.builtin_key.is_not(None))
    )
    if with_texts:
        statement = statement.options(selectinload(PlanStep.texts))
    return [(key, step) for key, step in session.execute(statement) if key]


def builtin_keys(session: Session) -> set[str]:
    keys = session.scalars(select(Plan.builtin_key).where(Plan.builtin_key.is_not(None))).all()
    return {key for key in keys if key}
