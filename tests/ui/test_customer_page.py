"""One customer's page, driven like a user: header, timeline, logging a contact, a sale, cadence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from ui.change_stream import change_stream
from ui.controllers.customer_page_controller import CustomerPageController
from ui.dialogs.form_parts import date_of
from ui.dialogs.interaction_dialog import InteractionDialog
from ui.dialogs.sale_dialog import SaleDialog
from ui.item_models.timeline_table import TimelineTableModel, date_text
from ui.views.customer_page import CustomerPageView

D = dt.date
DialogDriver = Callable[[Callable[[QDialog], None]], None]
BERLIN_MORNING = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # Friday 09:00 in Berlin


@pytest.fixture(autouse=True)
def english_dates() -> Iterator[None]:
    """Weekday names and number formats as the assertions spell them."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


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


@pytest.fixture
def page(qtbot: QtBot, planner: AppContext) -> Iterator[CustomerPageController]:
    window = QMainWindow()
    view = CustomerPageView()
    window.setCentralWidget(view)
    controller = CustomerPageController(view, planner, window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield controller
    window.close()


def table(model: TimelineTableModel) -> list[tuple[str, str, str]]:
    """(what, status, details) per row, as the user reads them."""
    return [
        tuple(model.index(row, col).data() for col in (1, 2, 4)) for row in range(model.rowCount())
    ]


def check_in_day(planner: AppContext, customer_id: int) -> dt.date:
    planned = planner.agenda.touchpoints(customer_id=customer_id)
    return next(item.due_date for item in planned if item.kind == "check_in")


def test_page_shows_header_totals_and_the_whole_timeline(
    page: CustomerPageController, planner: AppContext
) -> None:
    bob = planner.customers.add(
        CustomerInput(
            name="Bob <b>Bold</b> & Sons",
            company='Acme "<i>GmbH</i>"',
            email="bob@acme.example",
            phone="+49 170 1234567 x12",
            channel="phone",
            is_key=True,
            keep_in_touch_days=30,
        )
    )
    sale = planner.sales.record(
        SaleInput(
            bob.id,
            D(2026, 11, 20),
            "won",
            "12500",
            description="Two forklifts",
            promised_delivery=D(2026, 12, 5),
        )
    ).sale
    thank_you = planner.agenda.touchpoints(customer_id=bob.id)[0]
    planner.touchpoints.done(thank_you.id, note="Sent by e-mail")
    planner.interactions.add(bob.id, "Asked about <script>financing</script>", channel="phone")

    page.show_customer(bob.id)

    view = page.view
    assert view.title.text() == "★ Bob <b>Bold</b> & Sons"
    assert view.title.textFormat() == Qt.TextFormat.PlainText
    contact = view.contact.text()
    assert "Acme &quot;&lt;i&gt;GmbH&lt;/i&gt;&quot;" in contact and "<i>" not in contact
    assert '<a href="mailto:bob@acme.example">bob@acme.example</a>' in contact
    assert 'href="tel:+491701234567;ext=12"' in contact
    assert "prefers Phone" in contact and "every 30 days" in contact
    assert not view.warning.isVisible()
    totals = view.totals.text()
    assert totals.startswith("1 won (€12,500.00) · 0 lost · ")
    assert "last contact Fri Nov 20, 2026" in totals

    upcoming = table(page.upcoming_model)
    # The promised delivery is a promise on the timeline; the rest are planned follow-ups.
    assert upcoming[0] == ("Promise", "On track", "Deliver Two forklifts")
    assert all(row[1] == "Planned" for row in upcoming[1:])
    assert upcoming[1][0] == "Delivery check call"
    # As an American reads it (the test's locale): month first, a 12-hour clock.
    due = str(page.upcoming_model.index(1, 0).data())
    assert due.replace("\u202f", " ") == "Mon Dec 7, 2026 10:00 AM"
    assert any(row[0] == "Check-in" for row in upcoming)
    assert view.upcoming_label.text() == f"Coming up ({len(upcoming)})"
    past = table(page.past_model)
    assert ("Contact", "Logged", "Asked about <script>financing</script>") in past
    assert ("Thank-you note", "Done", "Sent by e-mail") in past
    sale_row = next(row for row in past if row[0] == "Sale won")
    assert sale_row[2] == "€12,500.00 · Two forklifts · delivery promised Dec 5, 2026"
    assert page.past_model.entry_at(past.index(sale_row)).source_id == sale.id


def test_logging_a_contact_adds_it_and_moves_the_check_in(
    qtbot: QtBot,
    page: CustomerPageController,
    planner: AppContext,
    ana: CustomerDTO,
    clock: FixedClock,
    on_next_dialog: DialogDriver,
) -> None:
    before = check_in_day(planner, ana.id)
    clock.set(dt.datetime(2026, 12, 14, 9, 0, tzinfo=dt.UTC))
    page.show_customer(ana.id)
    errors: list[str] = []

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, InteractionDialog)
        assert dialog.channel.currentData() == "email"  # the customer's preferred channel
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)  # nothing said yet
        assert dialog.isVisible()
        errors.append(dialog.error.text())
        qtbot.keyClick(dialog.channel, Qt.Key.Key_Down)  # E-mail -> Phone
        qtbot.keyClicks(dialog.summary, "Called about the invoice")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    messages: list[str] = []
    page.status.connect(messages.append)
    on_next_dialog(act)
    with qtbot.waitSignal(change_stream(planner).data_changed):
        qtbot.mouseClick(page.view.log_interaction, Qt.MouseButton.LeftButton)
    assert errors and "summary is empty" in errors[0]
    assert ("Contact", "Logged", "Called about the invoice") in table(page.past_model)
    assert page.past_model.index(0, 3).data() == "Phone"
    after = check_in_day(planner, ana.id)
    assert after > before and after >= D(2027, 3, 1)
    assert messages == [
        f"Logged the contact with Ana Silva (Acme). Next check-in: {date_text(after)}."
    ]
    assert "last contact Mon Dec 14, 2026" in page.view.totals.text()


def test_cadence_and_channel_are_edited_in_place(
    qtbot: QtBot, page: CustomerPageController, planner: AppContext, ana: CustomerDTO
) -> None:
    before = check_in_day(planner, ana.id)
    page.show_customer(ana.id)
    view = page.view
    assert view.cadence.text() == "Default (90 days)" and not view.save_preferences.isEnabled()
    qtbot.keyClick(view.channel, Qt.Key.Key_Down)
    view.cadence.setFocus()
    qtbot.keyClick(view.cadence, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.cadence, "30")
    assert view.save_preferences.isEnabled()
    with qtbot.waitSignal(change_stream(planner).data_changed):
        qtbot.mouseClick(view.save_preferences, Qt.MouseButton.LeftButton)
    saved = planner.customers.get(ana.id)
    assert (saved.channel, saved.keep_in_touch_days) == ("phone", 30)
    assert (saved.email, saved.company) == (ana.email, ana.company)
    assert check_in_day(planner, ana.id) < before
    assert "every 30 days" in view.contact.text() and not view.save_preferences.isEnabled()


def test_saving_for_a_customer_deleted_meanwhile_explains_and_keeps_the_page(
    qtbot: QtBot,
    page: CustomerPageController,
    planner: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    page.show_customer(ana.id)
    qtbot.keyClick(page.view.channel, Qt.Key.Key_Down)
    planner.customers.delete(ana.id)  # from another screen
    seen: list[str] = []

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    on_next_dialog(act)
    qtbot.mouseClick(page.view.save_preferences, Qt.MouseButton.LeftButton)
    assert seen and "does not exist" in seen[0]
    assert page.view.save_preferences.isEnabled()  # nothing was saved


def test_recording_a_sale_from_the_page_adds_its_follow_ups(
    qtbot: QtBot,
    page: CustomerPageController,
    planner: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    page.show_customer(ana.id)
    assert not any(row[0] == "Sale won" for row in table(page.past_model))

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, SaleDialog)
        qtbot.keyClicks(dialog.amount, "4200")
        qtbot.keyClicks(dialog.description, "Pallet truck")
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return)

    on_next_dialog(act)
    with qtbot.waitSignal(change_stream(planner).data_changed):
        qtbot.mouseClick(page.view.record_sale, Qt.MouseButton.LeftButton)
    past = table(page.past_model)
    assert any(row[0] == "Sale won" and "Pallet truck" in row[2] for row in past)
    whats = [row[0] for row in table(page.upcoming_model)]
    assert "Thank-you note" in whats
    assert "1 won" in page.view.totals.text()


def test_do_not_contact_warning_back_and_a_vanished_customer(
    qtbot: QtBot, page: CustomerPageController, planner: AppContext
) -> None:
    quiet = planner.customers.add(CustomerInput(name="Quiet Person", do_not_contact=True))
    page.show_customer(quiet.id)
    assert page.view.warning.isVisible() and "not to be contacted" in page.view.warning.text()
    assert page.upcoming_model.rowCount() == 0
    with qtbot.waitSignal(page.back_requested):
        qtbot.mouseClick(page.view.back, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.back_requested):
        qtbot.keyClick(page.view.log_interaction, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    planner.customers.delete(quiet.id)
    with qtbot.waitSignal(page.back_requested):
        page.refresh()


def test_timeline_model_passes_qt_model_tester(
    qtmodeltester: ModelTester, planner: AppContext, ana: CustomerDTO
) -> None:
    planner.sales.record(SaleInput(ana.id, D(2026, 11, 20), "won", "100"))
    planner.interactions.add(ana.id, "Line <b>one</b>\nline two")
    timeline = planner.timeline.timeline(ana.id)
    model = TimelineTableModel()
    model.set_entries(timeline.past)
    assert model.index(0, 4).data() == "Line <b>one</b> / line two"
    tip = model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<p style='white-space:pre-wrap'>Line &lt;b&gt;one&lt;/b&gt;\nline two</p>"
    qtmodeltester.check(model, force_py=True)


def test_header_shows_job_title_and_postal_address(
    page: CustomerPageController, planner: AppContext
) -> None:
    maria = planner.customers.add(
        CustomerInput(name="Maria Becker", company="Acme GmbH", job_title="Head <b>of</b> Buying",
                      street="Hauptstraße 5\nGebäude B", postal_code="80331", city="München",
                      country="Germany")
    )  # fmt: skip
    page.show_customer(maria.id)
    assert "Head &lt;b&gt;of&lt;/b&gt; Buying, Acme GmbH" in page.view.contact.text()
    assert page.view.address.isVisible()
    assert page.view.address.text() == "Hauptstraße 5, Gebäude B, 80331 München, Germany"
    assert page.view.address.textFormat() == Qt.TextFormat.PlainText


def test_no_address_line_for_a_customer_without_one(
    page: CustomerPageController, ana: CustomerDTO
) -> None:
    page.show_customer(ana.id)
    assert not page.view.address.isVisible()


def test_a_lost_sale_shows_why_it_was_lost(
    page: CustomerPageController, planner: AppContext, ana: CustomerDTO
) -> None:
    planner.sales.record(
        SaleInput(
            ana.id,
            D(2026, 11, 19),
            "lost",
            "8000",
            description="Third forklift",
            lost_reason="competitor",
            lost_note="Forklift Kings, 8% cheaper",
        )
    )
    page.show_customer(ana.id)
    [line] = [row for row in table(page.past_model) if row[0] == "Sale lost"]
    assert line[2] == (
        "€8,000.00 · Third forklift · why lost: Went with a competitor · Forklift Kings, 8% cheaper"
    )


def test_logging_an_earlier_contact_with_a_next_step(
    qtbot: QtBot,
    page: CustomerPageController,
    planner: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    page.show_customer(ana.id)
    today = planner.agenda.today_date()
    seen: list[tuple[object, ...]] = []

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, InteractionDialog)
        assert date_of(dialog.day) == today and date_of(dialog.next_day) > today
        assert not dialog.next_step_shown()
        dialog.day.setDate(QDate(2026, 11, 12))
        qtbot.keyClicks(dialog.summary, "Met at the fair")
        dialog.plan_next.setChecked(True)
        assert dialog.next_step_shown()
        dialog.next_kind.setCurrentIndex(dialog.next_kind.findData("value_add"))
        dialog.next_day.setDate(QDate(2026, 12, 3))
        qtbot.keyClicks(dialog.next_note, "Send the battery guide")
        # A contact cannot be dated after today: the field stops there.
        seen.append((dialog.day.maximumDate().toPython(), dialog.next_day.minimumDate().toPython()))
        qtbot.keyClick(dialog.next_note, Qt.Key.Key_Return)

    messages: list[str] = []
    page.status.connect(messages.append)
    on_next_dialog(act)
    qtbot.mouseClick(page.view.log_interaction, Qt.MouseButton.LeftButton)
    assert seen == [(today, today)]
    [contact] = planner.interactions.of_customer(ana.id)
    assert contact.occurred_at.astimezone(planner.settings.get().zone).date() == D(2026, 11, 12)
    [step] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "value_add"]
    assert (step.due_date, step.subject) == (D(2026, 12, 3), "Send the battery guide")
    assert messages[-1].startswith("Logged the contact with Ana Silva (Acme). Next step: ")
    assert ("Value-add contact", "Planned") in [row[:2] for row in table(page.upcoming_model)]
