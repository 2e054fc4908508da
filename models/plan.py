"""Plan aggregate: a named sequence of follow-up steps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow


class Plan(Base):
    """A follow-up plan; built-ins carry a key so they can be restored."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # What starts it: won_sale, lost_sale, keep_in_touch, recovery.
    trigger: Mapped[str] = mapped_column(String(24))
    builtin_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    # What a late delivery does to later steps: "keep" their dates or "shift" them.
    lateness_policy: Mapped[str] = mapped_column(String(8), default="shift")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    steps: Mapped[list[PlanStep]] = relationship(
        back_populates="plan",
        order_by="PlanStep.position",
        cascade="all, delete-orphan",
    )


class PlanStep(Base):
    """One step: kind + channel + offset from an anchor, with its message template."""

    __tablename__ = "plan_step"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(24))
    # None means "the customer's preferred channel".
    channel: Mapped[str | None] = mapped_column(String(16))
    offset_amount: Mapped[int] = mapped_column(default=0)
    offset_unit: Mapped[str] = mapped_column(String(16), default="days")
    anchor: Mapped[str] = mapped_column(String(24))
    # None means all-day.
    time_of_day: Mapped[dt.time | None]
    # Where a non-working day sends the date: "next" or "previous" working day.
    roll: Mapped[str] = mapped_column(String(8), default="next")
    subject_template: Mapped[str] = mapped_column(Text, default="")
    body_template: Mapped[str] = mapped_column(Text, default="")
    repeat_amount: Mapped[int | None]
    repeat_unit: Mapped[str | None] = mapped_column(String(16))

    plan: Mapped[Plan] = relationship(back_populates="steps")
    # The step's text in other languages; English stays on the step itself.
    texts: Mapped[list[PlanStepText]] = relationship(
        back_populates="step", cascade="all, delete-orphan", order_by="PlanStepText.language"
    )


class PlanStepText(Base):
    """A step's subject and body in one language other than English."""

    __tablename__ = "plan_step_text"

    step_id: Mapped[int] = mapped_column(
        ForeignKey("plan_step.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    subject_template: Mapped[str] = mapped_column(Text, default="")
    body_template: Mapped[str] = mapped_column(Text, default="")

    step: Mapped[PlanStep] = relationship(back_populates="texts")
