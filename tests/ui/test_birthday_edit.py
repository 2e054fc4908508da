"""Issue #16 item 7: a birthday is picked by day and month name, never typed as '12-11'."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import Birthday, CustomerInput
from ui.dialogs.customer_dialog import CustomerDialog
from ui.widgets.birthday_edit import BirthdayEdit


@pytest.fixture
def american() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def order(edit: BirthdayEdit) -> list[QWidget]:
    layout = edit.layout()
    assert isinstance(layout, QHBoxLayout)
    return [item.widget() for n in range(layout.count()) if (item := layout.itemAt(n)).widget()]


def test_a_birthday_reads_day_month_name_and_year(qtbot: QtBot) -> None:
    edit = BirthdayEdit()
    qtbot.addWidget(edit)
    assert edit.text() == "" and not edit.day.isEnabled()
    edit.set_birthday(Birthday(11, 12, 1980))
    assert (edit.day.value(), edit.month.currentText(), edit.year.text()) == (
        12,
        "November",
        "1980",
    )
    assert edit.text() == "1980-11-12"
    edit.year.setValue(edit.year.minimum())
    assert edit.year.text() == "year not known" and edit.text() == "11-12"
    edit.day.setValue(31)  # November has 30
    assert edit.text() == "11-30"
    edit.month.setCurrentIndex(2)
    edit.day.setValue(29)  # without a year, 29 February is a birthday like any other
    assert edit.text() == "02-29"
    edit.year.setValue(1981)
    assert edit.text() == "1981-02-28"
    edit.month.setCurrentIndex(0)
    assert edit.text() == "" and not edit.year.isEnabled()


def test_month_first_where_people_write_it_so(qtbot: QtBot, american: None) -> None:
    edit = BirthdayEdit()
    qtbot.addWidget(edit)
    assert order(edit)[:3] == [edit.month, edit.day, edit.year]


def test_the_customer_form_keeps_the_birthday_it_shows(qtbot: QtBot, context: AppContext) -> None:
    ana = context.customers.add(CustomerInput(name="Ana Silva", birthday="11-12"))
    dialog = CustomerDialog(lambda data: context.customers.update(ana.id, data), ana)
    qtbot.addWidget(dialog)
    assert (dialog.birthday.day.value(), dialog.birthday.month.currentText()) == (12, "November")
    assert dialog.value().birthday == "11-12"
    dialog.birthday.year.setValue(1980)
    assert context.customers.update(ana.id, dialog.value()).birthday == Birthday(11, 12, 1980)
