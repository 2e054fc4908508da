"""Driving the plans screen like a user: pick a step, edit its message, save, restore, reorder."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.changes import Area, Changes
from app.plans.builtin import builtin_plan
from ui.change_stream import change_stream
from ui.controllers.plans_controller import PlansController
from ui.item_models.plan_steps_table import PlanStepsTableModel
from ui.views.plans_view import PlansView

DialogDriver = Callable[[Callable[[QDialog], None]], None]
WON = "After a won sale"


@pytest.fixture
def plans(qtbot: QtBot, context: AppContext) -> Iterator[PlansController]:
    context.settings.set_many({"my_name": "Sam Seller", "my_phone": "+49 89 123456"})
    window = QMainWindow()
    qtbot.addWidget(window)
    view = PlansView()
    window.setCentralWidget(view)
    controller = PlansController(view, context, window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    yield controller
    window.close()


def click_plan(qtbot: QtBot, controller: PlansController, name: str) -> None:
    plans = controller.view.plans
    item = plans.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(
        plans.viewport(), Qt.MouseButton.LeftButton, pos=plans.visualItemRect(item).center()
    )


def click_step(qtbot: QtBot, controller: PlansController, row: int) -> None:
    table = controller.view.steps
    table.scrollTo(controller.model.index(row, 1))
    rect = table.visualRect(controller.model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_on_a_new_last_line(qtbot: QtBot, controller: PlansController, text: str) -> None:
    body = controller.view.editor.template.body
    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.keyClick(body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, text)


def underlines_over(controller: PlansController, word: str) -> list[object]:
    """The underline styles the highlighter put over `word` in the body."""
    document = controller.view.editor.template.body.document()
    found = document.find(word)
    assert not found.isNull(), word
    block = found.block()
    start = found.selectionStart() - block.position()
    ranges = block.layout().formats()
    return [
        QTextCharFormat(fmt.format).underlineStyle()
        for fmt in ranges
        if fmt.start <= start < fmt.start + fmt.length
    ]


def press_button(text: str) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        button = next(b for b in dialog.buttons() if text in b.text().replace("&", ""))
        button.click()

    return act


def test_unknown_field_is_marked_as_typed_refused_on_save_then_fixed_and_stored(
    qtbot: QtBot, plans: PlansController, context: AppContext
) -> None:
    view, template = plans.view, plans.view.editor.template
    click_plan(qtbot, plans, "After a lost sale")
    click_plan(qtbot, plans, WON)
    click_step(qtbot, plans, 1)
    click_step(qtbot, plans, 0)
    stored = context.plans.get(WON).steps[0]
    assert plans.current_step() == stored and stored.kind == "thank_you"
    assert not view.save.isEnabled()

    type_on_a_new_last_line(qtbot, plans, "P.S. {{customer_nme}}")
    assert plans.problems() == ["customer_nme"]
    wavy = QTextCharFormat.UnderlineStyle.WaveUnderline
    assert wavy in underlines_over(plans, "{{customer_nme}}")
    known = underlines_over(plans, "{{greeting}}")
    assert known and wavy not in known
    assert template.warning.isVisible()
    assert "{{customer_nme}}" in template.warning.text()
    assert "Did you mean {{customer_name}}?" in template.warning.text()

    with qtbot.waitSignal(plans.status) as refused:
        click(qtbot, view.save)
    assert "customer_nme" in view.message.text() and view.message.isVisible()
    assert "customer_nme" in refused.args[0]
    assert context.plans.get(WON).steps[0] == stored

    body = template.body
    for _ in "nme}}":
        qtbot.keyClick(body, Qt.Key.Key_Backspace)
    qtbot.keyClicks(body, "first_name}}")
    assert plans.problems() == []
    assert not template.warning.isVisible()
    preview = template.preview.toPlainText()
    assert preview.startswith("Dear Ana,")
    assert "Two forklifts" in preview and "Sam Seller" in preview
    assert preview.endswith("P.S. Ana")
    assert template.preview_subject.text() == "Thank you for your order, Ana"

    with qtbot.waitSignal(plans.status) as saved:
        click(qtbot, view.save)
    assert "Saved step 1" in saved.args[0]
    assert context.plans.get(WON).steps[0].body == stored.body + "\nP.S. {{customer_first_name}}"
    assert not view.save.isEnabled() and not view.message.isVisible()


def test_insert_field_menu_puts_the_field_at_the_cursor_of_the_subject(
    qtbot: QtBot, plans: PlansController
) -> None:
    template = plans.view.editor.template
    qtbot.mouseClick(template.subject, Qt.MouseButton.LeftButton)
    qtbot.keyClick(template.subject, Qt.Key.Key_End)
    qtbot.keyClicks(template.subject, " at ")
    action = next(a for a in template.fields.actions() if a.data() == "company")
    action.trigger()
    assert template.subject.text().endswith(" at {{company}}")
    assert template.preview_subject.text().endswith(" at Acme Logistics")
    assert template.subject.hasFocus()


def test_revert_and_the_save_question_when_leaving_an_edited_step(
    qtbot: QtBot, plans: PlansController, on_next_dialog: DialogDriver, context: AppContext
) -> None:
    view, template = plans.view, plans.view.editor.template
    original = template.subject.text()
    qtbot.keyClicks(template.subject, "!")
    assert view.save.isEnabled() and view.revert.isEnabled()
    click(qtbot, view.revert)
    assert template.subject.text() == original and not view.save.isEnabled()

    qtbot.keyClicks(template.subject, "!")
    on_next_dialog(press_button("Cancel"))
    click_step(qtbot, plans, 2)
    qtbot.waitUntil(lambda: view.steps.currentIndex().row() == 0)
    assert template.subject.text() == original + "!"

    on_next_dialog(press_button("Save"))
    click_step(qtbot, plans, 2)
    assert view.steps.currentIndex().row() == 2
    assert plans.current_step() == context.plans.get(WON).steps[2]
    assert context.plans.get(WON).steps[0].subject == original + "!"


def test_step_settings_round_trip_and_show_in_the_table(
    qtbot: QtBot, plans: PlansController, context: AppContext
) -> None:
    view, editor = plans.view, plans.view.editor
    click_step(qtbot, plans, 1)  # the delivery check call, 10:00 by phone
    assert view.steps.model().index(1, 4).data() == "10:00"
    assert not editor.all_day.isChecked() and editor.time.time().hour() == 10
    editor.channel.setCurrentIndex(editor.channel.findData(None))
    qtbot.mouseClick(editor.all_day, Qt.MouseButton.LeftButton)
    assert not editor.time.isEnabled()
    editor.amount.setValue(2)
    editor.unit.setCurrentIndex(editor.unit.findData("weeks"))
    editor.direction.setCurrentIndex(editor.direction.findData(-1))
    editor.roll.setCurrentIndex(editor.roll.findData("previous"))
    click(qtbot, view.save)

    step = context.plans.get(WON).steps[1]
    assert (step.channel, step.time_of_day, step.roll) == (None, None, "previous")
    assert (step.offset_amount, step.offset_unit, step.anchor) == (-2, "weeks", "delivery")
    row = [view.steps.model().index(1, column).data() for column in range(5)]
    assert row == [
        "2",
        "Delivery check call",
        "Customer's preferred",
        "2 weeks before delivery",
        "all day",
    ]


def test_restore_built_in_asks_first_then_brings_back_the_shipped_text(
    qtbot: QtBot, plans: PlansController, on_next_dialog: DialogDriver, context: AppContext
) -> None:
    template = plans.view.editor.template
    template.subject.selectAll()
    qtbot.keyClicks(template.subject, "Thanks!")
    click(qtbot, plans.view.save)
    assert context.plans.get(WON).steps[0].subject == "Thanks!"

    on_next_dialog(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    click(qtbot, plans.view.restore)
    assert context.plans.get(WON).steps[0].subject == "Thanks!"

    on_next_dialog(press_button("Restore"))
    with qtbot.waitSignal(plans.status) as restored:
        click(qtbot, plans.view.restore)
    shipped = builtin_plan("won_sale")
    assert [(s.subject, s.body) for s in context.plans.get(WON).steps] == [
        (s.subject, s.body) for s in shipped.steps
    ]
    assert template.subject.text() == shipped.steps[0].subject
    assert "as shipped" in restored.args[0]


def test_restore_is_only_offered_for_built_in_plans(
    plans: PlansController, context: AppContext
) -> None:
    own = builtin_plan("lost_sale")
    context.plans.save(dataclasses.replace(own, name="My plan", builtin_key=None, id=None))
    plans.refresh()
    assert plans.select_plan("My plan")
    assert not plans.view.restore.isEnabled()
    assert plans.select_plan(WON)
    assert plans.view.restore.isEnabled()


def test_add_move_and_remove_a_step(
    qtbot: QtBot, plans: PlansController, on_next_dialog: DialogDriver, context: AppContext
) -> None:
    name = "After a lost sale"
    click_plan(qtbot, plans, name)
    original = [step.kind for step in context.plans.get(name).steps]
    assert original == ["thank_you", "check_in", "check_in"]
    click_step(qtbot, plans, 0)
    click(qtbot, plans.view.add_step)
    steps = context.plans.get(name).steps
    assert len(steps) == 4 and steps[1].anchor == "previous_step"
    assert plans.view.steps.currentIndex().row() == 1
    assert plans.view.editor.kind.hasFocus()

    editor = plans.view.editor
    editor.kind.setCurrentIndex(editor.kind.findData("feedback"))
    editor.template.subject.setText("What could we do better, {{customer_first_name}}?")
    click(qtbot, plans.view.save)
    click(qtbot, plans.view.move_down)
    kinds = [step.kind for step in context.plans.get(name).steps]
    assert kinds == ["thank_you", "check_in", "feedback", "check_in"]
    assert plans.view.steps.currentIndex().row() == 2
    assert plans.view.steps.model().index(2, 1).data() == "Feedback request"
    click(qtbot, plans.view.move_up)
    click(qtbot, plans.view.move_up)
    assert [s.kind for s in context.plans.get(name).steps][:2] == ["feedback", "thank_you"]
    assert not plans.view.move_up.isEnabled()

    on_next_dialog(press_button("Remove"))
    click(qtbot, plans.view.remove_step)
    assert [step.kind for step in context.plans.get(name).steps] == original


def test_a_plan_keeps_at_least_one_step(
    qtbot: QtBot, plans: PlansController, on_next_dialog: DialogDriver, context: AppContext
) -> None:
    click_plan(qtbot, plans, "Keep in touch")
    click_step(qtbot, plans, 1)
    on_next_dialog(press_button("Cancel"))
    click(qtbot, plans.view.remove_step)
    assert len(context.plans.get("Keep in touch").steps) == 2
    on_next_dialog(press_button("Remove"))
    click(qtbot, plans.view.remove_step)
    assert [step.kind for step in context.plans.get("Keep in touch").steps] == ["check_in"]
    assert plans.view.steps.currentIndex().row() == 0
    assert not plans.view.remove_step.isEnabled()


def test_plan_steps_model_texts_and_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = PlanStepsTableModel()
    model.set_steps(builtin_plan("keep_in_touch").steps)
    model.set_steps(builtin_plan("won_sale").steps)
    assert model.rowCount() == 7 and model.columnCount() == 5
    assert [model.index(1, column).data() for column in range(5)] == [
        "2",
        "Delivery check call",
        "Phone",
        "+1 working day after delivery",
        "10:00",
    ]
    assert model.index(0, 3).data() == "same day as the close"
    assert model.step_at(6) is not None and model.step_at(7) is None
    qtmodeltester.check(model, force_py=True)
    birthday = builtin_plan("keep_in_touch").steps
    model.set_steps(birthday)
    assert model.index(1, 3).data() == "5 days before the birthday"
    assert model.index(0, 3).data() == (
        "same day as the last contact, then at the customer's keep-in-touch cadence"
    )
    assert model.index(0, 4).data() == "all day"


def test_a_new_time_for_a_step_moves_the_planned_calls_and_says_how_many(
    qtbot: QtBot, plans: PlansController, context: AppContext
) -> None:
    """The symptom in issue #14: the calls stayed at 10:00 until an unrelated save."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from app.dto.customers import CustomerInput
    from app.dto.sales import SaleInput

    context.settings.set_many({"timezone": "Europe/Berlin"})
    ana = context.customers.add(CustomerInput(name="Ana Silva"))
    context.sales.record(
        SaleInput(ana.id, dt.date(2026, 11, 23), "won", promised_delivery=dt.date(2026, 12, 4))
    )
    plans.refresh()

    def call_times() -> list[str]:
        rows = context.agenda.touchpoints(customer_id=ana.id, end=dt.date(2027, 12, 31))
        zone = ZoneInfo("Europe/Berlin")
        return [
            f"{row.due_at.astimezone(zone):%H:%M}"
            for row in rows
            if row.kind == "delivery_check" and row.due_at is not None
        ]

    assert call_times() == ["10:00"]
    click_step(qtbot, plans, 1)
    assert plans.view.apply_to_planned.isChecked()
    plans.view.editor.time.setTime(plans.view.editor.time.time().addSecs(3600))
    moved: list[Changes] = []
    change_stream(context).data_changed.connect(moved.append)
    with qtbot.waitSignal(plans.status) as saved:
        click(qtbot, plans.view.save)
    # One change, of the plan and the follow-ups it moved: every screen hears of both.
    assert call_times() == ["11:00"] and len(moved) == 1
    assert moved[0].touches(Area.PLANS) and moved[0].touches(Area.TOUCHPOINTS)
    assert "1 planned follow-up moved." in saved.args[0]
