"""The morning workspace (issue #16): live counts in the sidebar, a Today list read at a
glance, a delivery asked about before any recovery, the Promises & requests screen, the
keyboard shortcuts, and colours that read in light and dark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QDialog, QStyleFactory, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.outreach import DeclineInput
from app.dto.sales import SaleInput
from ui.dialogs.delivered_dialog import DeliveredDialog
from ui.dialogs.note_dialog import NoteDialog
from ui.dialogs.shortcuts_dialog import ShortcutsDialog
from ui.item_models.agenda_rows import ROW_ROLE
from ui.look.palettes import dark_palette
from ui.look.tones import READABLE, contrast, tones
from ui.main_window import MainWindow
from ui.widgets.sidebar import BADGES, Badge, Sidebar
from ui.workspace_shell import CUSTOMERS, PROMISES, TODAY

D = dt.date
DialogDriver = Callable[[Callable[[QDialog], None]], None]
MONDAY = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def book(context: AppContext, clock: FixedClock) -> AppContext:
    """Ana's delivery promised for last Monday with nothing recorded, Ben's thank-you
    overdue, a request waiting and a decline to come back to."""
    clock.set(dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC))
    context.settings.set_many(
        {"timezone": "Europe/Berlin", "holiday_country": "DE-BY", "my_name": "Sam Seller",
         "my_email": "sam@forklift.example"}
    )  # fmt: skip
    ana = context.customers.add(CustomerInput(name="Ana Silva", company="Acme", email="a@x.io"))
    ben = context.customers.add(CustomerInput(name="Ben Okafor", email="ben@x.io"))
    context.sales.record(
        SaleInput(ana.id, D(2026, 11, 2), "won", description="Two forklifts",
                  promised_delivery=D(2026, 11, 16))
    )  # fmt: skip
    clock.set(dt.datetime(2026, 11, 19, 8, 0, tzinfo=dt.UTC))
    context.sales.record(SaleInput(ben.id, D(2026, 11, 19), "won"))
    clock.set(MONDAY)
    context.requests.add(ben.id, "Needs a quote for two pallet trucks", "phone")
    context.declines.add(
        DeclineInput("Wants a crane", "outside_field", customer_id=ben.id,
                     come_back_on=D(2027, 2, 1))
    )  # fmt: skip
    return context


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """The window fixture attached the book; Today finishes its first load a turn later."""
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.today.overdue >= 0)


def badges(window: MainWindow, row: int) -> list[tuple[int, str]]:
    assert window.workspace is not None
    item = window.workspace.sidebar.item(row)
    return [(badge.count, badge.tone) for badge in item.data(BADGES)]


def test_the_sidebar_counts_follow_every_change(
    qtbot: QtBot, book: AppContext, window: MainWindow
) -> None:
    settle(qtbot, window)
    assert badges(window, TODAY) == [(book.agenda.overdue_count(), "overdue")]
    assert badges(window, PROMISES) == [(1, "")]  # one request waiting, nothing at risk
    workspace = window.workspace
    assert workspace is not None
    [delivery] = book.commitments.deliveries_to_confirm()
    book.commitments.at_risk(delivery.id)
    assert badges(window, PROMISES) == [(1, "at_risk"), (1, "")]
    tip = workspace.sidebar.item(PROMISES).toolTip()
    assert tip == "1 promise at risk, 1 request waiting"


def test_today_reads_at_a_glance_in_groups_without_scrolling_sideways(
    qtbot: QtBot, book: AppContext, window: MainWindow
) -> None:
    window.resize(1280, 720)
    settle(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    workspace.go(TODAY)
    model, table = workspace.today.model, workspace.today_view.table
    words = [model.index(row, 0).data(ROW_ROLE) for row in range(model.rowCount())]
    headings = [w.group_heading for w in words if w.group_heading]
    assert headings == ["Overdue", "Today", "Coming up"][: len(headings)] and headings
    first = words[0]
    assert first.late and first.when == "Overdue · 21 days" and first.who == "Ana Silva"
    assert table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert [table.isColumnHidden(c) for c in range(model.columnCount())][1:] == [True] * 5
    # The list and the draft both get room at 1280x720.
    char = table.fontMetrics().averageCharWidth()
    assert table.width() >= 44 * char and workspace.today_view.draft.width() >= 40 * char


def test_a_passed_delivery_is_asked_about_then_kept(
    qtbot: QtBot, book: AppContext, window: MainWindow, on_next_dialog: DialogDriver
) -> None:
    settle(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    panel = workspace.today_view.deliveries
    assert panel.isVisible() and panel.list.count() == 1
    assert "Ana Silva — Deliver Two forklifts · promised for" in panel.list.item(0).text()

    def on_the_day(dialog: QDialog) -> None:
        assert isinstance(dialog, DeliveredDialog)
        assert dialog.day() == D(2026, 11, 16)  # the promised day, proposed
        dialog.accept()

    on_next_dialog(on_the_day)
    qtbot.mouseClick(panel.delivered, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert book.commitments.record().kept == 1


def test_not_yet_starts_one_recovery_shown_as_one_row_with_its_checklist(
    qtbot: QtBot, book: AppContext, window: MainWindow, on_next_dialog: DialogDriver
) -> None:
    settle(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    panel = workspace.today_view.deliveries

    def late(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        qtbot.keyClicks(dialog.note, "The supplier is two weeks late")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(late)
    qtbot.mouseClick(panel.not_yet, Qt.MouseButton.LeftButton)
    model = workspace.today.model
    recovery = [
        row
        for row in range(model.rowCount())
        if (item := model.touchpoint_at(row)) is not None and item.kind == "recovery"
    ]
    assert len(recovery) == 1
    workspace.today_view.table.selectRow(recovery[0])
    checklist = workspace.today_view.draft.checklist
    assert checklist.isVisible() and "step 1 of 6" in checklist.text()
    assert checklist.text().count("○") == 5 and "→" in checklist.text()


def test_the_promises_and_requests_screen(
    qtbot: QtBot, book: AppContext, window: MainWindow, on_next_dialog: DialogDriver
) -> None:
    settle(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert workspace.current() == PROMISES
    screen = workspace.promises
    view = screen.view
    promises = view.promises.table.model()
    assert [promises.index(0, c).data() for c in (0, 1, 4)] == [
        "Ana Silva", "Deliver Two forklifts", "Delivery to confirm"
    ]  # fmt: skip
    assert view.requests.list.count() == 1
    assert "Needs a quote" in view.requests.list.item(0).text()
    declines = view.declines.model()
    assert [declines.index(0, c).data() for c in range(3)] == [
        "Ben Okafor", "Wants a crane", "Outside my field"
    ]  # fmt: skip

    def answered(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        qtbot.keyClicks(dialog.note, "Sent the quote")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(answered)
    qtbot.mouseClick(view.requests.answer, Qt.MouseButton.LeftButton)
    assert view.requests.list.count() == 0
    assert view.requests.heading.text() == "No request is waiting for an answer."
    view.promises.table.selectRow(0)
    qtbot.mouseClick(view.open_customer, Qt.MouseButton.LeftButton)
    assert workspace.current() == CUSTOMERS
    [promise] = book.commitments.find()
    assert workspace.customer_page.customer_id == promise.customer_id


def test_help_lists_every_keyboard_shortcut(
    qtbot: QtBot, book: AppContext, window: MainWindow, on_next_dialog: DialogDriver
) -> None:
    settle(qtbot, window)
    seen: list[str] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        table = dialog.table
        seen.extend(f"{table.item(r, 0).text()} = {table.item(r, 1).text()}"
                    for r in range(table.rowCount()))  # fmt: skip
        dialog.reject()

    on_next_dialog(read)
    window.shortcuts.trigger()
    assert "Ctrl+D = Mark done (Follow-up)" in seen
    assert "Alt+3 = Promises & requests (Go)" in seen
    assert any(line.startswith("F1 = Keyboard shortcuts") for line in seen)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_colour_reads_on_its_background(qtbot: QtBot, dark: bool) -> None:
    style = QStyleFactory.create("Fusion")
    palette = dark_palette() if dark else style.standardPalette()
    colours = tones(palette)
    for name in ("text", "quiet", "overdue", "at_risk", "good"):
        colour = getattr(colours, name)
        for ground in (colours.base, colours.window):
            assert contrast(colour, ground) >= READABLE, (name, colour.name(), ground.name())
    assert contrast(colours.highlighted_text, colours.highlight) >= 3.0


class _RecordingPainter(QPainter):
    """Keeps the texts a delegate draws, to read what the user would see."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.texts.append(str(args[-1]))


def test_no_page_name_is_cut_short_beside_two_large_counts(qtbot: QtBot) -> None:
    """Seen in a screenshot: "Promises & re..." beside its two counts."""
    pages = [
        ("Today", "sun"),
        ("Promises & requests", "shield-check"),
        ("Insights", "chart-column"),
    ]
    sidebar = Sidebar(pages)
    qtbot.addWidget(sidebar)
    sidebar.show()
    for row in range(sidebar.count()):
        sidebar.set_badges(row, [Badge(999, "at_risk", "at risk"), Badge(999, "", "waiting")])
    image = QImage(sidebar.size(), QImage.Format.Format_ARGB32)
    for row, (label, _icon) in enumerate(pages):
        index = sidebar.model().index(row, 0)
        option = QStyleOptionViewItem()
        sidebar.initViewItemOption(option)
        option.rect = sidebar.visualRect(index)
        painter = _RecordingPainter(image)
        sidebar.itemDelegate().paint(painter, option, index)
        painter.end()
        assert label in painter.texts
