"""The value a follow-up brings (a library item's title, link and why) as merge values, and
how a chosen item goes into words the salesperson already wrote."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.i18n import ENGLISH, LANGUAGES, N_, translation

# What stands in a draft until an item is chosen: words only the salesperson can write.
WHAT_SLOT = N_("[What you bring: an article, news or an invitation, with the link]")
WHY_SLOT = N_("[One line on why it matters to you]")
FIELDS = ("value_item", "value_why")
# A template with this has a place for the item.
VALUE_FIELD = "{{value_item}}"


@dataclass(frozen=True)
class BroughtItem:
    """A library item as the customer reads it."""

    title: str
    url: str
    why: str


def value_values(item: BroughtItem | None, language: str = ENGLISH) -> dict[str, str]:
    """The merge values for what the follow-up brings; slots (in the draft's language)
    while nothing is chosen."""
    words = translation(language).gettext
    if item is None:
        return {"value_item": words(WHAT_SLOT), "value_why": words(WHY_SLOT)}
    # The link on a line of its own: mail programs and phones make it clickable.
    what = f"{item.title}\n{item.url}" if item.url else item.title
    # The why is one line in a letter: the item's note may run over several.
    why = " ".join(item.why.split())
    return {"value_item": what, "value_why": why or words(WHY_SLOT)}


def bring_into(body: str, before: Mapping[str, str], after: Mapping[str, str]) -> str:
    """The salesperson's own text with the item put in: where the slots (or the item chosen
    before) stood, else as a paragraph after the greeting."""
    placed = False
    for name in FIELDS:
        old, new = before[name], after[name]
        if old and old in body:
            body = body.replace(old, new)
            placed = True
    if placed or slots_only(after):
        # Taking an item out never writes slots into words that did not mention it.
        return body
    paragraph = "\n\n".join(after[name] for name in FIELDS if not _is_slot(after[name]))
    head, gap, rest = body.partition("\n\n")
    return f"{head}\n\n{paragraph}\n\n{rest}" if gap else f"{body}\n\n{paragraph}".strip()


def _is_slot(value: str) -> bool:
    # The words before may be in any language the customer read since.
    return value in {
        translation(code).gettext(slot) for code in LANGUAGES for slot in (WHAT_SLOT, WHY_SLOT)
    }


def slots_only(values: Mapping[str, str]) -> bool:
    """No item chosen: what the follow-up brings is still the salesperson's slot."""
    return _is_slot(values["value_item"])
