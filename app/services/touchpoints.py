"""Touchpoint use cases: done (logs an interaction), skip, snooze, reschedule, add, undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.touchpoints import AddedFollowUp, NewFollowUp, TouchpointDTO, UndoableAction
from app.dto.vocabulary import Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.kinds import kind_label, state_word
from app.rules import undo
from app.rules.brought_items import record_brought_item
from app.rules.completion import after_touchpoint_change
from app.rules.hand_added import add_by_hand
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import local_time, move, to_dto
from app.scheduling.snooze import snooze_by_days, snooze_to_next_working_day, snooze_until
from app.services.requests import mark_answered
from app.validation import check_channel, check_date, check_optional_date, clean_block
from models.customer import Customer
from models.interaction import Interaction
from models.repositories import touchpoints as repo
from models.touchpoint import Touchpoint


class TouchpointService:
    """Done and skipped touchpoints are history: they never move again."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def get(self, touchpoint_id: int) -> TouchpointDTO:
        with self._sessions() as session:
            rows = repo.by_ids(session, [touchpoint_id])
            if not rows:
                raise NotFound(
                    _("follow-up {touchpoint_id} does not exist").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            return to_dto(rows[0])

    def done(self, touchpoint_id: int, note: str = "", channel: str = "") -> TouchpointDTO:
        ctx = self._planning()
        note = clean_block(note, 5000, N_("note"))
        with self._sessions.begin() as session:
            row = self._planned(session, touchpoint_id)
            used = check_channel(channel) if channel else row.channel
            with undo.recorded(session, row.id, row.customer_id, "done", ctx.now):
                self._complete(session, row, ctx, note, used)
            return self._dto(session, row.id)

    @staticmethod
    def _complete(
        session: Session, row: Touchpoint, ctx: PlanningContext, note: str, used: str
    ) -> None:
        row.status, row.completed_at = "done", ctx.now
        row.outcome_note, row.channel = note, used
        row.sequence += 1
        sent = record_brought_item(session, row, ctx)
        what = f"{kind_label(row.kind)}: sent {sent}" if sent else kind_label(row.kind)
        summary = what + (f": {note}" if note else "")
        session.add(
            Interaction(
                customer_id=row.customer_id,
                touchpoint_id=row.id,
                occurred_at=ctx.now,
                channel=used,
                summary=summary,
            )
        )
        if row.request_id is not None:
            mark_answered(session, row.request_id, ctx.now, note)
        session.flush()
        after_touchpoint_change(session, row, ctx)

    def skip(self, touchpoint_id: int, reason: str = "") -> TouchpointDTO:
        ctx = self._planning()
        reason = clean_block(reason, 2000, N_("reason"))
        with self._sessions.begin() as session:
            row = self._planned(session, touchpoint_id)
            with undo.recorded(session, row.id, row.customer_id, "skip", ctx.now):
                row.status, row.skip_reason = "skipped", reason
                row.sequence += 1
                # A skipped follow-up's last change is its skip: the clock's now, as the bulk
                # skip paths write it (the column's own default reads the wall clock).
                row.updated_at = ctx.now
                session.flush()
                after_touchpoint_change(session, row, ctx)
            return self._dto(session, row.id)

    def snooze(
        self,
        touchpoint_id: int,
        *,
        days: int | None = None,
        until: dt.date | None = None,
    ) -> TouchpointDTO:
        """Next working day (no argument), N days later, or until a date; on a working day."""
        ctx = self._planning()
        check_optional_date(until, N_("snooze date"))
        with self._sessions.begin() as session:
            row = self._planned(session, touchpoint_id)
            base = max(ctx.today, row.due_date)
            if until is not None:
                target = snooze_until(until, ctx.calendar, ctx.today)
            elif days is not None:
                if not 1 <= days <= 3650:
                    raise ValidationError(_("snooze by 1 to 3650 days"))
                target = snooze_by_days(base, days, ctx.calendar)
            else:
                target = snooze_to_next_working_day(ctx.today, ctx.calendar)
            with undo.recorded(session, row.id, row.customer_id, "snooze", ctx.now):
                if row.snoozed_from is None:
                    row.snoozed_from = row.due_date
                # The day is the one asked for; its time inside that day's working hours.
                at = ctx.calendar.working_time(local_time(row, ctx.zone))
                self._move_by_hand(row, target, at, ctx)
            return self._dto(session, row.id)

    def reschedule(
        self, touchpoint_id: int, day: dt.date, time_of_day: dt.time | None = None
    ) -> TouchpointDTO:
        """Put it on a day (and time) the user chose; non-working days are allowed by hand."""
        ctx = self._planning()
        check_date(day, N_("date"))
        with self._sessions.begin() as session:
            row = self._planned(session, touchpoint_id)
            if day < ctx.today:
                raise ValidationError(_("a follow-up cannot be moved into the past"))
            with undo.recorded(session, row.id, row.customer_id, "reschedule", ctx.now):
                self._move_by_hand(row, day, time_of_day, ctx)
            return self._dto(session, row.id)

    def add(self, data: NewFollowUp) -> AddedFollowUp:
        """A follow-up added by hand, on the day the user chose (see rules.hand_added)."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            row, warning = add_by_hand(session, data, ctx)
            undo.record_added(session, row.id, row.customer_id, ctx.now)
            return AddedFollowUp(self._dto(session, row.id), warning)

    def next_working_day(self) -> dt.date:
        """The day a follow-up added by hand is proposed for."""
        ctx = self._planning()
        return ctx.calendar.next_working_day(ctx.today)

    def undo(self, touchpoint_id: int) -> tuple[TouchpointDTO | None, str]:
        """Take back the newest done, skip, snooze, change of date or adding of this
        follow-up; returns it as it is again (None once an undone add removed it), and the
        action's name."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            if session.get(Touchpoint, touchpoint_id) is None:
                raise NotFound(
                    _("Follow-up {touchpoint_id} does not exist.").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            entry = undo.newest(session, touchpoint_id)
            if entry is None:
                raise ValidationError(
                    _("Follow-up {touchpoint_id} has nothing to undo.").format(
                        touchpoint_id=touchpoint_id
                    )
                )
            label = _(undo.ACTION_LABELS.get(entry.action, entry.action))
            undo.undo(session, entry, ctx.now)
            rows = repo.by_ids(session, [touchpoint_id])
            return (to_dto(rows[0]) if rows else None), label

    def last_undoable(self) -> UndoableAction | None:
        """The newest action on any follow-up that undo would take back."""
        with self._sessions() as session:
            entry = undo.newest(session)
            if entry is None:
                return None
            label = _(undo.ACTION_LABELS.get(entry.action, entry.action))
            return UndoableAction(entry.id, entry.touchpoint_id, entry.action, label)

    @staticmethod
    def _move_by_hand(
        row: Touchpoint, day: dt.date, time_of_day: dt.time | None, ctx: PlanningContext
    ) -> None:
        move(row, day, time_of_day, ctx.zone)
        # The user chose this date: re-planning must not take it back.
        row.pinned = True

    @staticmethod
    def _planned(session: Session, touchpoint_id: int) -> Touchpoint:
        row = session.get(Touchpoint, touchpoint_id)
        if row is None:
            raise NotFound(
                _("follow-up {touchpoint_id} does not exist").format(touchpoint_id=touchpoint_id)
            )
        if row.status != Status.PLANNED:
            raise ValidationError(
                _("follow-up {touchpoint_id} is already {status}; history does not change").format(
                    touchpoint_id=touchpoint_id, status=state_word(row.status)
                )
            )
        customer = session.get(Customer, row.customer_id)
        if customer is None or customer.deleted_at is not None:
            # A trashed customer's plan is on hold: acting on it would log contacts and
            # re-plan for someone the user chose to remove.
            raise ValidationError(
                _(
                    "follow-up {touchpoint_id} belongs to customer {customer_id}, who is in "
                    "the trash; restore the customer first"
                ).format(touchpoint_id=touchpoint_id, customer_id=row.customer_id)
            )
        return row

    @staticmethod
    def _dto(session: Session, touchpoint_id: int) -> TouchpointDTO:
        return to_dto(repo.by_ids(session, [touchpoint_id])[0])
