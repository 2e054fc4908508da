"""Translated texts with arguments: "%1 of %2" filled in one pass."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def fill(text: str, *args: object) -> str:
    """Put args[0] where the (translated) text says %1, args[1] at %2, and so on.

    One pass, so an argument that itself holds "%2" (a customer called "50%2") is shown
    as it is; chained str.replace calls would fill it in again."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if 1 <= number <= len(args) else match.group(0)

    return _PLACE.sub(value, text)


def count(number: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with %1 filled ("1 follow-up overdue", "3 follow-ups ...")."""
    return fill(one if number == 1 else many, str(number))
