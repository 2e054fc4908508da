"""Referral asks answered: the customer gave a referral or testimonial, or declined."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.dto.outreach import ReferralAnswerDTO
from app.dto.vocabulary import Kind, Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.rules import undo
from app.rules.commitment_rows import live_customer
from app.rules.completion import after_change, complete
from app.rules.planning_context import PlanningContext
from app.validation import clean_block
from models.responsiveness import ReferralAnswer
from models.touchpoint import Touchpoint


class ReferralService:
    """Every public method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def answer(self, touchpoint_id: int, given: bool, note: str = "") -> ReferralAnswerDTO:
        """Record the answer to a referral ask (completing the ask if still planned); one
        answer per ask."""
        ctx = self._planning()
        note = clean_block(note, 5000, N_("note"))
        with self._sessions.begin() as session:
            row = session.get(Touchpoint, touchpoint_id)
            customer = live_customer(session, row.customer_id) if row else None
            if row is None or customer is None:
                raise NotFound(
                    _("touchpoint {touchpoint_id} does not exist").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            if row.kind != Kind.REFERRAL:
                raise ValidationError(
                    _("touchpoint {touchpoint_id} is not a referral ask").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            if row.status == Status.SKIPPED:
                raise ValidationError(
                    _("referral ask {touchpoint_id} was skipped, never made").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            taken = select(ReferralAnswer.id).where(ReferralAnswer.touchpoint_id == row.id)
            if session.scalars(taken).first() is not None:
                raise ValidationError(
                    _("the answer to referral ask {touchpoint_id} is recorded").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            with undo.recorded(session, row.id, customer.id, "referral", ctx.now):
                answer_word = _("Yes") if given else _("No")
                text = (
                    _("{answer}: {note}").format(answer=answer_word, note=note)
                    if note
                    else answer_word
                )
                if row.status == Status.PLANNED:
                    complete(
                        session, row, ctx, text, _("Referral ask: {answer}").format(answer=text)
                    )
                answer = ReferralAnswer(
                    customer_id=customer.id,
                    touchpoint_id=row.id,
                    given=given,
                    note=note,
                    created_at=ctx.now,
                )
                session.add(answer)
                session.flush()
                after_change(session, customer, ctx, row.sale_id)
            return ReferralAnswerDTO(answer.id, customer.id, row.id, given, note)
