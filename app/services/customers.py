"""Customer use cases: add, edit, search in pages, soft delete and restore."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.dto.customers import (
    SORT_COLUMNS,
    Birthday,
    CustomerDTO,
    CustomerInput,
    CustomerPage,
    CustomerQuery,
)
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.messages.draft_language import default_draft_language
from app.phone_search import DEFAULT_REGION, needs_region, search_terms
from app.preferences import Preferences
from app.rules import do_not_contact, kit_settle
from app.rules.planning_context import PlanningContext
from app.tags import join, parse_list, split_stored
from app.validation import (
    check_address,
    check_channel,
    check_email,
    check_language,
    check_name,
    check_phone,
    check_salutation,
    clean_block,
    clean_line,
    parse_birthday,
    search_key,
)
from models.customer import Customer
from models.customer_dates import last_contact_or_none, next_due_or_none
from models.repositories import customers as repo
from models.repositories import settings as settings_repo

MAX_PAGE = 1000


def to_dto(row: Customer | Row[Any], zone: dt.tzinfo = dt.UTC) -> CustomerDTO:
    """The customer as the faces see it; `zone` is the user's, for the day of last contact."""
    birthday = None
    if row.birthday_month and row.birthday_day:
        birthday = Birthday(row.birthday_month, row.birthday_day, row.birthday_year)
    return CustomerDTO(
        id=row.id,
        name=row.name,
        company=row.company,
        email=row.email,
        phone=row.phone,
        channel=row.preferred_channel,
        birthday=birthday,
        is_key=row.is_key,
        source=row.source,
        notes=row.notes,
        keep_in_touch_days=row.keep_in_touch_days,
        do_not_contact=row.do_not_contact,
        created_at=row.created_at,
        deleted_at=row.deleted_at,
        industry=row.industry,
        tags=split_stored(row.tags),
        salutation=row.salutation,
        job_title=row.job_title,
        street=row.street,
        postal_code=row.postal_code,
        city=row.city,
        region=row.region,
        country=row.country,
        language=row.language or "",
        next_due=next_due_or_none(row.next_due),
        last_contact=_local_day(last_contact_or_none(row.last_contact_at), zone),
    )


def _local_day(moment: dt.datetime | None, zone: dt.tzinfo) -> dt.date | None:
    return None if moment is None else moment.astimezone(zone).date()


def _apply(row: Customer, data: CustomerInput) -> None:
    """Validate every field first, then write: a bad field leaves the row untouched."""
    name = check_name(data.name)
    company = clean_line(data.company, 200, N_("company"))
    email = check_email(data.email)
    phone = check_phone(data.phone)
    channel = check_channel(data.channel)
    birthday = parse_birthday(data.birthday)
    source = clean_line(data.source, 200, N_("source"))
    notes = clean_block(data.notes, 20_000, N_("notes"))
    industry = clean_line(data.industry, 120, N_("industry"))
    tags = join(parse_list(data.tags, N_("tags")))
    salutation = check_salutation(data.salutation)
    language = check_language(data.language)
    job_title = clean_line(data.job_title, 120, N_("job title"))
    address = check_address(data.street, data.postal_code, data.city, data.region, data.country)
    cadence = data.keep_in_touch_days
    if cadence is not None and not 1 <= cadence <= 3650:
        raise ValidationError(_("keep-in-touch interval must be between 1 and 3650 days"))
    row.name, row.company, row.email, row.phone = name, company, email, phone
    row.preferred_channel = channel
    row.birthday_month, row.birthday_day, row.birthday_year = birthday or (None, None, None)
    row.is_key = data.is_key
    row.source, row.notes = source, notes
    row.keep_in_touch_days = cadence
    row.do_not_contact = data.do_not_contact
    row.industry, row.tags = industry, tags
    row.salutation = salutation
    row.language = language or None
    row.job_title = job_title
    row.street, row.postal_code, row.city, row.region, row.country = address
    # The job title and the city are found too ("buyer", "Munich").
    row.search_text = search_key(name, company, email, phone, job_title, address[2])


def _terms(session: Session, search: str) -> list[tuple[str, ...]]:
    """The search's words, phone numbers in all their forms (the user's country for 0…)."""
    region = DEFAULT_REGION
    if any(needs_region(word) for word in search.split()):
        country = settings_repo.load_all(session).get("holiday_country")
        region = str(country or DEFAULT_REGION)
    return search_terms(search, region)


class CustomerService:
    """Customers: every public method is one transaction."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        planning: Callable[[], PlanningContext] | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._planning = planning

    def default_language(self) -> str:
        """The language of drafts to customers without their own: the user's draft language."""
        prefs = self._planning().prefs if self._planning is not None else Preferences()
        return default_draft_language(prefs)

    def _schedule(self, session: Session, row: Customer) -> None:
        """Follow-ups follow the customer's data: do-not-contact, check-in and birthday."""
        if self._planning is not None:
            ctx = self._planning()
            do_not_contact.follow_flag(session, row, ctx)
            kit_settle.settle_customer(session, row, ctx)

    def add(self, data: CustomerInput) -> CustomerDTO:
        row = Customer(created_at=self._clock.now())
        _apply(row, data)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            self._schedule(session, row)
        # Read back after the commit: keep-in-touch plans as the unit of work commits, and the
        # database's triggers keep the next follow-up, which the loaded row has not seen.
        return self.get(row.id)

    def update(self, customer_id: int, data: CustomerInput) -> CustomerDTO:
        with self._sessions.begin() as session:
            row = self._live(session, customer_id)
            _apply(row, data)
            session.flush()
            self._schedule(session, row)
        return self.get(customer_id)

    def get(self, customer_id: int) -> CustomerDTO:
        zone = self._zone()  # read before the session: settings open a session of their own
        with self._sessions() as session:
            row = repo.get(session, customer_id)
            if row is None:
                raise NotFound(
                    _("customer {customer_id} does not exist").format(customer_id=customer_id)
                )
            return to_dto(row, zone)

    def _zone(self) -> dt.tzinfo:
        return dt.UTC if self._planning is None else self._planning().zone

    def page(self, query: CustomerQuery) -> CustomerPage:
        if query.sort_by not in SORT_COLUMNS:
            raise ValidationError(_("cannot sort by {sort_by!r}").format(sort_by=query.sort_by))
        limit = max(1, min(query.limit, MAX_PAGE))
        zone = self._zone()  # read before the session: settings open a session of their own
        with self._sessions() as session:
            rows = repo.page(
                session,
                search=_terms(session, query.search),
                sort_by=query.sort_by,
                descending=query.descending,
                after=query.after,
                limit=limit,
                include_deleted=query.include_deleted,
                no_future=query.no_future_touchpoint,
                contacted_before=self._since(query.not_contacted_days),
            )
            next_after = None
            if len(rows) == limit:
                last = rows[-1]
                next_after = (repo.sort_value(last, query.sort_by), last.id)
            return CustomerPage(
                rows=tuple(to_dto(row, zone) for row in rows), next_after=next_after
            )

    def count(self, search: str = "", query: CustomerQuery | None = None) -> int:
        """Active customers matching the search (and the query's filters, when given)."""
        with self._sessions() as session:
            if query is None:
                return repo.count(session, search=_terms(session, search))
            return repo.count(
                session,
                search=_terms(session, query.search),
                no_future=query.no_future_touchpoint,
                contacted_before=self._since(query.not_contacted_days),
            )

    def _since(self, days: int | None) -> dt.datetime | None:
        return None if days is None else self._clock.now() - dt.timedelta(days=days)

    def delete(self, customer_id: int) -> CustomerDTO:
        """Move to the trash; everything attached stays and comes back with restore."""
        zone = self._zone()
        with self._sessions.begin() as session:
            row = self._live(session, customer_id)
            row.deleted_at = self._clock.now()
            session.flush()
            return to_dto(row, zone)

    def restore(self, customer_id: int) -> CustomerDTO:
        zone = self._zone()
        with self._sessions.begin() as session:
            row = repo.get(session, customer_id)
            if row is None:
                raise NotFound(
                    _("customer {customer_id} does not exist").format(customer_id=customer_id)
                )
            if row.deleted_at is None:
                raise ValidationError(
                    _("customer {customer_id} is not in the trash").format(customer_id=customer_id)
                )
            row.deleted_at = None
            session.flush()
            return to_dto(row, zone)

    def trash(self) -> list[CustomerDTO]:
        with self._sessions() as session:
            return [to_dto(row) for row in repo.deleted(session)]

    @staticmethod
    def _live(session: Session, customer_id: int) -> Customer:
        row = repo.get(session, customer_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(
                _("customer {customer_id} does not exist (or is in the trash)").format(
                    customer_id=customer_id
                )
            )
        return row
