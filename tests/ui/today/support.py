"""Shared set-up for the Today screen tests: a Berlin planner, people with due follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from ui.controllers.today_controller import TodayController
from ui.item_models.agenda_table import (
    COL_CUSTOMER,
    COL_KIND,
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
            "my_email": "sam@forklift.example",
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
