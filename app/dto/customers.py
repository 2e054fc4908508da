"""Customer DTOs: what the faces send in and get back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.postal_address import format_address


@dataclass(frozen=True)
class CustomerInput:
    """Raw user input for a new or edited customer; the service validates and normalises it."""

    name: str
    company: str = ""
    email: str = ""
    phone: str = ""
    channel: str = "email"
    birthday: str = ""
    is_key: bool = False
    source: str = ""
    notes: str = ""
    keep_in_touch_days: int | None = None
    do_not_contact: bool = False
    # For matching value-add library items: an industry and comma-separated tags.
    industry: str = ""
    tags: str = ""
    # How letters greet them: "" (first name), "full", "ms", "mr" or "dr".
    salutation: str = ""
    job_title: str = ""
    # The postal address (letters): the street may hold several lines.
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    # The language drafts to them are written in: "nl", ...; "" for the user's default.
    language: str = ""


@dataclass(frozen=True)
class Birthday:
    """A birthday whose year may be unknown."""

    month: int
    day: int
    year: int | None = None

    def __str__(self) -> str:
        if self.year is None:
            return f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class CustomerDTO:
    """A customer as the faces see it."""

    id: int
    name: str
    company: str
    email: str
    phone: str
    channel: str
    birthday: Birthday | None
    is_key: bool
    source: str
    notes: str
    keep_in_touch_days: int | None
    do_not_contact: bool
    created_at: dt.datetime
    deleted_at: dt.datetime | None = None
    industry: str = ""
    tags: tuple[str, ...] = ()
    salutation: str = ""
    job_title: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    # The day of the earliest planned follow-up and the local day of the latest contact;
    # None when there is none.
    next_due: dt.date | None = None
    last_contact: dt.date | None = None
    # The language drafts to them are written in ("" for the user's default draft language).
    language: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name

    @property
    def postal_address(self) -> str:
        """The address block a letter shows ("" when there is none)."""
        return format_address(self.street, self.postal_code, self.city, self.region, self.country)

    def as_input(self) -> CustomerInput:
        """This customer as the input that would save it unchanged (edits start here)."""
        return CustomerInput(
            name=self.name,
            company=self.company,
            email=self.email,
            phone=self.phone,
            channel=self.channel,
            birthday=str(self.birthday) if self.birthday else "",
            is_key=self.is_key,
            source=self.source,
            notes=self.notes,
            keep_in_touch_days=self.keep_in_touch_days,
            do_not_contact=self.do_not_contact,
            industry=self.industry,
            tags=", ".join(self.tags),
            salutation=self.salutation,
            job_title=self.job_title,
            street=self.street,
            postal_code=self.postal_code,
            city=self.city,
            region=self.region,
            country=self.country,
            language=self.language,
        )


SORT_COLUMNS = (
    "name",
    "company",
    "email",
    "phone",
    "channel",
    "is_key",
    "created_at",
    "next_due",
    "last_contact",
)


@dataclass(frozen=True)
class CustomerQuery:
    """One page request: search text, SQL sort and a keyset cursor."""

    search: str = ""
    sort_by: str = "name"
    descending: bool = False
    after: tuple[object, int] | None = None
    limit: int = 200
    include_deleted: bool = False
    # Silence filters: customers with nothing planned, or no contact for this many days.
    no_future_touchpoint: bool = False
    not_contacted_days: int | None = None


@dataclass(frozen=True)
class CustomerPage:
    """Rows of one page and the cursor for the next (None at the end)."""

    rows: tuple[CustomerDTO, ...]
    next_after: tuple[object, int] | None = None
    total: int | None = field(default=None)
