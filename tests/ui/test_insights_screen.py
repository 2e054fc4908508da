"""The Insights screen: built on first visit, filled for the chosen period, tables, exports,
click-through to a customer, fresh after a change, readable on a dark palette."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import CustomerInput, CustomerQuery
from ui.dialogs.done_dialog import DoneDialog
from ui.main_window import MainWindow
from ui.views.insights_view import InsightsView
from ui.widgets.chart_colours import Tone, tone_colour
from ui.workspace_shell import INSIGHTS, TODAY


@pytest.fixture
def history(context: AppContext) -> AppContext:
    """Two customers: Ana, silent since she was added; Ben, called today."""
    context.settings.set_many({"timezone": "Europe/Berlin", "default_cadence_days": "30"})
    context.customers.add(CustomerInput(name="Ana Silva", company="Acme"))
    ben = context.customers.add(CustomerInput(name="Ben Okafor", keep_in_touch_days=400))
    context.interactions.add(ben.id, summary="Called about the quote", channel="phone")
    return context


def open_insights(window: MainWindow) -> InsightsView:
    window.go_insights.trigger()
    workspace = window.workspace
    assert workspace is not None and workspace.current() == INSIGHTS
    return workspace.insights_view


def test_insights_is_built_on_first_visit_and_shows_every_card(
    qtbot: QtBot, window: MainWindow, history: AppContext, qtmodeltester: ModelTester
) -> None:
    workspace = window.workspace
    assert workspace is not None and workspace._insights is None
    view = open_insights(window)
    assert workspace.pages.currentWidget() is view
    assert window.go_insights.shortcut().toString() == "Alt+5"
    for card in view.cards():
        assert card.headline.text(), card.objectName()
        qtmodeltester.check(card.model, force_py=True)
    qtmodeltester.check(view.forgotten.people_model, force_py=True)
    qtmodeltester.check(view.promises.people_model, force_py=True)
    assert "last 4 weeks" not in view.status.text()
    assert view.period.currentText() == "Last quarter (13 weeks)"
    # 13 weeks: a row per week in the follow-through table.
    assert view.follow_through.model.rowCount() == 13


def test_the_tables_switch_shows_the_numbers_instead_of_the_charts(
    qtbot: QtBot, window: MainWindow, history: AppContext
) -> None:
    view = open_insights(window)
    view.tables.setChecked(True)
    assert all(card.stack.currentWidget() is card.table for card in view.cards())
    view.tables.setChecked(False)
    assert all(card.stack.currentWidget() is card.chart for card in view.cards())


def test_a_custom_period_reads_the_days_chosen(
    qtbot: QtBot, window: MainWindow, history: AppContext
) -> None:
    view = open_insights(window)
    view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.start.isVisible() and view.end.isVisible()
    view.start.setDate(view.end.date().addDays(-13))
    controller = window.workspace.insights  # type: ignore[union-attr]
    assert controller.figures is not None
    assert (controller.figures.end - controller.figures.start).days == 13
    assert len(controller.figures.weeks) == 2
    assert view.end.maximumDate() == view.end.date()  # no day after today


def test_a_forgotten_customer_opens_from_the_list(
    qtbot: QtBot, window: MainWindow, history: AppContext
) -> None:
    view = open_insights(window)
    people = view.forgotten.people
    # Ana was added today: nobody is past a 30-day rhythm yet.
    assert view.forgotten.people_model.rowCount() == 0
    assert "Nobody is waiting" in view.forgotten.people_label.text()
    history.clock.set(history.clock.now() + dt.timedelta(days=40))  # type: ignore[attr-defined]
    view.period.setCurrentIndex(0)
    model = view.forgotten.people_model
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "Ana Silva"
    people.setCurrentIndex(model.index(0, 0))
    people.activated.emit(model.index(0, 0))
    workspace = window.workspace
    assert workspace is not None
    assert workspace.current() != INSIGHTS
    assert workspace.customer_page.customer_id == model.row_id(0)


def test_a_change_elsewhere_reaches_the_figures_in_sight(
    qtbot: QtBot, window: MainWindow, history: AppContext
) -> None:
    view = open_insights(window)
    assert view.isVisible()
    before = window.workspace.insights.figures  # type: ignore[union-attr]
    assert before is not None
    customer = history.customers.add(CustomerInput(name="Cy New", is_key=True))
    after = window.workspace.insights.figures  # type: ignore[union-attr]
    assert after is not None and after is not before
    assert after.key_share.key_customers == before.key_share.key_customers + 1
    assert customer.id


def test_numbers_and_pictures_are_saved_where_chosen(
    qtbot: QtBot,
    window: MainWindow,
    history: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_insights(window)
    target = tmp_path / "follow-through"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    view.follow_through.export_csv.click()
    with (tmp_path / "follow-through.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["Due in the week", "On time"] and len(rows) == 14
    view.follow_through.export_png.click()
    picture = tmp_path / "follow-through.png"
    assert picture.stat().st_size > 1000 and picture.read_bytes()[:4] == b"\x89PNG"


def test_series_colours_stand_out_on_light_and_dark_windows() -> None:
    light = QPalette(QColor("#f0f0f0"))
    dark = QPalette(QColor("#2a2e32"))
    for tone in Tone:
        assert tone_colour(light, tone).lightnessF() < 0.6, tone
        assert tone_colour(dark, tone).lightnessF() > 0.45, tone
    app = QApplication.instance()
    assert app is not None


def test_the_window_starts_without_loading_the_insights_screen(tmp_path: Path) -> None:
    """The charts and the Insights modules load on first visit only: start-up does not pay."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from pathlib import Path\n"
        "from app.context import build_context\n"
        "from ui.main_window import MainWindow\n"
        "window = MainWindow(); window.show()\n"
        f"window.attach(build_context(Path({str(tmp_path / 'db.sqlite3')!r})))\n"
        "loaded = [m for m in sys.modules if 'insight' in m or m.endswith('charts')]\n"
        "print(loaded)\n"
        "window.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", result.stdout


def test_marking_a_referral_ask_done_records_their_answer(
    qtbot: QtBot, window: MainWindow, history: AppContext, on_next_dialog: Any
) -> None:
    from models.touchpoint import Touchpoint

    ana = history.customers.page(CustomerQuery(search="Ana")).rows[0]
    with history.sessions.begin() as session:
        ask = Touchpoint(
            uid="ask-1",
            customer_id=ana.id,
            kind="referral",
            channel="phone",
            due_date=history.planning().today,
            status="planned",
        )
        session.add(ask)
        session.flush()
        ask_id = ask.id
    workspace = window.workspace
    assert workspace is not None
    workspace.go(TODAY)
    today = workspace.today
    row = next(
        r for r in range(today.model.rowCount()) if today.model.touchpoint_at(r).id == ask_id
    )  # type: ignore[union-attr]
    today.view.table.selectRow(row)

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, DoneDialog) and dialog.answer.isVisibleTo(dialog)
        dialog.answer.setCurrentIndex(dialog.answer.findData(True))
        dialog.accept()

    on_next_dialog(act)
    today.done()
    assert history.touchpoints.get(ask_id).status == "done"
    end = history.planning().today
    figures = history.insights.figures(end, end).after_sale
    assert (figures.total("referral_asks"), figures.total("referrals_given")) == (1, 1)
