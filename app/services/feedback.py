"""Feedback scores: low calls off the referral ask for a recovery call, high brings it forward."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.dto.outreach import FeedbackResult
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.rules import undo
from app.rules.adhoc_drafts import LOW_FEEDBACK_SUBJECT
from app.rules.commitment_rows import live_customer
from app.rules.completion import after_change, complete
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import local_time, move, new_touchpoint, to_dto
from app.scheduling.gaps import place_with_gap
from app.validation import clean_block
from models.repositories import outreach as repo
from models.repositories import touchpoints as tp_repo
from models.responsiveness import Feedback
from models.touchpoint import Touchpoint

LOW_SCORE = 2
HIGH_SCORE = 4
LOW_REASON = N_("Low feedback score")


class FeedbackService:
    """Every public method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def record(self, touchpoint_id: int, score: int, note: str = "") -> FeedbackResult:
        """Store the score from a feedback touchpoint (completing it if still planned)."""
        ctx = self._planning()
        if not 1 <= score <= 5:
            raise ValidationError(_("score must be 1 to 5, got {score}").format(score=score))
        note = clean_block(note, 5000, N_("note"))
        with self._sessions.begin() as session:
            row = session.get(Touchpoint, touchpoint_id)
            customer = live_customer(session, row.customer_id) if row else None
            if row is None or customer is None:
                raise NotFound(
                    _("follow-up {touchpoint_id} does not exist").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            if row.kind != "feedback":
                raise ValidationError(
                    _("follow-up {touchpoint_id} is not a feedback request").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            taken = select(Feedback.id).where(Feedback.touchpoint_id == row.id)
            if session.scalars(taken).first() is not None:
                raise ValidationError(
                    _("feedback for follow-up {touchpoint_id} is already recorded").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            with undo.recorded(session, row.id, customer.id, "feedback", ctx.now):
                text = (
                    _("Score {score}/5: {note}").format(score=score, note=note)
                    if note
                    else _("Score {score}/5").format(score=score)
                )
                if row.status == Status.PLANNED:
                    complete(session, row, ctx, text, _("Feedback: {outcome}").format(outcome=text))
                feedback = Feedback(
                    customer_id=customer.id,
                    touchpoint_id=row.id,
                    score=score,
                    note=note,
                    created_at=ctx.now,
                )
                session.add(feedback)
                skipped: list[int] = []
                added: list[int] = []
                moved: list[int] = []
                if score <= LOW_SCORE:
                    skipped = self._call_off_referrals(session, customer.id, ctx)
                    added = [self._recovery_call(session, customer.id, score, ctx)]
                elif score >= HIGH_SCORE:
                    moved = self._bring_referral_forward(session, customer.id, ctx)
                session.flush()
                after_change(session, customer, ctx, row.sale_id)

            return FeedbackResult(
                feedback.id,
                customer.id,
                row.id,
                score,
                note,
                _dtos(session, skipped),
                _dtos(session, added),
                _dtos(session, moved),
            )

    @staticmethod
    def _call_off_referrals(session: Session, customer_id: int, ctx: PlanningContext) -> list[int]:
        rows = repo.planned_of_kind(session, customer_id, "referral")
        for row in rows:
            row.status, row.skip_reason = "skipped", LOW_REASON
            row.sequence += 1
            row.updated_at = ctx.now
        return [row.id for row in rows]

    @staticmethod
    def _recovery_call(session: Session, customer_id: int, score: int, ctx: PlanningContext) -> int:
        day = ctx.calendar.next_working_day(ctx.today)
        row = new_touchpoint(
            customer_id=customer_id,
            sale_id=None,
            step_id=None,
            kind="recovery",
            channel="phone",
            day=day,
            time_of_day=ctx.prefs.work_start,
            zone=ctx.zone,
        )
        row.subject = f"{LOW_FEEDBACK_SUBJECT} (score {score}/5)"
        session.add(row)
        session.flush()
        return row.id

    @staticmethod
    def _bring_referral_forward(
        session: Session, customer_id: int, ctx: PlanningContext
    ) -> list[int]:
        """The next referral ask moves to the next working day the gap rule allows."""
        rows = repo.planned_of_kind(session, customer_id, "referral")
        if not rows:
            return []
        ask = rows[0]
        others = tp_repo.planned_dates(session, customer_id, [ask.id])
        start = ctx.calendar.next_working_day(ctx.today)
        day = place_with_gap(start, others, ctx.prefs.min_gap_days, ctx.calendar)
        if day >= ask.due_date:
            return []
        move(ask, day, local_time(ask, ctx.zone), ctx.zone)
        # Chosen because of the feedback: re-planning the sale must not push it back.
        ask.pinned = True
        return [ask.id]


def _dtos(session: Session, ids: Sequence[int]) -> tuple[TouchpointDTO, ...]:
    return tuple(to_dto(row) for row in tp_repo.by_ids(session, ids)) if ids else ()
