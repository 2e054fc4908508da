"""A spin box's words around its number from one whole, counted phrase ('Show next {n} days')."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QSpinBox

from app.i18n import ngettext


def count_around(spin: QSpinBox, phrase: Callable[[int], str]) -> None:
    """Prefix and suffix from `phrase(value)` split at '{n}', again whenever the value
    changes: a translator sees the whole phrase (not 'Show next ' and ' days' apart), and
    the plural follows the number ('1 day', '2 days'; Ukrainian's three forms)."""

    def show(value: int) -> None:
        before, _number, after = phrase(value).partition("{n}")
        spin.setPrefix(before)
        spin.setSuffix(after)

    show(spin.value())
    spin.valueChanged.connect(show)


def days_phrase(value: int) -> str:
    """'{n} days' as a spin box's words: the number with 'day' or 'days' after it."""
    return ngettext("{n} day", "{n} days", value)
