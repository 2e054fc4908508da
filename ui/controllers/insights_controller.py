"""Insights screen behaviour: read the figures for the chosen period, fill the cards, export
them, open the customer behind a row, and read again after changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.errors import KnownError
from app.i18n import _
from ui.change_stream import change_stream, follow_changes
from ui.controllers import insight_displays as displays
from ui.controllers import insight_labels, key_share_display
from ui.error_text import shown
from ui.views.insights_view import CUSTOM, InsightsView
from ui.widgets.charts import Chart
from ui.widgets.insight_card import InsightCard

if TYPE_CHECKING:
    from app.context import AppContext
    from app.dto.changes import Changes
    from app.dto.insights import Insights


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class InsightsController(QObject):
    """Reads when shown, when the period changes, and after a change while in sight."""

    status = Signal(str)
    customer_chosen = Signal(int)

    def __init__(self, view: InsightsView, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.view, self.context, self.window = view, context, window
        self.figures: Insights | None = None
        self._stale = True
        view.period.currentIndexChanged.connect(self._period_changed)
        view.start.dateChanged.connect(self._dates_changed)
        view.end.dateChanged.connect(self._dates_changed)
        view.tables.toggled.connect(self._show_tables)
        for card in view.cards():
            card.export_png.clicked.connect(lambda _=False, c=card: self.save_picture(c))
            card.export_csv.clicked.connect(lambda _=False, c=card: self.save_numbers(c))
            card.customer_chosen.connect(self.customer_chosen)
        view.forgotten.enable_people()
        view.promises.enable_people()
        follow_changes(change_stream(context), view, self.on_changes)

    # --- reading --------------------------------------------------------------------
    def period(self) -> tuple[dt.date, dt.date]:
        if self.view.period_key() == CUSTOM:
            return _day(self.view.start.date()), _day(self.view.end.date())
        return self.context.insights.preset(self.view.period_key())

    def refresh(self) -> None:
        """Read the figures now (the screen is shown)."""
        self._stale = False
        try:
            start, end = self.period()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                found = self.context.insights.figures(start, end)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except KnownError as exc:
            self.view.status.setText(shown(exc))
            return
        self.figures = found
        self.view.status.setText(
            _("From {start} to {end}; weeks end on a {weekday}, like the period.").format(
                start=insight_labels.day_text(found.start),
                end=insight_labels.day_text(found.end),
                weekday=QLocale().dayName(found.end.isoweekday()),
            )
        )
        self._fill(found)

    def refresh_if_stale(self) -> None:
        if self._stale or self.figures is None:
            self.refresh()

    def on_changes(self, _changes: Changes) -> None:
        # Any write can move a figure; read again now if in sight, else when next shown.
        self._stale = True
        if self.view.isVisible():
            self.refresh()

    def _period_changed(self) -> None:
        custom = self.view.period_key() == CUSTOM
        if custom and self.figures is not None:
            today = _qdate(self.figures.today)
            for edit in (self.view.start, self.view.end):
                edit.blockSignals(True)
                edit.setMaximumDate(today)
            self.view.start.setDate(_qdate(self.figures.start))
            self.view.end.setDate(_qdate(self.figures.end))
            for edit in (self.view.start, self.view.end):
                edit.blockSignals(False)
        self.view.show_custom(custom)
        self.refresh()

    def _dates_changed(self) -> None:
        if self.view.period_key() == CUSTOM:
            self.refresh()

    def _show_tables(self, tables: bool) -> None:
        for card in self.view.cards():
            card.show_table(tables)

    # --- filling the cards ------------------------------------------------------------
    def _fill(self, found: Insights) -> None:
        view = self.view
        shown_ = {
            view.follow_through: displays.follow_through(found.follow_through),
            view.forgotten: displays.forgotten(found.forgotten, found.weeks),
            view.promises: displays.promises(found.promises, found.today),
            view.responsiveness: displays.responsiveness(found.responsiveness),
            view.key_share: key_share_display.key_share(found.key_share),
            view.after_sale: displays.after_sale(found.after_sale),
        }
        charts: dict[InsightCard, list[Chart]] = {
            view.follow_through: [view.follow_through_bars, view.overdue_line],
            view.forgotten: [view.forgotten_line],
            view.promises: [view.promise_bars],
            view.responsiveness: [view.response_lines],
            view.after_sale: [view.score_bars],
        }
        for card, display in shown_.items():
            card.headline.setText(display.headline)
            card.hint.setText(display.hint)
            card.hint.setVisible(bool(display.hint))
            card.model.show(display.columns, display.rows)
            for chart, data in zip(charts.get(card, []), display.charts, strict=True):
                chart.show_data(data)
            if display.people_columns:
                card.people_model.show(display.people_columns, display.people, display.people_ids)
                card.people.setVisible(bool(display.people))
                card.people_label.setText(display.people_heading)
        view.share_bars.show_rows(
            shown_[view.key_share].shares, (_("Key customers"), _("The rest"))
        )

    # --- exports ----------------------------------------------------------------------
    def save_picture(self, card: InsightCard) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("Save picture"),
            f"{card.objectName()}.png",
            _("PNG pictures (*.png)"),
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".png") else Path(name + ".png")
        if not card.chart.grab().save(str(path), "PNG"):
            QMessageBox.warning(
                self.window,
                _("Save picture"),
                _("{path} could not be written. Choose another folder.").format(path=path),
            )
            return
        self.status.emit(_("Saved {path}").format(path=path))

    def save_numbers(self, card: InsightCard) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("Save numbers"),
            f"{card.objectName()}.csv",
            _("CSV files (*.csv)"),
        )
        if not name:
            return
        try:
            target = self.context.insights.export_csv(
                Path(name), card.model.columns, card.model.rows()
            )
        except KnownError as exc:
            QMessageBox.warning(self.window, _("Save numbers"), shown(exc))
            return
        self.status.emit(_("Saved {target}").format(target=target))
