"""A deal file's cells as a sale's values: outcome words, dates and amounts as CRMs write them."""

from __future__ import annotations

import datetime as dt
import re

from app.errors import ValidationError
from app.i18n import _

_WON = frozenset({"won", "closedwon", "closed won", "true", "yes", "1", "gewonnen", "win"})
_LOST = frozenset({"lost", "closedlost", "closed lost", "false", "no", "0", "verloren"})


def outcome_of(text: str) -> str | None:
    """Won or lost ("won", "lost"); None for a deal still open (any other stage)."""
    word = " ".join(text.casefold().replace("_", " ").split())
    if word in _WON or word.replace(" ", "") in _WON:
        return "won"
    if word in _LOST or word.replace(" ", "") in _LOST:
        return "lost"
    return None


def day_of(text: str, what: str) -> dt.date | None:
    """ISO (with or without a time), US M/D/Y and German D.M.Y dates; None when empty."""
    value = text.strip()
    if not value:
        return None
    head = re.split(r"[ T]", value, maxsplit=1)[0]
    try:
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", head):
            year, month, day = map(int, match.groups())
        elif match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", head):
            day, month, year = map(int, match.groups())
        elif match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", head):
            first, second, year = map(int, match.groups())
            # US order unless the first number cannot be a month.
            month, day = (second, first) if first > 12 else (first, second)
        else:
            raise ValueError(value)
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValidationError(
            _("{what} {value!r} is not a date (use YYYY-MM-DD)").format(what=_(what), value=value)
        ) from exc


def money_of(text: str) -> tuple[str, str]:
    """(amount as the sale form takes it, currency code or "") from '12,500.00 EUR',
    '€ 12.500,00', '12500'."""
    value = text.strip()
    code = re.search(r"\b([A-Z]{3})\b", value)
    currency = code.group(1) if code else ""
    number = re.sub(r"[^0-9.,-]", "", value)
    if "," in number and "." in number:
        # The later separator is the decimal one; the other groups thousands.
        thousands = "." if number.rfind(",") > number.rfind(".") else ","
        number = number.replace(thousands, "").replace(",", ".")
    elif number.count(",") == 1 and len(number.split(",")[1]) <= 2:
        number = number.replace(",", ".")
    elif "," in number or number.count(".") > 1:
        # Only thousands separators: 12,500 or 1.250.000.
        number = number.replace(",", "").replace(".", "")
    return number, currency
