"""Reading a contact's values leniently: what cannot be read goes into the notes, with a warning.

One field never drops a contact (issue 17): a phone with an extension or direction marks, a
birthday without a year or before 1900, an e-mail with a space are read as well as they can be;
a value that cannot be read at all is kept verbatim in the notes and named in the preview.
"""

from __future__ import annotations

import re

import phonenumbers

from app.dto.customers import CustomerInput
from app.dto.imports import RowWarning
from app.errors import ValidationError
from app.i18n import _
from app.importing.flags import read_flags
from app.importing.records import NO_DATE, RawContact, normalise_birthday
from app.plans.files import language_rules
from app.validation import CHANNELS, EMAIL_PATTERN, PHONE_PATTERN, check_language, parse_birthday

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

    def keep(self, field: str, label: str, value: str, warning: str) -> None:
        """Keep `value` in the notes under `label`; `warning` is the whole sentence the
        preview shows (translated by the caller, one sentence per problem)."""
        self.kept.append(_("{label} (as in the file): {value}").format(label=label, value=value))
        self.warnings.append(RowWarning(self.row, field, value, warning))


def readable_language(text: str, reading: Reading) -> str:
    """A language drafts can be written in ("nl-NL" is "nl"), else "" (the user's default):
    a language we do not ship is said in the preview, not kept in the notes."""
    try:
        return check_language(text)
    except ValidationError:
        reading.warnings.append(
            RowWarning(
                reading.row,
                "language",
                text.strip(),
                f"Language {text.strip()!r} is not one drafts are written in; "
                "the customer gets your default draft language.",
            )
        )
        return ""


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
    if not value or value in NO_DATE:
        return ""
    try:
        normal = normalise_birthday(value)
    except ValidationError:
        normal = ""
    if not normal and value:
        reading.keep("birthday", _("Birthday"), value, _not_a_date(value))
        return ""
    if _real(normal):
        return normal
    if match := re.fullmatch(r"(\d{4})-(\d{2}-\d{2})", normal):
        year, month_day = int(match.group(1)), match.group(2)
        if year < EARLIEST_YEAR and _real(month_day):
            if year != NO_YEAR:
                reading.keep(
                    "birthday",
                    _("Birthday"),
                    value,
                    _(
                        "Birthday {value!r} has a year before 1900, so only the day and month "
                        "were taken; it was kept in the notes."
                    ).format(value=value),
                )
            return month_day
    reading.keep("birthday", _("Birthday"), value, _not_a_date(value))
    return ""


def _not_a_date(value: str) -> str:
    return _("Birthday {value!r} is not a date; it was kept in the notes.").format(value=value)


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
                reading.keep(
                    "e-mail",
                    _("E-mail"),
                    raw.strip(),
                    _(
                        "E-mail {value!r} is not an e-mail address; it was kept in the notes."
                    ).format(value=raw.strip()),
                )
            continue
        if not as_written:
            reading.keep(
                "e-mail",
                _("E-mail"),
                raw.strip(),
                _("E-mail {value!r} was read as {email}; it was kept in the notes.").format(
                    value=raw.strip(), email=email
                ),
            )
        if email not in emails:
            emails.append(email)
    phones: list[str] = []
    for raw in contact.phones:
        phone = readable_phone(raw, region)
        if not phone:
            if raw.strip():
                reading.keep(
                    "phone",
                    _("Phone"),
                    raw.strip(),
                    _("Phone {value!r} is not a phone number; it was kept in the notes.").format(
                        value=raw.strip()
                    ),
                )
        elif phone not in phones:
            phones.append(phone)
    whole = contact.whole_birthday()
    birthday = readable_birthday(whole, reading) if whole.strip() else ""
    notes = contact.notes.strip()
    extras = []
    if len(emails) > 1:
        extras.append(_("Other e-mail: {emails}").format(emails=", ".join(emails[1:])))
    if len(phones) > 1:
        extras.append(_("Other phone: {phones}").format(phones=", ".join(phones[1:])))
    extras.extend(contact.kept)
    extras.extend(reading.kept)
    flags, unread = read_flags(
        contact.key_customer, contact.do_not_contact, contact.keep_in_touch_days, contact.salutation
    )
    extras.extend(unread)
    if extras:
        notes = "\n".join([notes, *extras]) if notes else "\n".join(extras)
    channel = contact.channel.strip().lower().replace("-", "_")
    if channel not in CHANNELS:
        channel = "email" if emails or not phones else "phone"
    company = contact.company.strip()
    language = readable_language(contact.language, reading)
    family_first = bool(language) and language_rules(language).family_first
    # Google, Outlook and Android keep contacts without a name: the company or address names them.
    name = (
        contact.full_name(family_first).strip() or company or (emails[0] if emails else "")
        or (phones[0] if phones else "")
    )  # fmt: skip
    if not name:
        raise ValidationError(
            _("Nothing in this row names a person (no name, e-mail, phone or company).")
        )
    data = CustomerInput(
        name=name,
        company=company,
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
        channel=channel,
        birthday=birthday,
        source=contact.source.strip() or ("" if contact.source_given else default_source),
        notes=notes,
        job_title=contact.job_title,
        # A formatted block (no parts in the file) keeps its lines in the street field.
        street=contact.street or contact.address,
        postal_code=contact.postal_code,
        city=contact.city,
        region=contact.region,
        country=contact.country,
        industry=contact.industry,
        # Outlook separates its categories with ";".
        tags=contact.tags.replace(";", ","),
        language=language,
        **flags,
    )
    return data, reading.warnings
