"""The words of one Today row, ready to draw: who, when, what, how, and its group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt

from app.i18n import N_, _

# The agenda model's role for a row's RowText (column 0).
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
# Groups in the order the list shows them (overdue first: the query orders by date).
GROUP_HEADINGS = {"overdue": N_("Overdue"), "today": N_("Today"), "later": N_("Coming up")}


def heading(group: str) -> str:
    return _(GROUP_HEADINGS[group])


@runtime_checkable
class GroupedRows(Protocol):
    """A model whose rows fall into groups, each opened by a heading."""

    def group_starts(self) -> set[int]: ...


@dataclass(frozen=True)
class RowText:
    """What the delegate draws for a follow-up; `group_heading` only on a group's first row."""

    kind: str
    who: str
    company: str
    when: str
    what: str
    how: str
    late: bool
    today: bool
    group: str
    group_heading: str = ""
