"""Inbound requests: logged with a response-due time in working hours, answered, listed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.outreach import RequestDTO
from app.dto.vocabulary import Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.kinds import kind_label
from app.rules import undo
from app.rules.commitment_rows import live_customer
from app.rules.completion import after_change, complete, log_contact
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import new_touchpoint
from app.scheduling.working_hours import add_working_hours
from app.validation import check_channel, clean_block, clean_line
from models.repositories import outreach as repo
from models.responsiveness import InboundRequest

SUBJECT_LIMIT = 200


def request_dto(row: InboundRequest, name: str, now: dt.datetime, tp_id: int | None) -> RequestDTO:
    return RequestDTO(
        id=row.id,
        customer_id=row.customer_id,
        customer_name=name,
        received_at=row.received_at,
        channel=row.channel,
        summary=row.summary,
        due_at=row.due_at,
        answered_at=row.answered_at,
        answer_note=row.answer_note,
        touchpoint_id=tp_id,
        overdue=row.answered_at is None and row.due_at < now,
    )


def response_due(received: dt.datetime, ctx: PlanningContext) -> dt.datetime:
    """`response_hours` working hours after `received` (UTC)."""
    due = add_working_hours(received, ctx.prefs.response_hours, ctx.calendar, ctx.zone)
    return due.astimezone(dt.UTC)


def mark_answered(session: Session, request_id: int, when: dt.datetime, note: str) -> None:
    """Record the answer (called when the request's touchpoint is completed)."""
    row = session.get(InboundRequest, request_id)
    if row is not None and row.answered_at is None:
        row.answered_at, row.answer_note = when, note


class RequestService:
    """Every public method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def add(self, customer_id: int, summary: str, channel: str = "") -> RequestDTO:
        """Log a request received now; an 'Answer request' touchpoint is due by the deadline."""
        ctx = self._planning()
        text = clean_block(summary, 5000, N_("summary"))
        if not text:
            raise ValidationError(
                _("say in a few words what the customer asked (summary is empty)")
            )
        with self._sessions.begin() as session:
            customer = live_customer(session, customer_id)
            if customer is None:
                raise NotFound(
                    _("customer {customer_id} does not exist").format(customer_id=customer_id)
                )
            used = check_channel(channel) if channel else customer.preferred_channel
            due = response_due(ctx.now, ctx)
            row = InboundRequest(
                customer_id=customer.id,
                received_at=ctx.now,
                channel=used,
                summary=text,
                due_at=due,
                answer_note="",
                created_at=ctx.now,
            )
            session.add(row)
            session.flush()
            local = due.astimezone(ctx.zone)
            touchpoint = new_touchpoint(
                customer_id=customer.id,
                sale_id=None,
                step_id=None,
                kind="request",
                channel=used,
                day=local.date(),
                time_of_day=local.time(),
                zone=ctx.zone,
            )
            touchpoint.request_id = row.id
            touchpoint.subject = clean_line(text, 10_000, N_("summary"))[:SUBJECT_LIMIT]
            session.add(touchpoint)
            session.flush()
            after_change(session, customer, ctx, None)
            return request_dto(row, customer.name, ctx.now, touchpoint.id)

    def answer(self, request_id: int, note: str = "") -> RequestDTO:
        """Answered: the request's touchpoint is done and the contact is logged."""
        ctx = self._planning()
        note = clean_block(note, 5000, N_("note"))
        with self._sessions.begin() as session:
            row = session.get(InboundRequest, request_id)
            customer = live_customer(session, row.customer_id) if row else None
            if row is None or customer is None:
                raise NotFound(
                    _("request {request_id} does not exist").format(request_id=request_id)
                )
            if row.answered_at is not None:
                raise ValidationError(
                    _("request {request_id} was already answered").format(request_id=request_id)
                )
            touchpoint = repo.touchpoint_of_request(session, row.id)
            planned = touchpoint is not None and touchpoint.status == Status.PLANNED
            # Answering completes its follow-up: undoable as that follow-up's done.
            recording: contextlib.AbstractContextManager[None] = (
                undo.recorded(session, touchpoint.id, customer.id, "done", ctx.now)
                if touchpoint is not None and planned
                else contextlib.nullcontext()
            )
            with recording:
                mark_answered(session, row.id, ctx.now, note)
                summary = f"{kind_label('request')}: {row.summary}" + (f" — {note}" if note else "")
                if touchpoint is not None and planned:
                    complete(session, touchpoint, ctx, note, summary)
                else:
                    log_contact(session, row.customer_id, row.channel, summary, ctx)
                after_change(session, customer, ctx, None)
            return request_dto(row, customer.name, ctx.now, touchpoint.id if touchpoint else None)

    def find(self, open_only: bool = True, customer_id: int | None = None) -> list[RequestDTO]:
        """Requests, the one due soonest first (unanswered only by default)."""
        ctx = self._planning()
        with self._sessions() as session:
            found = []
            for row, name in repo.requests_with_names(
                session, open_only=open_only, customer_id=customer_id
            ):
                touchpoint = repo.touchpoint_of_request(session, row.id)
                if open_only and touchpoint is not None and touchpoint.status == Status.SKIPPED:
                    continue  # skipped in the agenda: no answer is expected any more
                found.append(request_dto(row, name, ctx.now, touchpoint.id if touchpoint else None))
            return found
