"""The agenda as a Qt table model: keyset pages, overdue first, subjects rendered lazily."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from app.dto.vocabulary import Kind
from app.errors import KnownError
from app.i18n import N_, _, ngettext
from app.kinds import channel_label, kind_label
from ui.dates import date_text, time_text
from ui.item_models.agenda_rows import ROW_ROLE, RowText, heading
from ui.item_models.keyset_table import KeysetTableModel

if TYPE_CHECKING:
    from app.dto.agenda import AgendaCursor, AgendaPage
    from app.dto.touchpoints import TouchpointDTO

PAGE_SIZE = 200
DEFAULT_DAYS_AHEAD = 7
# Rendering one draft is a few milliseconds (a session and several lookups): render
# only the rows the view asks for, newest request first, in slices that keep typing smooth.
SUBJECT_BUDGET_S = 0.008
SUBJECT_QUEUE_MAX = 200

COL_WHEN, COL_CUSTOMER, COL_KIND, COL_CHANNEL, COL_DUE, COL_SUBJECT = range(6)
HEADERS = (N_("When"), N_("Customer"), N_("Kind"), N_("Channel"), N_("Due"), N_("Subject"))

Index = QModelIndex | QPersistentModelIndex


class AgendaSource(Protocol):
    """What the model needs from AgendaService."""

    def page(
        self, *, end: dt.date | None, after: AgendaCursor | None = None, limit: int = 200
    ) -> AgendaPage: ...

    def today_date(self) -> dt.date: ...


def kind_text(kind: str) -> str:
    return _(kind_label(kind))


def channel_text(channel: str) -> str:
    return _(channel_label(channel))


def short_day(day: dt.date, today: dt.date) -> str:
    """'Thu 26 Nov' in the user's locale; the year only when it is not this year's."""
    return date_text(day, year=day.year != today.year, weekday=True)


def when_label(day: dt.date, today: dt.date) -> str:
    late = (today - day).days
    if late == 1:
        return _("Overdue · 1 day")
    if late > 1:
        return ngettext("Overdue · {n} day", "Overdue · {n} days", late).format(n=late)
    if late == 0:
        return _("Today")
    if late == -1:
        return _("Tomorrow")
    return short_day(day, today)


@lru_cache(maxsize=4)
def _overdue_brush(base_rgb: int) -> QBrush:
    # A red that reads on the base colour: deep on light themes, soft on dark ones.
    dark = QColor.fromRgb(base_rgb).lightness() < 128
    return QBrush(QColor("#ff8a80") if dark else QColor("#b3261e"))


def overdue_brush() -> QBrush:
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return _overdue_brush(base.rgb())


class AgendaTableModel(KeysetTableModel["TouchpointDTO", "AgendaCursor"]):
    """Planned touchpoints due up to today + N days, a page at a time as the view scrolls."""

    columns = HEADERS
    translate = staticmethod(_)

    def __init__(
        self,
        agenda: AgendaSource,
        zone: Callable[[], dt.tzinfo],
        subject: Callable[[int], str] | None = None,
        parent: Any = None,
        page_size: int = PAGE_SIZE,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._agenda = agenda
        # Requests are late by the hour, not the day: they need the clock's instant.
        self._now_of = now
        self.now: dt.datetime | None = None
        self._zone_of = zone
        self._subject_of = subject
        self._page_size = page_size
        self.days_ahead = DEFAULT_DAYS_AHEAD
        self.today = dt.date.min
        self._zone: dt.tzinfo = dt.UTC
        # id -> (generation, sequence, subject); an older generation is shown until redone.
        self._subjects: dict[int, tuple[int, int, str]] = {}
        self._generation = 0
        self._wanted: dict[int, None] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_some_subjects)

    # --- loading -----------------------------------------------------------------
    def reload(self, keep_subjects: bool = False) -> None:
        """Start over from the first page; `keep_subjects` after our own edits (same data)."""
        self.beginResetModel()
        self.today = self._agenda.today_date()
        self.now = self._now_of() if self._now_of is not None else None
        self._zone = self._zone_of()
        if not keep_subjects:
            self._generation += 1
        self._wanted.clear()
        self.read_first_page()
        self._subjects = {k: v for k, v in self._subjects.items() if k in self._row_of}
        self.endResetModel()

    def take_over(
        self,
        agenda: AgendaSource,
        zone: Callable[[], dt.tzinfo],
        subject: Callable[[int], str],
        now: Callable[[], dt.datetime],
    ) -> None:
        """Keep the rows read so far but read (and render subjects) through these from now
        on: the start fills the first page before the services exist."""
        self._agenda, self._zone_of, self._subject_of, self._now_of = agenda, zone, subject, now
        # Subjects shown so far were stand-ins: mark them stale, and the view asks again.
        self._generation += 1
        if self._rows:
            top, bottom = self.index(0, COL_SUBJECT), self.index(len(self._rows) - 1, COL_SUBJECT)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def set_days_ahead(self, days: int) -> None:
        if days != self.days_ahead:
            self.days_ahead = days
            self.reload(keep_subjects=True)

    @property
    def end_date(self) -> dt.date:
        return self.today + dt.timedelta(days=self.days_ahead)

    def read_page(
        self, after: AgendaCursor | None
    ) -> tuple[Sequence[TouchpointDTO], AgendaCursor | None]:
        page = self._agenda.page(end=self.end_date, after=after, limit=self._page_size)
        return page.rows, page.next_after

    # --- Qt model interface ----------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_late(item):
            return overdue_brush()
        if role == Qt.ItemDataRole.FontRole and (
            item.due_date == self.today or item.kind == Kind.REQUEST
        ):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == ROW_ROLE and column == COL_WHEN:
            return self.row_text(index.row(), item)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_WHEN:
            words = self.row_text(index.row(), item)
            return ", ".join(p for p in (words.who, words.company, words.what, words.when) if p)
        return None

    def group(self, item: TouchpointDTO) -> str:
        if item.due_date < self.today:
            return "overdue"
        return "today" if item.due_date == self.today else "later"

    def group_starts(self) -> set[int]:
        """The rows that open a group (Overdue, Today, Coming up): they carry its heading."""
        starts, last = set(), ""
        for row, item in enumerate(self._rows):
            group = self.group(item)
            if group != last:
                starts.add(row)
                last = group
        return starts

    def row_text(self, row: int, item: TouchpointDTO) -> RowText:
        """The row's words for the delegate; the first row of a group carries its heading."""
        group = self.group(item)
        before = self._rows[row - 1] if row > 0 else None
        starts = before is None or self.group(before) != group
        subject = self._subject(item)
        kind = kind_text(item.kind)
        channel = channel_text(item.channel)
        if item.due_date < self.today:
            when = when_label(item.due_date, self.today)
        else:
            when = self.due_text(item) if group == "later" else self._today_text(item)
        return RowText(
            kind=item.kind,
            who=item.customer_name,
            company=item.company,
            when=when,
            what=subject or kind,
            how=f"{kind} · {channel}" if subject else channel,
            late=self.is_late(item),
            today=group == "today",
            group=group,
            group_heading=heading(group) if starts else "",
        )

    def _today_text(self, item: TouchpointDTO) -> str:
        if item.due_at is None:
            return _("Today")
        local = item.due_at.astimezone(self._zone)
        return _("Today {time}").format(time=time_text(local.time()))

    def is_late(self, item: TouchpointDTO) -> bool:
        if item.due_date < self.today:
            return True
        # An unanswered request is late as soon as its response time has passed.
        if item.kind != Kind.REQUEST or item.due_at is None or self.now is None:
            return False
        return item.due_at < self.now

    def _display(self, item: TouchpointDTO, column: int) -> str:
        if column == COL_WHEN:
            return when_label(item.due_date, self.today)
        if column == COL_CUSTOMER:
            return item.customer_display
        if column == COL_KIND:
            return kind_text(item.kind)
        if column == COL_CHANNEL:
            return channel_text(item.channel)
        if column == COL_DUE:
            return self.due_text(item)
        return self._subject(item)

    def due_text(self, item: TouchpointDTO) -> str:
        day = short_day(item.due_date, self.today)
        if item.due_at is None:
            return day
        local = item.due_at.astimezone(self._zone)
        return f"{day} {time_text(local.time())}"

    def _tooltip(self, item: TouchpointDTO, column: int) -> str | None:
        if column in (COL_WHEN, COL_DUE) and item.snoozed_from is not None:
            return _("Snoozed; first due {day}").format(
                day=short_day(item.snoozed_from, self.today)
            )
        if column == COL_CUSTOMER:
            return "\n".join(part for part in (item.customer_email, item.customer_phone) if part)
        return None

    # --- draft subjects, rendered for the rows the view shows ----------------------------
    def _subject(self, item: TouchpointDTO) -> str:
        cached = self._subjects.get(item.id)
        fresh = cached is not None and cached[:2] == (self._generation, item.sequence)
        if not fresh and self._subject_of is not None:
            self._wanted.pop(item.id, None)
            self._wanted[item.id] = None
            if len(self._wanted) > SUBJECT_QUEUE_MAX:
                del self._wanted[next(iter(self._wanted))]
            self._render_timer.start()
        if cached is not None:
            return cached[2]
        return kind_text(item.kind) if self._subject_of is None else ""

    def _render_some_subjects(self) -> None:
        if self._subject_of is None:
            return
        started = time.perf_counter()
        done: list[int] = []
        while self._wanted and time.perf_counter() - started < SUBJECT_BUDGET_S:
            touchpoint_id, _wanted = self._wanted.popitem()  # newest first: what is on screen now
            row = self._row_of.get(touchpoint_id)
            if row is None:
                continue
            try:
                text = self._subject_of(touchpoint_id)
            except KnownError:
                # Gone since the page was read (done elsewhere); the next refresh drops the row.
                text = ""
            item = self._rows[row]
            self._subjects[item.id] = (self._generation, item.sequence, text)
            done.append(row)
        for row in done:
            cell = self.index(row, COL_SUBJECT)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])
        if self._wanted:
            self._render_timer.start()

    def remember_subject(self, item: TouchpointDTO, subject: str) -> None:
        """A draft rendered elsewhere (the draft pane) saves rendering it again."""
        row = self._row_of.get(item.id)
        if row is None or self._rows[row].sequence != item.sequence:
            return
        cached = self._subjects.get(item.id)
        self._subjects[item.id] = (self._generation, item.sequence, subject)
        self._wanted.pop(item.id, None)
        if cached is None or cached[2] != subject:
            cell = self.index(row, COL_SUBJECT)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    # --- lookups for the controller ------------------------------------------------------
    def touchpoint_at(self, row: int) -> TouchpointDTO | None:
        return self.at(row)
