"""One contact as read from a file, and its checked column values as a new customer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.dto.customers import CustomerInput
from app.errors import ValidationError
from app.i18n import N_, _
from app.postal_address import ADDRESS_FIELDS as ADDRESS_COLUMNS
from app.postal_address import address_lines
from app.tags import join, parse_list
from app.validation import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    check_channel,
    check_language,
    check_salutation,
    clean_block,
    clean_line,
    digits_in,
    parse_birthday,
)

NOTES_LIMIT = 20_000  # as the customer service allows
# Outlook writes these for "no birthday".
NO_DATE = {"0/0/00", "0.0.00", "00.00.0000", "1/1/1601", "01.01.1601", "1601-01-01"}


@dataclass(slots=True)
class RawContact:
    """Fields as found in the file; several e-mails and phones, best first."""

    row: int
    name: str = ""
    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    suffix: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    birthday: str = ""
    # Thunderbird writes the birthday in three columns.
    birth_year: str = ""
    birth_month: str = ""
    birth_day: str = ""
    notes: str = ""
    source: str = ""
    channel: str = ""
    job_title: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    # One formatted address block, when the file has no parts (Google's "Formatted").
    address: str = ""
    # What steers the follow-ups, as our own CSV and vCard exports write it.
    key_customer: str = ""
    do_not_contact: str = ""
    keep_in_touch_days: str = ""
    salutation: str = ""
    industry: str = ""
    tags: str = ""
    # The language drafts to them are written in: a code ("nl", "nl-NL") or a name.
    language: str = ""
    # The file has a place for the source (then an empty one stays empty on import).
    source_given: bool = False
    # What the file shows that no field holds ("Department: Purchasing"): notes lines.
    kept: list[str] = field(default_factory=list)

    def full_name(self, family_first: bool = False) -> str:
        """The name as written, else its parts joined in the order the customer's language
        writes a name ("Kovács Mária" for a Hungarian contact, given name first otherwise)."""
        # The readers strip every value: an empty part is "".
        if self.name.strip():
            return self.name
        given = (self.first_name, self.middle_name)
        parts = (
            (self.last_name, *given, self.suffix)
            if family_first
            else (*given, self.last_name, self.suffix)
        )
        return " ".join(filter(None, parts)).strip()

    def keep(self, label: str, value: str) -> None:
        """Keep what no field holds in the notes as "Label: value" (`label` marked N_)."""
        if value:
            self.kept.append(_("{label}: {value}").format(label=_(label), value=value))

    def keep_address(
        self, street: str, postal_code: str, city: str, region: str, country: str
    ) -> None:
        """An address besides the one taken, on one line: "Gartenweg 5, 14467 Potsdam"."""
        lines = address_lines(street, postal_code, city, region, country)
        self.keep(N_("Other address"), ", ".join(lines))

    def whole_birthday(self) -> str:
        """The birthday column, or the three of Thunderbird put together as they were written."""
        if self.birthday.strip() or not (self.birth_year or self.birth_month or self.birth_day):
            return self.birthday
        year, month, day = self.birth_year, self.birth_month, self.birth_day
        if month.isdigit() and day.isdigit():
            month_day = f"{int(month):02d}-{int(day):02d}"
            return f"{year}-{month_day}" if year.isdigit() and len(year) == 4 else f"--{month_day}"
        parts = (("year", year), ("month", month), ("day", day))
        return ", ".join(f"{label} {value}" for label, value in parts if value)


def normalise_birthday(text: str) -> str:
    """ISO, vCard (--MMDD, YYYYMMDD), German D.M.Y and US M/D/Y to YYYY-MM-DD or MM-DD."""
    value = text.strip()
    if not value or value in NO_DATE:
        return ""
    value = value.split("T", 1)[0]
    if match := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value):
        return "-".join(match.groups())
    if match := re.fullmatch(r"--(\d{2})-?(\d{2})", value):
        return "-".join(match.groups())
    if match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2,4})?", value):
        day, month, year = match.groups()
        return _ymd(year, month, day, text)
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", value):
        first, second, year = match.groups()
        # US order unless the first number cannot be a month.
        month, day = (second, first) if int(first) > 12 else (first, second)
        return _ymd(year, month, day, text)
    return value


def _ymd(year: str | None, month: str, day: str, original: str) -> str:
    if year is None:
        return f"{int(month):02d}-{int(day):02d}"
    number = int(year)
    if len(year) == 2:
        # Two-digit years of customers' births: 31-99 are 19xx, 00-30 are 20xx.
        number += 2000 if number <= 30 else 1900
    elif len(year) != 4:
        raise ValidationError(_("bad birthday {original!r}").format(original=original))
    return f"{number:04d}-{int(month):02d}-{int(day):02d}"


def fast_search_key(*parts: str) -> str:
    """app.validation.search_key, without a Python loop per character."""
    # Casefolding maps character by character: folding the joined text folds each part.
    text = " ".join(filter(None, parts))
    digits = digits_in(text)
    return text.casefold() + (f" {digits}" if digits else "")


def _line(text: str, limit: int, what: str) -> str:
    """clean_line, with a fast path for the usual plain text (100,000-row files)."""
    if not text:
        # Most columns of most rows are empty: nothing to clean or check.
        return text
    if not text.isprintable():
        return clean_line(text, limit, what)
    cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise ValidationError(
            _("{what} is longer than {limit} characters").format(what=_(what), limit=limit)
        )
    return cleaned


def _block(text: str, limit: int, what: str) -> str:
    """clean_block, with the same fast path and the same limit."""
    if not text:
        return text
    if not text.isprintable():
        return clean_block(text, limit, what)
    cleaned = text.strip()
    if len(cleaned) > limit:
        raise ValidationError(
            _("{what} is longer than {limit} characters").format(what=_(what), limit=limit)
        )
    return cleaned


def checked_values(data: CustomerInput) -> dict[str, Any]:
    """Customer column values, validated as the customer service does; ValidationError if bad."""
    name = _line(data.name, 200, N_("name"))
    if not name:
        raise ValidationError(_("no name (neither a name nor a company)"))
    company = _line(data.company, 200, N_("company"))
    email = _line(data.email, 320, N_("e-mail"))
    if email and not EMAIL_PATTERN.fullmatch(email):
        raise ValidationError(_("invalid e-mail {email!r}").format(email=email))
    phone = _line(data.phone, 64, N_("phone"))
    if phone and not PHONE_PATTERN.fullmatch(phone):
        raise ValidationError(_("invalid phone number {phone!r}").format(phone=phone))
    try:
        birthday = parse_birthday(normalise_birthday(data.birthday)) if data.birthday else None
    except ValidationError as exc:
        raise ValidationError(
            _("Bad birthday {text!r}.").format(text=data.birthday.strip())
        ) from exc
    month, day, year = birthday or (None, None, None)
    job_title = _line(data.job_title, 120, N_("job title"))
    address = _address(data)
    return {
        "name": name,
        "company": company,
        "email": email,
        "phone": phone,
        "preferred_channel": check_channel(data.channel),
        "birthday_month": month,
        "birthday_day": day,
        "birthday_year": year,
        "is_key": data.is_key,
        "source": _line(data.source, 200, N_("source")),
        "notes": _block(data.notes, NOTES_LIMIT, N_("notes")),
        "keep_in_touch_days": data.keep_in_touch_days,
        "do_not_contact": data.do_not_contact,
        "search_text": fast_search_key(name, company, email, phone, job_title, address[2]),
        "job_title": job_title,
        **dict(zip(ADDRESS_COLUMNS, address, strict=True)),
        "industry": _line(data.industry, 120, N_("industry")),
        "tags": join(parse_list(data.tags, N_("tags"))) if data.tags else "",
        "salutation": check_salutation(data.salutation),
        "language": check_language(data.language) or None,
    }


def _address(data: CustomerInput) -> tuple[str, str, str, str, str]:
    """check_address, with the fast path for the usual plain one-line parts."""
    return (
        _block(data.street, 500, N_("street")),
        _line(data.postal_code, 32, N_("postal code")),
        _line(data.city, 120, N_("city")),
        _line(data.region, 120, N_("region")),
        _line(data.country, 120, N_("country")),
    )
