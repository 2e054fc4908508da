"""Value-add library: items worth sending, suggestions per customer, and what was sent to whom."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.outreach import LIBRARY_KINDS, LibraryInput, LibraryItemDTO, LibrarySendDTO
from app.dto.vocabulary import Status
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.kinds import state_word
from app.rules import undo
from app.rules.commitment_rows import live_customer
from app.rules.completion import after_change, complete, log_contact
from app.rules.planning_context import PlanningContext
from app.tags import join, overlaps, parse_list, split_stored
from app.validation import check_optional_date, clean_block, clean_line
from models.customer import Customer
from models.repositories import outreach as repo
from models.responsiveness import LibraryItem, LibrarySend
from models.touchpoint import Touchpoint

# Links are opened by the desktop: only web addresses, never javascript: or file: ones.
URL_PATTERN = re.compile(r"https?://\S+", re.IGNORECASE)


def item_dto(row: LibraryItem) -> LibraryItemDTO:
    return LibraryItemDTO(
        id=row.id,
        title=row.title,
        kind=row.kind,
        url=row.url,
        note=row.note,
        tags=split_stored(row.tags),
        industries=split_stored(row.industries),
        expires_on=row.expires_on,
    )


def _apply(row: LibraryItem, data: LibraryInput) -> None:
    title = clean_line(data.title, 300, N_("title"))
    if not title:
        raise ValidationError(_("the item needs a title"))
    kind = data.kind.strip().lower() or "article"
    if kind not in LIBRARY_KINDS:
        raise ValidationError(
            _("kind must be one of {choices}, not {kind!r}").format(
                choices=", ".join(LIBRARY_KINDS), kind=data.kind
            )
        )
    url = clean_line(data.url, 2000, N_("link"))
    if url and not URL_PATTERN.fullmatch(url):
        raise ValidationError(
            _("link {url!r} must be a web address starting with https://").format(url=url)
        )
    note = clean_block(data.note, 5000, N_("note"))
    tags = parse_list(data.tags, N_("tags"))
    industries = parse_list(data.industries, N_("industries"))
    row.title, row.kind, row.url, row.note = title, kind, url, note
    expires_on = check_optional_date(data.expires_on, N_("expiry date"))
    row.tags, row.industries, row.expires_on = join(tags), join(industries), expires_on


def relevance(item: LibraryItemDTO, industry: str, tags: tuple[str, ...]) -> int:
    """2: for the customer's industry or tags; 1: for everyone (an item with neither, or a
    customer with neither); 0: for someone else."""
    wanted = ([industry] if industry else []) + list(tags)
    if not wanted or not (item.tags or item.industries):
        return 1
    return 2 if overlaps(wanted, (*item.tags, *item.industries)) else 0


class LibraryService:
    """Every public method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def add(self, data: LibraryInput) -> LibraryItemDTO:
        row = LibraryItem(created_at=self._planning().now)
        _apply(row, data)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            return item_dto(row)

    def update(self, item_id: int, data: LibraryInput) -> LibraryItemDTO:
        with self._sessions.begin() as session:
            row = session.get(LibraryItem, item_id)
            if row is None:
                raise NotFound(_("library item {item_id} does not exist").format(item_id=item_id))
            _apply(row, data)
            session.flush()
            return item_dto(row)

    def find(self, include_expired: bool = True) -> list[LibraryItemDTO]:
        """Newest first."""
        today = None if include_expired else self._planning().today
        with self._sessions() as session:
            return [item_dto(row) for row in repo.library_items(session, not_expired_on=today)]

    def suggest(self, customer_id: int, limit: int = 10) -> list[LibraryItemDTO]:
        """Unexpired items the customer has not received, those matching them by tag first."""
        ctx = self._planning()
        with self._sessions() as session:
            customer = self._customer(session, customer_id)
            rows = repo.library_items(session, not_expired_on=ctx.today, unsent_to=customer.id)
            items = [item_dto(row) for row in rows]
        tags = split_stored(customer.tags)
        scored = [(relevance(item, customer.industry, tags), item) for item in items]
        # Stable: newest first within the same relevance.
        scored.sort(key=lambda pair: -pair[0])
        return [item for score, item in scored if score > 0][:limit]

    def send(
        self, item_id: int, customer_id: int, touchpoint_id: int | None = None
    ) -> LibrarySendDTO:
        """Record the item as sent; completes the value-add touchpoint when given, else logs
        the contact. Nobody gets the same item twice."""
        ctx = self._planning()
        with self._sessions.begin() as session:
            customer = self._customer(session, customer_id)
            item = session.get(LibraryItem, item_id)
            if item is None:
                raise NotFound(_("library item {item_id} does not exist").format(item_id=item_id))
            earlier = repo.sent_to(session, item.id, customer.id)
            if earlier is not None:
                day = earlier.sent_at.astimezone(ctx.zone).date().isoformat()
                raise ValidationError(
                    _("{title!r} was already sent to {name} on {day}").format(
                        title=item.title, name=customer.name, day=day
                    )
                )
            summary = f"Sent: {item.title}"
            touchpoint = self._touchpoint(session, touchpoint_id, customer.id)
            # Sending completes the follow-up: undoable as its done.
            recording: contextlib.AbstractContextManager[None] = (
                undo.recorded(session, touchpoint.id, customer.id, "done", ctx.now)
                if touchpoint is not None
                else contextlib.nullcontext()
            )
            with recording:
                if touchpoint is not None:
                    complete(session, touchpoint, ctx, summary, summary)
                else:
                    log_contact(session, customer.id, customer.preferred_channel, summary, ctx)
                sent = LibrarySend(
                    item_id=item.id,
                    customer_id=customer.id,
                    touchpoint_id=touchpoint.id if touchpoint else None,
                    sent_at=ctx.now,
                )
                session.add(sent)
                session.flush()
                after_change(session, customer, ctx, touchpoint.sale_id if touchpoint else None)
            return LibrarySendDTO(item.id, item.title, customer.id, sent.touchpoint_id, ctx.now)

    def sent(self, customer_id: int) -> list[LibrarySendDTO]:
        """What the customer received, newest first."""
        with self._sessions() as session:
            return [
                LibrarySendDTO(row.item_id, title, row.customer_id, row.touchpoint_id, row.sent_at)
                for row, title in repo.sends_of_customer(session, customer_id)
            ]

    @staticmethod
    def _customer(session: Session, customer_id: int) -> Customer:
        customer = live_customer(session, customer_id)
        if customer is None:
            raise NotFound(
                _("customer {customer_id} does not exist").format(customer_id=customer_id)
            )
        return customer

    @staticmethod
    def _touchpoint(
        session: Session, touchpoint_id: int | None, customer_id: int
    ) -> Touchpoint | None:
        if touchpoint_id is None:
            return None
        row = session.get(Touchpoint, touchpoint_id)
        if row is None or row.customer_id != customer_id:
            raise NotFound(
                _("follow-up {touchpoint_id} is not one of this customer's").format(
                    touchpoint_id=touchpoint_id
                )
            )
        if row.status != Status.PLANNED:
            raise ValidationError(
                _("follow-up {touchpoint_id} is already {status}").format(
                    touchpoint_id=touchpoint_id, status=state_word(row.status)
                )
            )
        return row
