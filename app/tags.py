"""Comma-separated word lists (tags, industries, fields a partner covers): cleaned and matched."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.errors import ValidationError
from app.i18n import _
from app.validation import clean_line

MAX_ITEMS = 50
ITEM_LIMIT = 80
WORD = re.compile(r"\w{3,}")


def parse_list(text: str, what: str, lower: bool = True) -> tuple[str, ...]:
    """'Fleet, logistics ,fleet' -> ('fleet', 'logistics'): cleaned, de-duplicated, in order."""
    items: dict[str, str] = {}
    for part in text.split(","):
        item = clean_line(part, ITEM_LIMIT, _("each of the {what}").format(what=_(what)))
        if item:
            items.setdefault(item.casefold(), item.casefold() if lower else item)
    if len(items) > MAX_ITEMS:
        raise ValidationError(_("at most {limit} {what}").format(limit=MAX_ITEMS, what=_(what)))
    return tuple(items.values())


def split_stored(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def join(items: Iterable[str]) -> str:
    return ", ".join(items)


def words(items: Iterable[str]) -> set[str]:
    """Words of three letters or more, case-folded: 'Fleet leasing' -> {'fleet', 'leasing'}."""
    return {word for item in items for word in WORD.findall(item.casefold())}


def overlaps(wanted: Iterable[str], offered: Iterable[str]) -> bool:
    """True when a wanted entry and an offered entry share a word or contain one another."""
    wanted_list = [item.casefold() for item in wanted]
    offered_list = [item.casefold() for item in offered]
    if words(wanted_list) & words(offered_list):
        return True
    return any(a in b or b in a for a in wanted_list for b in offered_list if a and b)
