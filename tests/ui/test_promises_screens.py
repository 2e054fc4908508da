"""Promises, requests, feedback and content in the window, driven like a user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from ui.controllers.customer_page_controller import CustomerPageController
from ui.controllers.today_controller import TodayController
from ui.dialogs.commitment_dialog import CommitmentDialog
from ui.dialogs.feedback_dialog import FeedbackDialog
from ui.dialogs.note_dialog import NoteDialog
from ui.dialogs.promise_recovery_dialog import PromiseRecoveryDialog
from ui.dialogs.request_dialog import RequestDialog
from ui.item_models.agenda_table import COL_KIND, COL_WHEN
from ui.views.customer_page import CustomerPageView
from ui.views.today_view import TodayView

D = dt.date
DialogDriver = Callable[[Callable[[QDialog], None]], None]
FRIDAY_MORNING = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # 09:00 in Berlin
CET = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(autouse=True)
def english_dates() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def planner(context: AppContext, clock: FixedClock) -> AppContext:
    clock.set(FRIDAY_MORNING)
    context.settings.set_many(
        {"timezone": "Europe/Berlin", "holiday_country": "DE-BY", "min_gap_days": "2",
         "marketing_budget": "5000", "customers_won": "50"}
    )  # fmt: skip
    return context


@pytest.fixture
def ana(planner: AppContext) -> CustomerDTO:
    return planner.customers.add(
        CustomerInput(name="Ana Silva", company="Acme", email="ana@acme.example",
                      tags="forklifts")
    )  # fmt: skip


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QMainWindow]:
    window = QMainWindow()
    window.resize(1100, 700)
    qtbot.addWidget(window)
    yield window
    window.close()


def show(qtbot: QtBot, host: QMainWindow) -> None:
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)


def open_today(qtbot: QtBot, host: QMainWindow, context: AppContext) -> TodayController:
    view = TodayView()
    host.setCentralWidget(view)
    controller = TodayController(view, context, host)
    show(qtbot, host)
    return controller


def open_page(
    qtbot: QtBot, host: QMainWindow, context: AppContext, customer: CustomerDTO
) -> CustomerPageController:
    view = CustomerPageView()
    host.setCentralWidget(view)
    controller = CustomerPageController(view, context, host)
    show(qtbot, host)
    controller.show_customer(customer.id)
    return controller


def select_kind(screen: TodayController, kind: str) -> None:
    model = screen.model
    for row in range(model.rowCount()):
        if model.index(row, COL_KIND).data() == kind:
            screen.view.table.selectRow(row)
            return
    raise AssertionError(f"no {kind} in the list")


def test_customer_page_adds_a_promise_and_starts_its_recovery(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:  # fmt: skip
    page = open_page(qtbot, host, planner, ana)
    panel = page.view.promises
    assert panel.heading.text() == "Promises: 0 kept · 0 broken · 0 recovered"
    assert not panel.at_risk.isEnabled()

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, CommitmentDialog)
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # nothing promised yet
        assert dialog.isVisible() and "empty" in dialog.error.text()
        qtbot.keyClicks(dialog.text, "Send the <b>contract</b>")
        dialog.buffer.setValue(2)
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)

    on_next_dialog(add)
    qtbot.mouseClick(panel.add, Qt.MouseButton.LeftButton)
    [promise] = planner.commitments.find(ana.id)
    assert (promise.text, promise.due_on, promise.buffer_days) == (
        "Send the <b>contract</b>", D(2026, 11, 27), 2
    )  # fmt: skip
    assert page.promises.selected() == promise and panel.at_risk.isEnabled()

    def at_risk(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        qtbot.keyClicks(dialog.note, "Supplier is late")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(at_risk)
    qtbot.mouseClick(panel.at_risk, Qt.MouseButton.LeftButton)
    assert planner.commitments.get(promise.id).status == "at_risk"
    assert panel.table.model().index(0, 3).data() == "Recovering"
    assert isinstance(panel.table.model().index(0, 0).data(Qt.ItemDataRole.ForegroundRole), QBrush)
    upcoming = [
        page.upcoming_model.index(r, 1).data() for r in range(page.upcoming_model.rowCount())
    ]
    assert upcoming.count("Recovery step") == 6

    def recovery(dialog: QDialog) -> None:
        assert isinstance(dialog, PromiseRecoveryDialog)
        assert dialog.checklist.count() == 9
        assert "€100.00" in dialog.guide.text()
        dialog.reject()

    on_next_dialog(recovery)
    qtbot.mouseClick(panel.recovery, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.kept, Qt.MouseButton.LeftButton)
    assert panel.heading.text() == "Promises: 1 kept · 0 broken · 0 recovered"
    assert not panel.kept.isEnabled()


def test_request_logged_on_the_page_waits_at_the_top_of_today_in_red_once_late(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, ana: CustomerDTO, clock: FixedClock,
    on_next_dialog: DialogDriver,
) -> None:  # fmt: skip
    clock.set(dt.datetime(2026, 11, 20, 15, 0, tzinfo=CET))
    page = open_page(qtbot, host, planner, ana)

    def log(dialog: QDialog) -> None:
        assert isinstance(dialog, RequestDialog)
        qtbot.keyClicks(dialog.summary, "Quote for 3 pallets")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    messages: list[str] = []
    page.status.connect(messages.append)
    on_next_dialog(log)
    qtbot.mouseClick(page.view.promises.log_request, Qt.MouseButton.LeftButton)
    assert messages[-1] == "Request logged; answer by Mon 11:00."

    clock.set(dt.datetime(2026, 11, 23, 11, 30, tzinfo=CET))
    screen = open_today(qtbot, host, planner)
    panel = screen.view.requests
    assert panel.isVisible()
    assert panel.heading.text() == "Requests waiting for an answer: 1 · 1 overdue"
    assert panel.list.item(0).text().startswith("Ana Silva — Quote for 3 pallets")
    assert (
        panel.list.item(0).foreground().color()
        == screen.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    )
    select_kind(screen, "Answer request")
    row = screen.view.table.currentIndex().row()
    assert screen.model.index(row, COL_WHEN).data() == "Today"
    assert isinstance(
        screen.model.index(row, COL_WHEN).data(Qt.ItemDataRole.ForegroundRole), QBrush
    )
    font = screen.model.index(row, COL_KIND).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        qtbot.keyClicks(dialog.note, "Sent the quote")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(answer)
    qtbot.mouseClick(panel.answer, Qt.MouseButton.LeftButton)
    assert not panel.isVisible() and planner.requests.find() == []
    assert "Answer request" not in [
        screen.model.index(r, COL_KIND).data() for r in range(screen.model.rowCount())
    ]


def test_done_on_a_feedback_request_asks_for_the_score(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, ana: CustomerDTO, clock: FixedClock,
    on_next_dialog: DialogDriver,
) -> None:  # fmt: skip
    sale = planner.sales.record(
        SaleInput(ana.id, D(2026, 10, 1), "won", promised_delivery=D(2026, 10, 20))
    ).sale
    planner.sales.update_delivery(sale.id, delivered=D(2026, 10, 20))
    screen = open_today(qtbot, host, planner)
    select_kind(screen, "Feedback request")

    def score(dialog: QDialog) -> None:
        assert isinstance(dialog, FeedbackDialog)
        dialog.score.setCurrentIndex(dialog.score.findData(1))
        qtbot.keyClicks(dialog.note, "Late and rude driver")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    messages: list[str] = []
    screen.status.connect(messages.append)
    on_next_dialog(score)
    screen.view.table.setFocus()
    qtbot.keyClick(screen.view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert messages[-1] == (
        "Feedback recorded: 1/5; referral ask called off, recovery call planned."
    )
    planned = planner.agenda.touchpoints(customer_id=ana.id)
    assert not [t for t in planned if t.kind in ("feedback", "referral")]
    [call] = [t for t in planned if t.kind == "recovery"]
    assert call.due_date == D(2026, 11, 23) and call.channel == "phone"


def test_commitment_table_is_a_sound_model(
    qtmodeltester: ModelTester, planner: AppContext, ana: CustomerDTO
) -> None:
    from app.dto.commitments import CommitmentInput
    from ui.item_models.commitment_table import CommitmentTableModel

    for day in (3, 1, 2):
        planner.commitments.add(CommitmentInput(ana.id, f"Promise {day}", D(2026, 12, day)))
    planner.commitments.at_risk(1)
    model = CommitmentTableModel()
    model.set_rows(planner.commitments.find(ana.id), D(2026, 11, 20))
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(3)] == ["Promise 1", "Promise 2", "Promise 3"]
    assert [model.index(r, 3).data() for r in range(3)] == ["On track", "On track", "Recovering"]


def test_today_header_shows_the_delivery_record(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, ana: CustomerDTO
) -> None:
    sale = planner.sales.record(
        SaleInput(ana.id, D(2026, 11, 1), "won", promised_delivery=D(2026, 11, 10))
    ).sale
    planner.sales.update_delivery(sale.id, delivered=D(2026, 11, 9))
    screen = open_today(qtbot, host, planner)
    assert screen.view.promise_record.text() == "Promises: 1 kept · 0 broken · 0 recovered"
    assert not screen.view.requests.isVisible()


def test_a_promise_that_ran_out_overnight_starts_its_recovery_when_today_opens(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, clock: FixedClock, ana: CustomerDTO
) -> None:
    from app.dto.commitments import CommitmentInput

    planner.commitments.add(CommitmentInput(ana.id, "Send the contract", D(2026, 11, 25), 2))
    clock.set(dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC))  # the buffer ran out overnight
    screen = open_today(qtbot, host, planner)

    def kinds() -> list[str]:
        return [screen.model.index(r, COL_KIND).data() for r in range(screen.model.rowCount())]

    qtbot.waitUntil(lambda: "Recovery step" in kinds(), timeout=2000)
    [promise] = planner.commitments.find(ana.id)
    assert promise.status == "at_risk"
    assert "1 at risk" in screen.view.promise_record.text()


def test_the_feedback_score_has_no_default_and_record_waits_for_a_choice(qtbot: QtBot) -> None:
    dialog = FeedbackDialog("Feedback from Ana Silva")
    qtbot.addWidget(dialog)
    assert dialog.score.currentIndex() == -1
    assert not dialog.record_button.isEnabled()
    qtbot.keyClicks(dialog.note, "Happy so far")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted  # Enter chose nothing
    dialog.score.setCurrentIndex(dialog.score.findData(4))
    assert dialog.record_button.isEnabled() and dialog.score_value() == 4
    dialog.score.setCurrentIndex(dialog.score.count() - 1)
    assert dialog.score.currentText() == "No score given" and dialog.score_value() is None


def test_no_score_given_marks_the_request_done_and_changes_nothing_else(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, ana: CustomerDTO, clock: FixedClock,
    on_next_dialog: DialogDriver,
) -> None:  # fmt: skip
    sale = planner.sales.record(
        SaleInput(ana.id, D(2026, 10, 1), "won", promised_delivery=D(2026, 10, 20))
    ).sale
    planner.sales.update_delivery(sale.id, delivered=D(2026, 10, 20))
    before = planner.agenda.touchpoints(customer_id=ana.id)
    referrals_before = [(t.id, t.due_date) for t in before if t.kind == "referral"]
    [feedback_id] = [t.id for t in before if t.kind == "feedback"]
    screen = open_today(qtbot, host, planner)
    select_kind(screen, "Feedback request")

    def no_score(dialog: QDialog) -> None:
        assert isinstance(dialog, FeedbackDialog)
        dialog.score.setCurrentIndex(dialog.score.findData(0))
        qtbot.keyClicks(dialog.note, "Busy, call back later")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    messages: list[str] = []
    screen.status.connect(messages.append)
    on_next_dialog(no_score)
    screen.view.table.setFocus()
    qtbot.keyClick(screen.view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert messages[-1] == "Feedback request done; no score given."
    items = planner.agenda.touchpoints(customer_id=ana.id)
    done = planner.touchpoints.get(feedback_id)
    assert done.status == "done" and done.outcome_note == "No score given. Busy, call back later"
    assert [(t.id, t.due_date) for t in items if t.kind == "referral"] == referrals_before
    assert not [t for t in items if t.kind == "recovery"]
