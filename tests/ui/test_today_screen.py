"""Driving the Today screen like a user: what is due, done / snooze / skip by key, the draft."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QDate, QLocale, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QBrush, QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from ui.controllers.today_controller import TodayController
from ui.dialogs.done_dialog import DoneDialog
from ui.dialogs.skip_dialog import SkipDialog
from ui.dialogs.snooze_dialog import SnoozeDialog
from ui.item_models.agenda_table import (
    COL_CUSTOMER,
    COL_DUE,
    COL_KIND,
    COL_SUBJECT,
    COL_WHEN,
    AgendaTableModel,
)
from ui.views.today_view import TodayView

D = dt.date
DialogDriver = Callable[[Callable[[QDialog], None]], None]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
FRIDAY_MORNING = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # 09:00 in Berlin


@dataclass
class People:
    ana: CustomerDTO
    eve: CustomerDTO
    ben: CustomerDTO
    cleo: CustomerDTO
    dora: CustomerDTO


@pytest.fixture
def planner(context: AppContext, clock: FixedClock) -> AppContext:
    clock.set(FRIDAY_MORNING)
    context.settings.set_many(
        {
            "timezone": "Europe/Berlin",
            "holiday_country": "DE-BY",
            "working_days": "mon,tue,wed,thu,fri",
            "min_gap_days": "2",
            "my_name": "Sam Seller",
            "my_company": "Forklift World",
        }
    )
    return context


@pytest.fixture
def people(planner: AppContext, clock: FixedClock) -> People:
    """Sales recorded over the week, so on Friday 20 Nov two thank-yous are late."""

    def sale(customer: CustomerDTO, day: D, outcome: str = "won", delivery: D | None = None):
        clock.set(dt.datetime.combine(day, dt.time(8), tzinfo=dt.UTC))
        return planner.sales.record(
            SaleInput(
                customer_id=customer.id,
                closed_on=day,
                outcome=outcome,
                promised_delivery=delivery,
            )
        )

    add = planner.customers.add
    ana = add(
        CustomerInput(
            name="Ana Silva",
            company="Acme",
            email="ana@acme.example",
            phone="+49 170 1234567",
            channel="email",
        )
    )
    sale(ana, D(2026, 11, 16), delivery=D(2026, 11, 23))  # thank-you Mon 16, check Tue 24
    eve = add(CustomerInput(name="Eve Adams", email="eve@example.org"))
    sale(eve, D(2026, 11, 19))  # thank-you Thu 19
    ben = add(CustomerInput(name="Ben Okafor", phone="+44 20 7946 0000", channel="phone"))
    sale(ben, D(2026, 11, 20))  # thank-you today
    cleo = add(CustomerInput(name="Cleo <b>Park</b>", email="cleo@example.org"))
    sale(cleo, D(2026, 11, 20), outcome="lost")  # thank-you Mon 23
    dora = add(CustomerInput(name="Dora Lind", email="dora@example.org"))
    thanks = sale(dora, D(2026, 11, 20), outcome="lost").touchpoints[0]
    planner.touchpoints.reschedule(thanks.id, D(2026, 11, 21))  # tomorrow, by hand
    clock.set(FRIDAY_MORNING)
    return People(ana, eve, ben, cleo, dora)


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QMainWindow]:
    window = QMainWindow()
    window.resize(1100, 600)
    qtbot.addWidget(window)
    yield window
    window.close()


def open_screen(qtbot: QtBot, host: QMainWindow, context: AppContext) -> TodayController:
    view = TodayView()
    host.setCentralWidget(view)
    controller = TodayController(view, context, host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    return controller


@pytest.fixture
def screen(qtbot: QtBot, host: QMainWindow, planner: AppContext, people: People) -> TodayController:
    return open_screen(qtbot, host, planner)


def column(screen: TodayController, col: int) -> list[str]:
    model = screen.model
    return [model.index(row, col).data() for row in range(model.rowCount())]


def customers(screen: TodayController) -> list[str]:
    return [name.split(" (")[0] for name in column(screen, COL_CUSTOMER)]


def select(screen: TodayController, name: str, kind: str = "Thank-you note") -> None:
    for row, (who, what) in enumerate(
        zip(customers(screen), column(screen, COL_KIND), strict=True)
    ):
        if who == name and what == kind:
            screen.view.table.selectRow(row)
            return
    raise AssertionError(f"{name} / {kind} is not in the list")


def press(
    qtbot: QtBot, screen: TodayController, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL
) -> None:
    screen.view.table.setFocus()
    qtbot.keyClick(screen.view.table, key, modifiers)


def selected_name(screen: TodayController) -> str | None:
    item = screen.selected()
    return item.customer_name if item else None


def day_label(day: D) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM")


def test_overdue_first_then_today_tomorrow_and_the_week(screen: TodayController) -> None:
    assert customers(screen) == [
        "Ana Silva",
        "Eve Adams",
        "Ben Okafor",
        "Dora Lind",
        "Cleo <b>Park</b>",
        "Ana Silva",
    ]
    assert column(screen, COL_WHEN) == [
        "Overdue · 4 days",
        "Overdue · 1 day",
        "Today",
        "Tomorrow",
        day_label(D(2026, 11, 23)),
        day_label(D(2026, 11, 24)),
    ]
    assert column(screen, COL_KIND)[-1] == "Delivery check call"
    # The delivery call is at 10:00 Berlin time (09:00 UTC).
    assert column(screen, COL_DUE)[-1].endswith("10:00")
    model = screen.model
    assert isinstance(model.index(0, COL_WHEN).data(Qt.ItemDataRole.ForegroundRole), QBrush)
    assert model.index(2, COL_WHEN).data(Qt.ItemDataRole.ForegroundRole) is None
    today_font = model.index(2, COL_CUSTOMER).data(Qt.ItemDataRole.FontRole)
    assert isinstance(today_font, QFont) and today_font.bold()
    assert "2 follow-ups overdue" in screen.view.summary.text()
    assert screen.view.pages.currentIndex() == 0
    assert selected_name(screen) == "Ana Silva"  # the oldest late one, ready to act on


def test_subjects_are_rendered_for_the_rows_on_screen(
    qtbot: QtBot, screen: TodayController, planner: AppContext
) -> None:
    expected = [
        planner.touchpoints.draft(screen.model.touchpoint_at(row).id).subject  # type: ignore[union-attr]
        for row in range(screen.model.rowCount())
    ]
    qtbot.waitUntil(lambda: column(screen, COL_SUBJECT) == expected, timeout=3000)
    assert all(expected)


def test_done_with_a_note_by_shortcut_logs_the_contact(
    qtbot: QtBot,
    screen: TodayController,
    planner: AppContext,
    people: People,
    on_next_dialog: DialogDriver,
) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, DoneDialog)
        assert dialog.channel.currentData() == "email"  # the planned channel by default
        qtbot.keyClicks(dialog.note, "Called instead, all good")
        dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    late = screen.selected()
    assert late is not None and late.customer_id == people.ana.id
    on_next_dialog(act)
    with (
        qtbot.waitSignal(screen.overdue_changed) as overdue,
        qtbot.waitSignal(screen.status) as status,
    ):
        press(qtbot, screen, Qt.Key.Key_D)
    assert overdue.args == [1]
    assert status.args == ["Marked done: Thank-you note — Ana Silva (Acme)"]
    assert customers(screen)[:2] == ["Eve Adams", "Ben Okafor"]
    assert selected_name(screen) == "Eve Adams"  # the next one moved up into place
    logged = planner.interactions.of_customer(people.ana.id)
    assert [(item.channel, item.summary) for item in logged] == [
        ("phone", "Thank-you note: Called instead, all good")
    ]
    assert planner.touchpoints.get(late.id).status == "done"
    assert "1 follow-up overdue" in screen.view.summary.text()


def test_escape_cancels_and_double_click_asks_too(
    qtbot: QtBot, screen: TodayController, planner: AppContext, on_next_dialog: DialogDriver
) -> None:
    seen: list[str] = []

    def cancel(dialog: QDialog) -> None:
        seen.append(type(dialog).__name__)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    on_next_dialog(cancel)
    press(qtbot, screen, Qt.Key.Key_D)
    table = screen.view.table
    rect = table.visualRect(screen.model.index(1, COL_CUSTOMER))
    on_next_dialog(cancel)
    # A real double-click: the first click, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == ["DoneDialog", "DoneDialog"]
    assert len(customers(screen)) == 6
    assert planner.interactions.of_customer(screen.selected().customer_id) == []  # type: ignore[union-attr]


def test_snooze_to_next_working_day_moves_the_row(
    qtbot: QtBot, screen: TodayController, planner: AppContext, people: People
) -> None:
    select(screen, "Ben Okafor")
    ben = screen.selected()
    assert ben is not None
    with qtbot.waitSignal(screen.status) as status:
        press(qtbot, screen, Qt.Key.Key_1)
    assert planner.touchpoints.get(ben.id).due_date == D(2026, 11, 23)  # Friday -> Monday
    assert status.args == [f"Snoozed to {day_label(D(2026, 11, 23))}: {ben.title}"]
    assert customers(screen) == [
        "Ana Silva",
        "Eve Adams",
        "Dora Lind",
        "Ben Okafor",
        "Cleo <b>Park</b>",
        "Ana Silva",
    ]
    assert selected_name(screen) == "Dora Lind"
    # The other shortcut for the same action, on an upcoming item: never earlier than planned.
    press(qtbot, screen, Qt.Key.Key_S, CTRL_SHIFT)
    dora = planner.agenda.touchpoints(customer_id=people.dora.id)[0]
    assert dora.due_date == D(2026, 11, 23)  # Saturday's item -> the Monday after


def test_snooze_three_days_and_the_menu(
    qtbot: QtBot, screen: TodayController, planner: AppContext, people: People
) -> None:
    select(screen, "Eve Adams")
    press(qtbot, screen, Qt.Key.Key_3)
    eve = planner.agenda.touchpoints(customer_id=people.eve.id)[0]
    assert eve.due_date == D(2026, 11, 23)  # today + 3 = Monday
    assert customers(screen)[:4] == ["Ana Silva", "Ben Okafor", "Dora Lind", "Eve Adams"]
    assert selected_name(screen) == "Ben Okafor"
    menu = screen.view.snooze_button.menu()
    assert menu is screen.snooze_menu
    texts = [action.text().replace("&", "") for action in menu.actions()]
    assert texts == [
        "Snooze to next working day",
        "Snooze 3 days",
        "Snooze a week",
        "Snooze until…",
    ]
    assert "Ctrl+3" in screen.snooze_3.toolTip()


def test_snooze_until_a_picked_day_rolls_to_a_working_day(
    qtbot: QtBot,
    screen: TodayController,
    planner: AppContext,
    people: People,
    on_next_dialog: DialogDriver,
) -> None:
    def pick_sunday(dialog: QDialog) -> None:
        assert isinstance(dialog, SnoozeDialog)
        dialog.calendar.setSelectedDate(QDate(2026, 11, 22))
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    late = screen.selected()
    assert late is not None and late.customer_id == people.ana.id
    on_next_dialog(pick_sunday)
    press(qtbot, screen, Qt.Key.Key_D, CTRL_SHIFT)
    moved = planner.touchpoints.get(late.id)
    assert moved.due_date == D(2026, 11, 23) and moved.snoozed_from == D(2026, 11, 16)
    assert customers(screen)[:4] == ["Eve Adams", "Ben Okafor", "Dora Lind", "Ana Silva"]
    assert column(screen, COL_WHEN)[3] == day_label(D(2026, 11, 23))
    assert selected_name(screen) == "Eve Adams"


def test_skip_with_a_reason(
    qtbot: QtBot, screen: TodayController, planner: AppContext, on_next_dialog: DialogDriver
) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, SkipDialog)
        qtbot.keyClicks(dialog.reason, "Met her at the fair yesterday")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    select(screen, "Eve Adams")
    eve = screen.selected()
    assert eve is not None
    on_next_dialog(act)
    with qtbot.waitSignal(screen.overdue_changed) as overdue:
        press(qtbot, screen, Qt.Key.Key_K)
    assert overdue.args == [1]
    skipped = planner.touchpoints.get(eve.id)
    assert (skipped.status, skipped.skip_reason) == ("skipped", "Met her at the fair yesterday")
    assert "Eve Adams" not in customers(screen)
    assert selected_name(screen) == "Ben Okafor"


class MailCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def mail_client() -> Iterator[MailCatcher]:
    catcher = MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("mailto")


def test_draft_pane_shows_the_message_copies_and_opens_mail(
    qtbot: QtBot, screen: TodayController, planner: AppContext, mail_client: MailCatcher
) -> None:
    pane = screen.view.draft
    ana = screen.selected()
    assert ana is not None
    draft = planner.touchpoints.draft(ana.id)
    assert pane.subject.text() == draft.subject and draft.subject
    assert pane.body.toPlainText() == draft.body and "Ana" in draft.body
    assert pane.subject.isReadOnly() and pane.body.isReadOnly()
    assert 'href="tel:+491701234567"' in pane.phone.text()
    assert "ana@acme.example" in pane.email.text()
    assert pane.open_mail_button.isEnabled()

    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(draft.subject) and draft.body in copied

    qtbot.mouseClick(pane.open_mail_button, Qt.MouseButton.LeftButton)
    assert len(mail_client.urls) == 1
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(mail_client.urls[0]).query)
    assert query["subject"] == [draft.subject]
    assert mail_client.urls[0].startswith("mailto:ana@acme.example?")

    select(screen, "Ben Okafor")  # no e-mail address: no mail button, but a phone link
    assert not pane.open_mail_button.isEnabled() and not screen.open_mail.isEnabled()
    assert 'href="tel:+442079460000"' in pane.phone.text()

    select(screen, "Cleo <b>Park</b>")  # markup in a name is shown, never interpreted
    assert pane.heading.text() == "Thank-you note — Cleo <b>Park</b>"
    assert pane.heading.textFormat() == Qt.TextFormat.PlainText


def test_tab_goes_from_the_list_to_the_draft_and_its_buttons(
    qtbot: QtBot, screen: TodayController
) -> None:
    view = screen.view
    view.table.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        view.draft.subject,
        view.draft.body,
        view.draft.copy_button,
        view.draft.open_mail_button,
    ]


def test_a_change_made_elsewhere_is_reported_and_the_list_stays_usable(
    qtbot: QtBot, screen: TodayController, planner: AppContext, on_next_dialog: DialogDriver
) -> None:
    late = screen.selected()
    assert late is not None
    planner.touchpoints.done(late.id, note="from the command line")
    warnings: list[str] = []

    def warned(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        warnings.append(dialog.text())
        dialog.accept()

    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, DoneDialog)
        on_next_dialog(warned)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(confirm)
    press(qtbot, screen, Qt.Key.Key_D)
    assert warnings and "already done" in warnings[0]
    assert customers(screen)[0] == "Eve Adams"  # the list shows the truth again
    assert screen.selected() is not None and screen.done_action.isEnabled()


def test_looking_further_ahead_and_a_new_morning(
    qtbot: QtBot, screen: TodayController, planner: AppContext, clock: FixedClock
) -> None:
    assert len(customers(screen)) == 6
    qtbot.keyClick(screen.view.days, Qt.Key.Key_PageUp)
    qtbot.keyClick(screen.view.days, Qt.Key.Key_PageUp)
    assert screen.view.days.value() == 27
    assert "Value-add contact" in column(screen, COL_KIND)  # Ana's on 14 Dec
    with qtbot.waitSignal(screen.overdue_changed) as overdue:
        clock.set(dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC))  # Monday
        screen.check_day()
    assert overdue.args == [4]  # Friday's, Saturday's and the two from before
    assert column(screen, COL_WHEN)[:2] == ["Overdue · 7 days", "Overdue · 4 days"]


def test_empty_state_when_nothing_is_due(
    qtbot: QtBot, host: QMainWindow, planner: AppContext
) -> None:
    screen = open_screen(qtbot, host, planner)
    assert screen.view.pages.currentIndex() == 1
    assert screen.view.empty_text.text().startswith("Nothing due.")
    assert screen.overdue == 0
    assert not screen.done_action.isEnabled() and not screen.skip_action.isEnabled()


def test_agenda_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, planner: AppContext, people: People
) -> None:
    def subject(touchpoint_id: int) -> str:
        return planner.touchpoints.draft(touchpoint_id).subject

    model = AgendaTableModel(
        planner.agenda, lambda: planner.settings.get().zone, subject, page_size=2
    )
    model.reload()
    assert model.rowCount() == 2  # first page only; the rest on demand
    model.set_days_ahead(30)  # every reset before the tester (it re-enters fetchMore on one)
    qtmodeltester.check(model, force_py=True)  # it fetches a few pages itself
    while model.canFetchMore():
        model.fetchMore()
    assert "Value-add contact" in [
        model.index(row, COL_KIND).data() for row in range(model.rowCount())
    ]
    qtbot.waitUntil(lambda: bool(model.index(0, COL_SUBJECT).data()), timeout=3000)
