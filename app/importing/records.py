"""One contact as read from a file, and its checked column values as a new customer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

from app.dto.customers import CustomerInput
from app.dto.imports import RowWarning
from app.errors import ValidationError
from app.validation import (
    CHANNELS,
    EMAIL_PATTERN,
    PHONE_PATTERN,
    check_channel,
    clean_block,
    clean_line,
    parse_birthday,
)

NOTES_LIMIT = 20_000  # as the customer service allows
# Outlook writes these for "no birthday".
_NO_DATE = {"0/0/00", "0.0.00", "00.00.0000", "1/1/1601", "01.01.1601", "1601-01-01"}


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

    def full_name(self) -> str:
        # The readers strip every value: an empty part is "".
        if self.name.strip():
            return self.name
        parts = (self.first_name, self.middle_name, self.last_name, self.suffix)
        return " ".join(filter(None, parts)).strip()

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
    if not value or value in _NO_DATE:
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
        raise ValidationError(f"bad birthday {original!r}")
    return f"{number:04d}-{int(month):02d}-{int(day):02d}"


# Direction marks Android wraps phone numbers in; they are invisible and never part of a value.
_MARKS = str.maketrans("", "", "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# RFC 6350's own example: tel:+1-555-555-5555;ext=5555.
_URI_EXTENSION = re.compile(r";\s*ext=([0-9]{1,6})\s*$", re.IGNORECASE)
_BRACKETED_EMAIL = re.compile(r"[<(]\s*([^\s<>()@]+@[^\s<>()@]+)\s*[>)]")
# The customer form's phone pattern, with at least three digits ("..." is no number).
_PHONE_WITH_DIGITS = re.compile(r"(?=(?:\D*\d){3})(?:" + PHONE_PATTERN.pattern + ")", re.IGNORECASE)
# Apple writes a birthday without a year in the year 1604.
NO_YEAR = 1604
EARLIEST_YEAR = 1900


class Reading:
    """What to_input could not read: the notes lines that keep it and the preview's warnings."""

    def __init__(self, row: int) -> None:
        self.row = row
        self.kept: list[str] = []
        self.warnings: list[RowWarning] = []

    def keep(self, field: str, label: str, value: str, why: str) -> None:
        self.kept.append(f"{label} (as in the file): {value}")
        self.warnings.append(
            RowWarning(
                self.row, field, value, f"{label} {value!r} {why}; it was kept in the notes."
            )
        )


def readable_email(text: str) -> tuple[str, bool]:
    """The address in a cell, and whether it was read as written (False: spaces dropped)."""
    value = text.translate(_MARKS).strip() if not text.isascii() else text.strip()
    if value[:7].lower() == "mailto:":
        value = value[7:]
    if EMAIL_PATTERN.fullmatch(value):
        return value, True
    if found := _BRACKETED_EMAIL.search(value):
        return found.group(1), True
    squeezed = "".join(value.split())
    if squeezed != value and EMAIL_PATTERN.fullmatch(squeezed):
        return squeezed, False
    return "", False


def readable_phone(text: str, region: str) -> str:
    """A phone number as the customer form takes it, or "" when the value holds none."""
    value = text.translate(_MARKS).strip() if not text.isascii() else text.strip()
    if value[:4].lower() == "tel:":
        value = value[4:]
    if ";" in value:
        value = _URI_EXTENSION.sub(r" ext. \1", value)
    if _PHONE_WITH_DIGITS.fullmatch(value):
        return value
    # "+1 555 0100 #12", "0171/234 x 5": phonenumbers knows the ways people write extensions.
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(parsed):
        return ""
    number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{number} ext. {parsed.extension}" if parsed.extension else number


def readable_birthday(text: str, reading: Reading) -> str:
    """YYYY-MM-DD or MM-DD for parse_birthday; what cannot be read goes into the notes."""
    value = text.strip()
    if not value or value in _NO_DATE:
        return ""
    try:
        normal = normalise_birthday(value)
    except ValidationError:
        normal = ""
    if not normal and value:
        reading.keep("birthday", "Birthday", value, "is not a date")
        return ""
    if _real(normal):
        return normal
    if match := re.fullmatch(r"(\d{4})-(\d{2}-\d{2})", normal):
        year, month_day = int(match.group(1)), match.group(2)
        if year < EARLIEST_YEAR and _real(month_day):
            if year != NO_YEAR:
                reading.keep("birthday", "Birthday", value, "has a year before 1900, so only "
                             "the day and month were taken")  # fmt: skip
            return month_day
    reading.keep("birthday", "Birthday", value, "is not a date")
    return ""


def _real(text: str) -> bool:
    try:
        return parse_birthday(text) is not None
    except ValidationError:
        return False


def to_input(
    contact: RawContact, default_source: str, region: str = "DE"
) -> tuple[CustomerInput, list[RowWarning]]:
    """A CustomerInput: extra e-mails and phones, and unreadable values, go into the notes.

    Raises ValidationError only for a contact with nothing that names a person.
    """
    reading = Reading(contact.row)
    emails: list[str] = []
    for raw in contact.emails:
        email, as_written = readable_email(raw)
        if not email:
            if raw.strip():
                reading.keep("e-mail", "E-mail", raw.strip(), "is not an e-mail address")
            continue
        if not as_written:
            reading.keep("e-mail", "E-mail", raw.strip(), f"was read as {email}")
        if email not in emails:
            emails.append(email)
    phones: list[str] = []
    for raw in contact.phones:
        phone = readable_phone(raw, region)
        if not phone:
            if raw.strip():
                reading.keep("phone", "Phone", raw.strip(), "is not a phone number")
        elif phone not in phones:
            phones.append(phone)
    whole = contact.whole_birthday()
    birthday = readable_birthday(whole, reading) if whole.strip() else ""
    notes = contact.notes.strip()
    extras = []
    if len(emails) > 1:
        extras.append("Other e-mail: " + ", ".join(emails[1:]))
    if len(phones) > 1:
        extras.append("Other phone: " + ", ".join(phones[1:]))
    extras.extend(reading.kept)
    if extras:
        notes = "\n".join([notes, *extras]) if notes else "\n".join(extras)
    channel = contact.channel.strip().lower()
    if channel not in CHANNELS:
        channel = "email" if emails or not phones else "phone"
    company = contact.company.strip()
    # Google, Outlook and Android keep contacts without a name: the company or address names them.
    name = (
        contact.full_name().strip() or company or (emails[0] if emails else "")
        or (phones[0] if phones else "")
    )  # fmt: skip
    if not name:
        raise ValidationError(
            "Nothing in this row names a person (no name, e-mail, phone or company)."
        )
    data = CustomerInput(
        name=name,
        company=company,
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
        channel=channel,
        birthday=birthday,
        source=contact.source.strip() or default_source,
        notes=notes,
    )
    return data, reading.warnings


_NOT_ASCII_DIGITS = re.compile(r"[^0-9]+")


def fast_search_key(*parts: str) -> str:
    """app.validation.search_key, without a Python loop per character."""
    # Casefolding maps character by character: folding the joined text folds each part.
    text = " ".join(filter(None, parts))
    # In ASCII text str.isdigit is 0-9 exactly: one regex pass instead of a call per character.
    digits = (
        _NOT_ASCII_DIGITS.sub("", text) if text.isascii() else "".join(filter(str.isdigit, text))
    )
    return text.casefold() + (f" {digits}" if digits else "")


def _line(text: str, limit: int, what: str) -> str:
    """clean_line, with a fast path for the usual plain text (100,000-row files)."""
    if not text.isprintable():
        return clean_line(text, limit, what)
    cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise ValidationError(f"{what} is longer than {limit} characters")
    return cleaned


def _block(text: str, limit: int, what: str) -> str:
    """clean_block, with the same fast path and the same limit."""
    if not text.isprintable():
        return clean_block(text, limit, what)
    cleaned = text.strip()
    if len(cleaned) > limit:
        raise ValidationError(f"{what} is longer than {limit} characters")
    return cleaned


def checked_values(data: CustomerInput) -> dict[str, Any]:
    """Customer column values, validated as the customer service does; ValidationError if bad."""
    name = _line(data.name, 200, "name")
    if not name:
        raise ValidationError("no name (neither a name nor a company)")
    company = _line(data.company, 200, "company")
    email = _line(data.email, 320, "e-mail")
    if email and not EMAIL_PATTERN.fullmatch(email):
        raise ValidationError(f"invalid e-mail {email!r}")
    phone = _line(data.phone, 64, "phone")
    if phone and not PHONE_PATTERN.fullmatch(phone):
        raise ValidationError(f"invalid phone number {phone!r}")
    try:
        birthday = parse_birthday(normalise_birthday(data.birthday)) if data.birthday else None
    except ValidationError as exc:
        raise ValidationError(f"Bad birthday {data.birthday.strip()!r}.") from exc
    month, day, year = birthday or (None, None, None)
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
        "source": _line(data.source, 200, "source"),
        "notes": _block(data.notes, NOTES_LIMIT, "notes"),
        "keep_in_touch_days": data.keep_in_touch_days,
        "do_not_contact": data.do_not_contact,
        "search_text": fast_search_key(name, company, email, phone),
    }
