"""The customer dialog edits the job title and the postal address like every other field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import CustomerInput
from ui.dialogs.customer_dialog import CustomerDialog


def test_title_and_address_typed_in_the_dialog_are_saved(qtbot: QtBot, context: AppContext) -> None:
    dialog = CustomerDialog(context.customers.add)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Maria Becker")
    qtbot.keyClicks(dialog.job_title, "Head of Purchasing")
    qtbot.keyClicks(dialog.street, "Hauptstrasse 5")
    qtbot.keyClick(dialog.street, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.street, "Building B")
    qtbot.keyClicks(dialog.postal_code, "80331")
    qtbot.keyClicks(dialog.city, "Munich")
    qtbot.keyClicks(dialog.region, "Bayern")
    qtbot.keyClicks(dialog.country, "Germany")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    saved = dialog.saved
    assert saved is not None and saved.job_title == "Head of Purchasing"
    assert saved.postal_address == "Hauptstrasse 5\nBuilding B\n80331 Munich, Bayern\nGermany"


def test_editing_shows_the_stored_address(qtbot: QtBot, context: AppContext) -> None:
    maria = context.customers.add(
        CustomerInput(name="Maria Becker", job_title="CFO", street="1 Main St\nSuite 4",
                      postal_code="62704", city="Springfield", region="IL", country="USA")
    )  # fmt: skip
    dialog = CustomerDialog(lambda data: context.customers.update(maria.id, data), maria)
    qtbot.addWidget(dialog)
    assert dialog.street.toPlainText() == "1 Main St\nSuite 4"
    assert (dialog.city.text(), dialog.region.text(), dialog.country.text()) == (
        "Springfield",
        "IL",
        "USA",
    )
    assert dialog.value() == maria.as_input()
