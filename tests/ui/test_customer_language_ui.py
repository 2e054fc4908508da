"""The customer's language in the customer dialog and on the customer page: "Default (…)"
naming the user's draft language, then each language by its own name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import CustomerInput
from ui.change_stream import change_stream
from ui.controllers.customer_page_controller import CustomerPageController
from ui.dialogs.customer_dialog import CustomerDialog
from ui.views.customer_page import CustomerPageView

NAMES = ["English", "Nederlands", "Українська", "Bahasa Melayu", "Eesti", "Magyar"]


def _items(box: object) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]  # type: ignore[attr-defined]


def test_the_dialog_offers_default_and_each_language_and_saves_it(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = CustomerDialog(context.customers.add, default_language="nl")
    qtbot.addWidget(dialog)
    dialog.show()
    assert _items(dialog.language) == ["Default (Nederlands)", *NAMES]
    dialog.name.setText("Kovács Mária")  # QTest types ASCII only
    dialog.language.setCurrentIndex(dialog.language.findData("hu"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.language == "hu"
    edit = CustomerDialog(context.customers.add, dialog.saved)
    qtbot.addWidget(edit)
    assert edit.language.currentText() == "Magyar"
    assert edit.value() == dialog.saved.as_input()


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> Iterator[CustomerPageController]:
    window = QMainWindow()
    view = CustomerPageView()
    window.setCentralWidget(view)
    controller = CustomerPageController(view, context, window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield controller
    window.close()


def test_the_page_shows_and_saves_the_language(
    qtbot: QtBot, page: CustomerPageController, context: AppContext
) -> None:
    context.settings.set_many({"draft_language": "et"})
    anna = context.customers.add(CustomerInput(name="Anna de Vries", company="Acme"))
    page.show_customer(anna.id)
    view = page.view
    assert view.language.currentText() == "Default (Eesti)"
    assert not view.save_preferences.isEnabled()
    view.language.setCurrentIndex(view.language.findData("nl"))
    assert view.save_preferences.isEnabled()
    with qtbot.waitSignal(change_stream(context).data_changed):
        qtbot.mouseClick(view.save_preferences, Qt.MouseButton.LeftButton)
    saved = context.customers.get(anna.id)
    assert saved.language == "nl" and saved.company == "Acme"
    assert view.language.currentText() == "Nederlands" and not view.save_preferences.isEnabled()


def test_settings_choose_the_draft_language_of_customers_without_one(
    qtbot: QtBot, context: AppContext
) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _items(dialog.draft_language) == ["Default: the interface language", *NAMES]
    assert dialog.draft_language.currentIndex() == 0
    dialog.draft_language.setCurrentIndex(dialog.draft_language.findData("uk"))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert context.settings.get().draft_language == "uk"
    assert context.customers.default_language() == "uk"
