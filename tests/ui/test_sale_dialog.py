"""Recording a sale like a user: outcome, delivery, a live preview whose dates can be changed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDialogButtonBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from ui.dialogs.sale_dialog import PreviewTableModel, SaleDialog
from ui.item_models.sale_preview_table import to_qdate

D = dt.date
BERLIN_MORNING = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # Friday 09:00 in Berlin
WON_WITH_DELIVERY = [
    ("thank_you", D(2026, 11, 20)),  # today
    ("delivery_check", D(2026, 12, 7)),  # a working day after Saturday's delivery
    ("value_add", D(2026, 12, 28)),
    ("feedback", D(2027, 1, 5)),
    ("referral", D(2027, 1, 18)),
    ("value_add", D(2027, 2, 5)),
    ("value_add", D(2027, 4, 5)),
]


@pytest.fixture
def planner(context: AppContext, clock: FixedClock) -> AppContext:
    clock.set(BERLIN_MORNING)
    context.settings.set_many(
        {"timezone": "Europe/Berlin", "holiday_country": "DE-BY", "min_gap_days": "2"}
    )
    return context


@pytest.fixture
def ana(planner: AppContext) -> CustomerDTO:
    return planner.customers.add(
        CustomerInput(name="Ana Silva", company="Acme", email="ana@acme.example")
    )


def open_dialog(qtbot: QtBot, planner: AppContext, customer_id: int) -> SaleDialog:
    dialog = SaleDialog(planner, customer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def rows(model: PreviewTableModel) -> list[tuple[str, dt.date | None]]:
    items = [model.item_at(row) for row in range(model.rowCount())]
    return [(item.kind, model.due(row)) for row, item in enumerate(items) if item]


def type_date(qtbot: QtBot, edit: QWidget, text: str) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def test_won_sale_preview_takes_an_edited_date_into_the_agenda(
    qtbot: QtBot, planner: AppContext, ana: CustomerDTO
) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    model = dialog.preview_model
    assert dialog.won.isChecked() and dialog.closed.date().toPython() == D(2026, 11, 20)
    assert dialog.plan.currentText() == planner.plans.get("won_sale").name
    qtbot.keyClicks(dialog.amount, "12500")
    qtbot.keyClicks(dialog.description, "Two forklifts")
    qtbot.mouseClick(dialog.has_delivery, Qt.MouseButton.LeftButton)
    assert dialog.delivery.isEnabled()
    type_date(qtbot, dialog.delivery, "2026-12-05")
    qtbot.waitUntil(lambda: rows(model) == WON_WITH_DELIVERY, timeout=2000)
    assert model.index(1, 1).data() == "10:00" and model.index(0, 1).data() == "all day"

    # The user moves the first value-adding contact two days later, in the table.
    dialog.preview.setFocus()
    dialog.preview.setCurrentIndex(model.index(2, 0))
    qtbot.keyClick(dialog.preview, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QDateEdit) and editor.date().toPython() == D(2026, 12, 28)
    type_date(qtbot, editor, "2026-12-30")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits a closing editor's value on the next turn of the event loop.
    qtbot.waitUntil(lambda: model.due(2) == D(2026, 12, 30), timeout=2000)
    assert "you moved it" in model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.isVisible()  # Enter closed the editor, not the dialog

    qtbot.keyClick(dialog.preview, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.saved is not None
    sale = dialog.saved.sale
    assert (sale.amount_minor, sale.description) == (1_250_000, "Two forklifts")
    planned = [
        item for item in planner.agenda.touchpoints(customer_id=ana.id) if item.sale_id == sale.id
    ]
    expected = list(WON_WITH_DELIVERY)
    expected[2] = ("value_add", D(2026, 12, 30))
    assert [(item.kind, item.due_date) for item in planned] == expected
    assert [item.pinned for item in planned] == [False, False, True, False, False, False, False]


def test_lost_outcome_switches_the_plan_and_the_preview(
    qtbot: QtBot, planner: AppContext, ana: CustomerDTO
) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    model = dialog.preview_model
    qtbot.waitUntil(lambda: model.rowCount() == 7, timeout=2000)
    qtbot.mouseClick(dialog.lost, Qt.MouseButton.LeftButton)
    assert dialog.plan.currentText() == planner.plans.get("lost_sale").name
    qtbot.waitUntil(
        lambda: (
            rows(model)
            == [
                ("thank_you", D(2026, 11, 23)),
                ("check_in", D(2027, 2, 22)),
                ("check_in", D(2027, 5, 20)),
            ]
        ),
        timeout=2000,
    )
    # A plan the user picks stays picked when the outcome changes.
    dialog.plan.setFocus()
    qtbot.keyClick(dialog.plan, Qt.Key.Key_Up)
    won_plan = planner.plans.get("won_sale").name
    assert dialog.plan.currentText() == won_plan
    qtbot.mouseClick(dialog.won, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.lost, Qt.MouseButton.LeftButton)
    assert dialog.plan.currentText() == won_plan


def test_invalid_amount_is_explained_inline_and_save_does_nothing(
    qtbot: QtBot, planner: AppContext, ana: CustomerDTO
) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    qtbot.keyClicks(dialog.amount, "12,500.00")
    qtbot.waitUntil(dialog.error.isVisible, timeout=2000)
    assert "Amount" in dialog.error.text() and "12,500.00" in dialog.error.text()
    assert dialog.preview_model.rowCount() == 0
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved is None
    assert planner.sales.of_customer(ana.id) == []

    qtbot.keyClick(dialog.amount, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.amount, "12500.50")
    qtbot.waitUntil(lambda: not dialog.error.isVisible(), timeout=2000)
    assert dialog.preview_model.rowCount() == 7
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.saved is None
    assert planner.sales.of_customer(ana.id) == []


def test_steps_waiting_for_delivery_say_so_and_cannot_be_dated(
    qtbot: QtBot, planner: AppContext, ana: CustomerDTO
) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    model = dialog.preview_model
    qtbot.waitUntil(lambda: model.rowCount() == 7, timeout=2000)
    assert rows(model)[0] == ("thank_you", D(2026, 11, 20))
    for row in range(1, 7):
        assert model.index(row, 0).data() == "after delivery is known"
        assert not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_do_not_contact_customer_preview_gives_the_reason(
    qtbot: QtBot, planner: AppContext
) -> None:
    quiet = planner.customers.add(CustomerInput(name="Quiet Person", do_not_contact=True))
    dialog = open_dialog(qtbot, planner, quiet.id)
    assert dialog.reason.isVisible() and "not to be contacted" in dialog.reason.text()
    assert dialog.preview_model.rowCount() == 0
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.touchpoints == ()


def test_tab_follows_the_form(qtbot: QtBot, planner: AppContext, ana: CustomerDTO) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.amount, timeout=2000)
    dialog.won.setFocus()
    seen: list[QWidget] = [dialog.won]
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        # Tab steps through a date's year, month and day before it leaves the field.
        if QApplication.focusWidget() is not seen[-1]:
            seen.append(QApplication.focusWidget())
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    # The delivery date is skipped while no delivery was promised.
    assert seen[:9] == [
        dialog.won,
        dialog.closed,
        dialog.amount,
        dialog.currency,
        dialog.description,
        dialog.has_delivery,
        dialog.plan,
        dialog.preview,
        save,
    ]


def test_preview_model_passes_qt_model_tester(
    qtmodeltester: ModelTester, planner: AppContext, ana: CustomerDTO
) -> None:
    preview = planner.sales.preview(
        SaleInput(ana.id, D(2026, 11, 20), "won", promised_delivery=D(2026, 12, 5))
    )
    model = PreviewTableModel()
    model.set_items(preview.items)
    assert model.setData(model.index(3, 0), to_qdate(D(2027, 1, 7)))
    assert model.overrides() == {(3, 0): D(2027, 1, 7)}
    qtmodeltester.check(model, force_py=True)


def test_date_fields_offer_only_the_years_a_plan_works_with(
    qtbot: QtBot, planner: AppContext, ana: CustomerDTO
) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    for edit in (dialog.closed, dialog.delivery):
        assert (edit.minimumDate().year(), edit.maximumDate().year()) == (1900, 2200)
    type_date(qtbot, dialog.closed, "9999-12-31")
    assert dialog.closed.date().year() <= 2200


def test_a_lost_sale_asks_why_and_offers_no_delivery(
    qtbot: QtBot, planner: AppContext, ana: CustomerDTO
) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    assert dialog.has_delivery.isVisible() and not dialog.lost_reason.isVisible()
    dialog.has_delivery.setChecked(True)
    qtbot.mouseClick(dialog.lost, Qt.MouseButton.LeftButton)
    assert not dialog.has_delivery.isVisible() and not dialog.delivery.isVisible()
    assert dialog.lost_reason.isVisible() and dialog.lost_reason.currentIndex() == -1
    assert dialog.value().promised_delivery is None  # the ticked box no longer counts
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "Choose why the sale was lost."
    assert dialog.focusWidget() is dialog.lost_reason
    assert planner.sales.of_customer(ana.id) == []
    dialog.lost_reason.setCurrentIndex(dialog.lost_reason.findData("competitor"))
    qtbot.keyClicks(dialog.lost_note, "Forklift Kings, 8% cheaper")
    qtbot.keyClick(dialog.lost_note, Qt.Key.Key_Return)
    assert dialog.saved is not None
    [sale] = planner.sales.of_customer(ana.id)
    assert (sale.outcome, sale.lost_reason, sale.lost_note, sale.promised_delivery) == (
        "lost",
        "competitor",
        "Forklift Kings, 8% cheaper",
        None,
    )


def test_won_again_hides_the_reason_and_saves_none(
    qtbot: QtBot, planner: AppContext, ana: CustomerDTO
) -> None:
    dialog = open_dialog(qtbot, planner, ana.id)
    qtbot.mouseClick(dialog.lost, Qt.MouseButton.LeftButton)
    dialog.lost_reason.setCurrentIndex(dialog.lost_reason.findData("price"))
    qtbot.mouseClick(dialog.won, Qt.MouseButton.LeftButton)
    assert not dialog.lost_reason.isVisible() and dialog.has_delivery.isVisible()
    assert (dialog.value().lost_reason, dialog.value().lost_note) == ("", "")
