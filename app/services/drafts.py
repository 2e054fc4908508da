"""Drafts: a follow-up's message rendered in its form, and the salesperson's own words for it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session, sessionmaker

from app.dto.touchpoints import Draft
from app.dto.vocabulary import Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.kinds import state_word
from app.messages.draft_language import draft_language
from app.messages.value_item import bring_into, value_values
from app.rules.draft_batch import TouchpointContent, brought, render_contents
from app.rules.planning_context import PlanningContext
from app.validation import clean_block, clean_line
from models.customer import Customer
from models.repositories import outreach as outreach_repo
from models.responsiveness import LibraryItem
from models.touchpoint import Touchpoint
from models.touchpoint_draft import TouchpointDraft

SUBJECT_LIMIT = 500
BODY_LIMIT = 20_000


class DraftService:
    """Every public method is one unit of work. An edit is kept with its follow-up until
    it is reset; the template editor changes only the drafts nobody edited."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def draft(self, touchpoint_id: int) -> Draft:
        return self.drafts([touchpoint_id])[touchpoint_id]

    def drafts(self, touchpoint_ids: Sequence[int]) -> dict[int, Draft]:
        """Rendered drafts for many follow-ups at once (one session, a few queries)."""
        return {key: value.draft for key, value in self.contents(touchpoint_ids).items()}

    def contents(self, touchpoint_ids: Sequence[int]) -> dict[int, TouchpointContent]:
        ctx = self._planning()
        with self._sessions() as session:
            found = render_contents(session, touchpoint_ids, ctx.prefs, ctx.today)
        missing = set(touchpoint_ids) - found.keys()
        if missing:
            raise NotFound(_("follow-up {id} does not exist").format(id=min(missing)))
        return found

    def edit(
        self, touchpoint_id: int, subject: str | None = None, body: str | None = None
    ) -> Draft:
        """Keep the salesperson's subject and/or body (None leaves that part as it is); text
        equal to the plan's counts as not edited."""
        subject = None if subject is None else clean_line(subject, SUBJECT_LIMIT, N_("subject"))
        body = None if body is None else clean_block(body, BODY_LIMIT, N_("message"))
        ctx = self._planning()
        with self._sessions.begin() as session:
            row = _planned(session, touchpoint_id)
            edit = session.get(TouchpointDraft, row.id) or TouchpointDraft(touchpoint_id=row.id)
            item_id = edit.library_item_id
            plan = _render(session, row.id, ctx, without_edit=True)
            if subject is not None:
                edit.subject = None if subject == plan.subject else subject
            if body is not None:
                edit.body = None if body == plan.body else body
            edit.form, edit.edited_at = plan.form, ctx.now
            _keep_or_drop(session, edit, item_id)
            row.sequence += 1  # the calendar's copy of the message changed
            session.flush()
            return _render(session, row.id, ctx)

    def reset(self, touchpoint_id: int) -> Draft:
        """Back to the plan's text, with no item chosen: as if nobody had touched it."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            row = _planned(session, touchpoint_id)
            edit = session.get(TouchpointDraft, row.id)
            if edit is not None:
                session.delete(edit)
                row.sequence += 1
                session.flush()
            return _render(session, row.id, ctx)

    def bring(self, touchpoint_id: int, item_id: int | None) -> Draft:
        """Put a library item (its title, link and why) into the draft, or take it out (None).
        Words the salesperson wrote stay: the item goes where the slots or the item before
        stood, else as a paragraph after the greeting."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            row = _planned(session, touchpoint_id)
            item = None if item_id is None else _unsent_item(session, item_id, row, ctx)
            edit = session.get(TouchpointDraft, row.id) or TouchpointDraft(touchpoint_id=row.id)
            before = session.get(LibraryItem, edit.library_item_id or 0)
            if edit.body is not None:
                customer = session.get(Customer, row.customer_id)
                language = draft_language(customer.language if customer else None, ctx.prefs)
                edit.body = bring_into(
                    edit.body,
                    value_values(brought(before), language),
                    value_values(brought(item), language),
                )
            edit.edited_at = ctx.now
            _keep_or_drop(session, edit, item.id if item else None)
            row.sequence += 1
            session.flush()
            return _render(session, row.id, ctx)


def _planned(session: Session, touchpoint_id: int) -> Touchpoint:
    row = session.get(Touchpoint, touchpoint_id)
    if row is None:
        raise NotFound(
            _("follow-up {touchpoint_id} does not exist").format(touchpoint_id=touchpoint_id)
        )
    if row.status != Status.PLANNED:
        raise ValidationError(
            _("follow-up {touchpoint_id} is already {status}; its message is history").format(
                touchpoint_id=touchpoint_id, status=state_word(row.status)
            )
        )
    return row


def _unsent_item(
    session: Session, item_id: int, row: Touchpoint, ctx: PlanningContext
) -> LibraryItem:
    item = session.get(LibraryItem, item_id)
    if item is None:
        raise NotFound(_("library item {item_id} does not exist").format(item_id=item_id))
    earlier = outreach_repo.sent_to(session, item.id, row.customer_id)
    if earlier is not None:
        day = earlier.sent_at.astimezone(ctx.zone).date().isoformat()
        raise ValidationError(
            _("{title!r} was already sent to this customer on {day}").format(
                title=item.title, day=day
            )
        )
    return item


def _keep_or_drop(session: Session, edit: TouchpointDraft, item_id: int | None) -> None:
    """Store the edit, or drop it when it holds nothing of the salesperson's any more."""
    edit.library_item_id = item_id
    if edit.subject is None and edit.body is None and item_id is None:
        if edit in session:
            session.delete(edit)
    elif edit not in session:
        session.add(edit)


def _render(
    session: Session, touchpoint_id: int, ctx: PlanningContext, *, without_edit: bool = False
) -> Draft:
    session.flush()
    found = render_contents(
        session, [touchpoint_id], ctx.prefs, ctx.today, without_edits=without_edit
    )
    return found[touchpoint_id].draft
