"""Cleaning and checking of user text: control characters, e-mail, channels, birthdays."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from app.errors import ValidationError
from app.i18n import LANGUAGES, N_, _, normalise
from app.kinds import SALUTATIONS

CHANNELS = ("email", "phone", "text", "in_person", "letter", "social")
# Deliberately loose: one @, a dot in the domain, no spaces; the mail server has the last word.
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE_PATTERN = re.compile(r"\+?[0-9 ()./\-]{3,40}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?", re.IGNORECASE)
# Record ids are SQLite integers: anything past 64 bits names no record and cannot be bound.
MAX_ID = 2**63 - 1
# Dates a salesperson can mean: plans add months and years to them, so the ends of the
# calendar (0001-01-01, 9999-12-31) would overflow; birthdays go back further (parse_birthday).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)


def clean_line(text: str, limit: int, what: str) -> str:
    """One line of text: control characters removed, whitespace collapsed, length checked.

    Text of nothing but invisible characters (a lone zero-width space) is empty."""
    cleaned = " ".join(_strip_controls(text).split())
    if len(cleaned) > limit:
        raise ValidationError(
            _("{what} is longer than {limit} characters").format(what=_(what), limit=limit)
        )
    return cleaned if _shows_something(cleaned) else ""


def clean_block(text: str, limit: int, what: str) -> str:
    """Multi-line text (notes): controls removed but line breaks kept."""
    lines = _strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"), keep_newlines=True)
    cleaned = lines.strip()
    if len(cleaned) > limit:
        raise ValidationError(
            _("{what} is longer than {limit} characters").format(what=_(what), limit=limit)
        )
    return cleaned if _shows_something(cleaned) else ""


def _shows_something(text: str) -> bool:
    """False for text a reader would see as blank: only spaces and format characters.

    The text is already stripped; printable text (the C-level tests) shows what it holds."""
    return text.isascii() or text.isprintable() or bool(strip_invisible(text).strip())


def _strip_controls(text: str, keep_newlines: bool = False) -> str:
    if text.isprintable():
        # Nothing below would change it (tabs, newlines, separators and controls are all
        # unprintable); this C-level test spares bulk imports a Python loop per character.
        return text
    kept = []
    for char in text:
        if char == "\n" and keep_newlines:
            kept.append(char)
        elif char in "\u2028\u2029":
            kept.append("\n" if keep_newlines else " ")
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) in {"Cc", "Cs"} or char == "\ufeff":
            continue
        else:
            kept.append(char)
    return "".join(kept)


_JOINERS = "\u200c\u200d"


def strip_invisible(text: str) -> str:
    """Without BOMs, zero-width spaces, direction marks and other invisible format characters.

    The joiners stay where they join something: Persian words need the non-joiner and emoji
    sequences the joiner; at either end of the text or next to a space they join nothing.
    """
    if text.isascii():
        return text
    kept = "".join(char for char in text if char in _JOINERS or unicodedata.category(char) != "Cf")
    words = [word.strip(_JOINERS) for word in kept.split(" ")]
    return " ".join(words)


def check_name(text: str) -> str:
    name = clean_line(text, 200, N_("name"))
    if not name:
        raise ValidationError(_("name must not be empty"))
    return name


def check_email(text: str) -> str:
    email = clean_line(text, 320, N_("e-mail"))
    if email and not EMAIL_PATTERN.fullmatch(email):
        raise ValidationError(_("{email!r} is not an e-mail address").format(email=email))
    return email


def check_phone(text: str) -> str:
    phone = clean_line(text, 64, N_("phone"))
    if phone and not PHONE_PATTERN.fullmatch(phone):
        raise ValidationError(
            _("{phone!r} is not a phone number (digits, spaces, + ( ) - / .)").format(phone=phone)
        )
    return phone


def check_channel(text: str) -> str:
    channel = text.strip().lower().replace("-", "_")
    if channel not in CHANNELS:
        raise ValidationError(
            _("unknown channel {text!r}; use one of {choices}").format(
                text=text, choices=", ".join(CHANNELS)
            )
        )
    return channel


def check_salutation(text: str) -> str:
    """One of the salutation rules (app.messages.greeting); "" or "first" is by first name."""
    rule = text.strip().lower()
    rule = "" if rule in ("first", "first_name") else rule
    if rule not in SALUTATIONS:
        names = ", ".join(["first", *(key for key in SALUTATIONS if key)])
        raise ValidationError(
            _("unknown salutation {text!r}; use one of {names}").format(text=text, names=names)
        )
    return rule


def check_language(text: str, none_word: str = "default") -> str:
    """A language we ship ("nl", "nl-NL", "Nederlands"), or "" for `none_word` (a customer's
    "default" draft language, the interface's "system" language)."""
    word = text.strip()
    if word.casefold() in ("", none_word):
        return ""
    by_name = {name.casefold(): code for code, name in LANGUAGES.items()}
    code = by_name.get(word.casefold()) or normalise(word)
    if code is None or code not in LANGUAGES:
        raise ValidationError(
            _("language must be one of {codes} or {none} (got {text!r})").format(
                codes=", ".join(LANGUAGES), none=none_word, text=text
            )
        )
    return code


def check_address(
    street: str, postal_code: str, city: str, region: str, country: str
) -> tuple[str, str, str, str, str]:
    """The postal address cleaned: the street may hold a few lines, the rest one line each."""
    return (
        clean_block(street, 500, N_("street")),
        clean_line(postal_code, 32, N_("postal code")),
        clean_line(city, 120, N_("city")),
        clean_line(region, 120, N_("region")),
        clean_line(country, 120, N_("country")),
    )


def parse_birthday(text: str) -> tuple[int, int, int | None] | None:
    """YYYY-MM-DD, MM-DD or --MM-DD (vCard style) to (month, day, year or None)."""
    value = text.strip()
    if not value:
        return None
    match = re.fullmatch(r"(?:(\d{4})-|--)?(\d{1,2})-(\d{1,2})", value)
    if not match:
        raise ValidationError(_("birthday {text!r} must be YYYY-MM-DD or MM-DD").format(text=text))
    year = int(match.group(1)) if match.group(1) else None
    month, day = int(match.group(2)), int(match.group(3))
    try:
        # 2000 is a leap year, so Feb 29 without a year is accepted.
        dt.date(year or 2000, month, day)
    except ValueError as exc:
        raise ValidationError(_("birthday {text!r} is not a real date").format(text=text)) from exc
    if year is not None and not 1900 <= year <= 2100:
        raise ValidationError(_("birthday year {year} is out of range").format(year=year))
    return month, day, year


def check_date(day: dt.date, what: str) -> dt.date:
    """The date when it lies in the years a plan can work with, else why not."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(
            _(
                "{what} {date} is out of range; use a date between {first_year} and {last_year}"
            ).format(
                what=_(what),
                date=day.isoformat(),
                first_year=EARLIEST_DATE.year,
                last_year=LATEST_DATE.year,
            )
        )
    return day


def check_optional_date(day: dt.date | None, what: str) -> dt.date | None:
    """check_date for a date that may be left out."""
    return None if day is None else check_date(day, what)


# Every ASCII character but 0-9, for bytes.translate to delete (a C loop, no regex).
_ASCII_NOT_DIGITS = bytes(code for code in range(128) if not 48 <= code <= 57)


def digits_in(text: str) -> str:
    """The text's digits (str.isdigit), in order: imports ask this of every row."""
    if text.isascii():
        # In ASCII text str.isdigit is 0-9 exactly: one pass in C, not a call per character.
        return text.encode("ascii").translate(None, _ASCII_NOT_DIGITS).decode("ascii")
    return "".join(filter(str.isdigit, text))


def search_key(*parts: str) -> str:
    """Lower-cased text for search-as-you-type, with the phone's digits.

    The digits let a search for a number in another form match: app.phone_search turns
    '0170' into '49170' too, which the digits of '+49 170 1234567' hold.
    """
    digits = digits_in("".join(parts))
    return " ".join(part.casefold() for part in parts if part) + (f" {digits}" if digits else "")
