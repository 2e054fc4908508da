"""Today screen: the draft pane, keyboard focus, changes elsewhere, the empty state."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.secrets import MemorySecretStore
from tests.ui.today.support import (
    DialogDriver,
    People,
    column,
    customers,
    open_screen,
    press,
    select,
)
from ui.controllers.today_controller import TodayController
from ui.dialogs.done_dialog import DoneDialog
from ui.item_models.agenda_table import (
    COL_KIND,
    COL_SUBJECT,
    COL_WHEN,
    AgendaTableModel,
)


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
    draft = planner.drafts.draft(ana.id)
    assert pane.subject.text() == draft.subject and draft.subject
    assert pane.body.toPlainText() == draft.body and "Ana" in draft.body
    assert not pane.subject.isReadOnly() and not pane.body.isReadOnly()  # theirs to change
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
    assert not pane.open_mail_button.isEnabled() and not screen.acts.open_mail.isEnabled()
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
        view.draft.open_mail_button,
        view.draft.copy_button,  # "Reset to the plan's text" waits for an edit
    ]


def test_a_change_made_elsewhere_is_reported_and_the_list_stays_usable(
    qtbot: QtBot,
    screen: TodayController,
    planner: AppContext,
    clock: FixedClock,
    on_next_dialog: DialogDriver,
) -> None:
    late = screen.selected()
    assert late is not None
    # Another process (the command line) on the same file: the window hears nothing of it.
    other = build_context(planner.db_path, clock, secrets=MemorySecretStore())
    other.touchpoints.done(late.id, note="from the command line")
    other.close()
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
    assert screen.selected() is not None and screen.acts.done.isEnabled()


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
    assert screen.view.empty_title.text() == "Nothing due"
    assert screen.view.empty_text.text().startswith("Record a sale (Ctrl+R)")
    assert screen.overdue == 0
    assert not screen.acts.done.isEnabled() and not screen.acts.skip.isEnabled()


def test_agenda_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, planner: AppContext, people: People
) -> None:
    def subject(touchpoint_id: int) -> str:
        return planner.drafts.draft(touchpoint_id).subject

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
