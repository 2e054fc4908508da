"""The draft pane as the salesperson uses it (issue #15): their words kept with the follow-up
across a restart and reset on request, the value they bring put into the message, nothing
sent unfinished or unsigned without asking, and nothing marked done without their word."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.customers import CustomerInput
from app.dto.outreach import LibraryInput
from app.dto.sales import SaleInput
from app.secrets import MemorySecretStore
from tests.ui.today.support import CTRL, D, DialogDriver, People, open_screen, press, select
from ui.controllers.today_controller import TodayController
from ui.dialogs.done_dialog import DoneDialog
from ui.dialogs.library_choose_dialog import LibraryChooseDialog


class LinkCatcher(QObject):
    """Stands in for the mail program, the messaging app and the phone."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def links() -> Iterator[LinkCatcher]:
    catcher = LinkCatcher()
    for scheme in ("mailto", "tel", "sms"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("mailto", "tel", "sms"):
        QDesktopServices.unsetUrlHandler(scheme)


def mail_body(url: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["body"][0]


def type_at_end(qtbot: QtBot, screen: TodayController, text: str) -> None:
    body = screen.view.draft.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(body, Qt.Key.Key_Return)
        qtbot.keyClicks(body, line)


def test_an_edit_is_kept_across_a_restart_and_reset_brings_the_plan_back(
    qtbot: QtBot, host: QMainWindow, screen: TodayController, planner: AppContext,
    people: People, clock: FixedClock,
) -> None:  # fmt: skip
    select(screen, "Ana Silva")
    pane = screen.view.draft
    item = screen.selected()
    assert item is not None and not pane.reset_button.isEnabled()
    plan_text = planner.drafts.draft(item.id).body
    type_at_end(qtbot, screen, "\n\nP.S. Your driver will call ahead.")
    pane.subject.selectAll()
    qtbot.keyClicks(pane.subject, "Your order, Ana")
    # Kept once typing pauses, without a click; the list shows the new subject.
    qtbot.waitUntil(lambda: planner.drafts.draft(item.id).edited, timeout=3000)
    qtbot.waitUntil(lambda: pane.reset_button.isEnabled(), timeout=3000)
    assert pane.body.toPlainText().endswith("P.S. Your driver will call ahead.")
    assert "edited by you" in pane.form_label.text()

    # A restart: another process opens the same file and shows the same follow-up.
    host.centralWidget().deleteLater()
    again = build_context(planner.db_path, clock, secrets=MemorySecretStore())
    try:
        screen = open_screen(qtbot, host, again)
        select(screen, "Ana Silva")
        pane = screen.view.draft
        assert pane.subject.text() == "Your order, Ana"
        assert pane.body.toPlainText().endswith("P.S. Your driver will call ahead.")
        qtbot.mouseClick(pane.reset_button, Qt.MouseButton.LeftButton)
        assert pane.body.toPlainText() == plan_text
        assert not pane.reset_button.isEnabled()
        assert not again.drafts.draft(item.id).edited
    finally:
        again.close()


def test_the_value_brought_goes_into_the_message_and_done_records_it_as_sent(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, clock: FixedClock,
    links: LinkCatcher, on_next_dialog: DialogDriver,
) -> None:  # fmt: skip
    ana = planner.customers.add(
        CustomerInput(name="Ana Silva", email="ana@acme.example", tags="forklifts")
    )
    sale = planner.sales.record(
        SaleInput(ana.id, D(2026, 10, 1), "won", promised_delivery=D(2026, 10, 30))
    ).sale
    planner.sales.update_delivery(sale.id, delivered=D(2026, 10, 30))
    award = planner.library.add(
        LibraryInput(
            "Award for the X200",
            url="https://x.example/award",
            tags="forklifts",
            note="Your X200 won it, so its resale value went up.",
        )
    )
    planner.library.add(LibraryInput("Bakery trends", tags="food"))
    screen = open_screen(qtbot, host, planner)
    select(screen, "Ana Silva", "Value-add contact")
    pane = screen.view.draft
    # Until something is chosen the draft needs words, and the library's best match is offered.
    assert "[What you bring" in pane.body.toPlainText()
    assert "Suggested: <b>Award for the X200</b>" in pane.value.text()
    qtbot.mouseClick(pane.open_mail_button, Qt.MouseButton.LeftButton)
    assert links.urls == []  # never sent as it stands: the first slot is selected to write
    assert pane.body.textCursor().selectedText().startswith("[What you bring")

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, LibraryChooseDialog)
        items = [dialog.items.item(n).text() for n in range(dialog.items.count())]
        assert items == ["Award for the X200 (article) — forklifts"]
        qtbot.keyClick(dialog.items, Qt.Key.Key_Return)

    on_next_dialog(choose)
    press(qtbot, screen, Qt.Key.Key_L, CTRL)
    body = pane.body.toPlainText()
    assert "Award for the X200\nhttps://x.example/award" in body
    assert "Your X200 won it, so its resale value went up." in body and "[" not in body
    assert "Brings: <b>Award for the X200</b>" in pane.value.text()
    assert planner.library.sent(ana.id) == []  # chosen, not sent

    qtbot.mouseClick(pane.open_mail_button, Qt.MouseButton.LeftButton)
    [url] = links.urls
    assert "https://x.example/award" in mail_body(url)
    item = screen.selected()
    assert item is not None and planner.touchpoints.get(item.id).status == "planned"
    assert pane.sent_bar.isVisible()
    assert "record “Award for the X200” as sent" in pane.sent_question.text()
    qtbot.mouseClick(pane.mark_done_button, Qt.MouseButton.LeftButton)
    assert planner.touchpoints.get(item.id).status == "done"
    [sent] = planner.library.sent(ana.id)
    assert (sent.item_id, sent.touchpoint_id) == (award.id, item.id)


def test_an_unsigned_message_asks_before_it_opens(
    qtbot: QtBot, screen: TodayController, planner: AppContext, links: LinkCatcher,
    on_next_dialog: DialogDriver,
) -> None:  # fmt: skip
    planner.settings.set_many({"my_name": "", "my_email": ""})
    select(screen, "Ana Silva")
    pane = screen.view.draft
    assert "Fill in your profile" in pane.warnings.text() and pane.warnings.isVisible()
    asked: list[str] = []

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        dialog.reject()

    on_next_dialog(cancel)
    qtbot.mouseClick(pane.open_mail_button, Qt.MouseButton.LeftButton)
    assert asked and "not signed" in asked[0] and links.urls == []

    def go_ahead(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Open).click()

    on_next_dialog(go_ahead)
    qtbot.mouseClick(pane.open_mail_button, Qt.MouseButton.LeftButton)
    assert len(links.urls) == 1


def test_a_call_script_offers_the_call_and_asks_for_the_outcome(
    qtbot: QtBot, screen: TodayController, planner: AppContext, links: LinkCatcher,
    on_next_dialog: DialogDriver,
) -> None:  # fmt: skip
    qtbot.keyClick(screen.view.days, Qt.Key.Key_PageUp)  # Ana's delivery check is on Tuesday
    select(screen, "Ana Silva", "Delivery check call")
    pane = screen.view.draft
    assert pane.call_button.isVisible() and not pane.open_mail_button.isVisible()
    assert pane.body.toPlainText().startswith("Purpose:")
    assert "Call script" in pane.form_label.text()
    qtbot.mouseClick(pane.call_button, Qt.MouseButton.LeftButton)
    assert links.urls == ["tel:+491701234567"]
    item = screen.selected()
    assert item is not None

    def outcome(dialog: QDialog) -> None:
        assert isinstance(dialog, DoneDialog)
        qtbot.keyClicks(dialog.note, "All arrived; wants a second truck in spring")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(outcome)
    qtbot.mouseClick(pane.mark_done_button, Qt.MouseButton.LeftButton)
    done = planner.touchpoints.get(item.id)
    assert done.status == "done" and "second truck" in done.outcome_note


def test_a_short_message_has_no_subject_and_opens_as_a_text(
    qtbot: QtBot, host: QMainWindow, planner: AppContext, links: LinkCatcher
) -> None:
    kim = planner.customers.add(CustomerInput(name="Kim Berg", phone="+49 151 555", channel="text"))
    sale = planner.sales.record(
        SaleInput(kim.id, D(2026, 10, 1), "won", promised_delivery=D(2026, 10, 30))
    ).sale
    planner.sales.update_delivery(sale.id, delivered=D(2026, 10, 30))
    planner.library.add(LibraryInput("Pallet safety checklist", url="https://x.example/list"))
    screen = open_screen(qtbot, host, planner)
    select(screen, "Kim Berg", "Value-add contact")
    pane = screen.view.draft
    assert not pane.subject.isVisible() and pane.text_button.isVisible()
    assert not pane.open_mail_button.isVisible() and not pane.call_button.isVisible()
    pane.value.linkActivated.emit("suggested:")  # "Put it in"
    qtbot.mouseClick(pane.text_button, Qt.MouseButton.LeftButton)
    [url] = links.urls
    assert url.startswith("sms:+49151555?body=Kim%2C%20I%20thought%20of%20you")
    text = urllib.parse.unquote(url.partition("?body=")[2])
    assert text.endswith("Pallet safety checklist\nhttps://x.example/list\nSam Seller")
