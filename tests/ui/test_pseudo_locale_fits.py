"""The pseudo-locale (every text 40 % longer) at 1280x720: Today, a customer page and the
Settings dialog show every label and button whole, and the window still fits the screen."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import i18n
from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from tests.support.languages import speaking
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.workspace_shell import TODAY

SCREEN = (1280, 720)
RICH = re.compile(r"<[a-zA-Z/]")


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    with speaking(i18n.PSEUDO, qapp):
        yield


@pytest.fixture
def stretched(
    pseudo: None, qtbot: QtBot, context: AppContext, clock: FixedClock
) -> Iterator[MainWindow]:
    """The window at 1280x720 in the pseudo-locale, over a customer with a won sale."""
    clock.set(dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC))
    context.settings.set_many({"my_name": "Sam Seller", "my_email": "sam@forklift.example"})
    ana = context.customers.add(CustomerInput(name="Ana Silva", company="Acme", email="a@x.io"))
    context.sales.record(
        SaleInput(ana.id, dt.date(2026, 11, 2), "won", description="Two forklifts")
    )
    clock.set(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.attach(context)
    window.customer_id = ana.id  # type: ignore[attr-defined]
    yield window
    window.close()


def _plain(widget: QWidget, text: str) -> str:
    if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy()):
        # The accelerator's '&' is drawn as an underline, not a character.
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    elif RICH.search(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text


def cut_off(root: QWidget) -> list[str]:
    """Every visible one-line label or button whose text is wider than the room it has."""
    faults: list[str] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QPushButton, QToolButton)) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        text = _plain(widget, widget.text())
        room = widget.contentsRect().width()
        if isinstance(widget, QAbstractButton) and not widget.icon().isNull():
            room -= widget.iconSize().width()
        widest = max(
            (widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n")), default=0
        )
        if text.strip() and widest > room:
            name = widget.objectName() or type(widget).__name__
            faults.append(f"{name} {text!r}: {widest}px of text in {room}px")
    return faults


def _whole(faults: list[str]) -> None:
    if faults:
        pytest.fail("cut off in the pseudo-locale:\n" + "\n".join(faults), pytrace=False)


def _fits(window: QWidget) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], hint


def test_today_shows_every_text_whole(stretched: MainWindow, qtbot: QtBot) -> None:
    assert stretched.workspace is not None
    stretched.workspace.go(TODAY)
    qtbot.wait(50)
    _whole(cut_off(stretched))
    _fits(stretched)


def test_a_customer_page_shows_every_text_whole(stretched: MainWindow, qtbot: QtBot) -> None:
    assert stretched.workspace is not None
    stretched.workspace.open_customer(stretched.customer_id)  # type: ignore[attr-defined]
    qtbot.wait(50)
    _whole(cut_off(stretched))
    _fits(stretched)


def test_settings_show_every_text_whole(
    stretched: MainWindow, qtbot: QtBot, context: AppContext
) -> None:
    dialog = SettingsDialog(context, stretched)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    faults: list[str] = []
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        qtbot.wait(20)
        faults += cut_off(dialog)
    _whole(faults)
    _fits(dialog)


def test_every_screen_leaves_the_window_within_the_screen(
    stretched: MainWindow, qtbot: QtBot
) -> None:
    """Screens are built on first visit; the window's least size is the widest one's."""
    from ui.workspace_shell import CUSTOMERS, INSIGHTS, PLANS, PROMISES

    workspace = stretched.workspace
    assert workspace is not None
    for page in (CUSTOMERS, PROMISES, PLANS, INSIGHTS, TODAY):
        workspace.go(page)
        qtbot.wait(20)
        _fits(stretched)
