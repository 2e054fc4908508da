"""Random sequences of user actions: after each one, every open screen shows what a fresh
read of the database shows (the change stream reached it, and nothing more was needed)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtWidgets import QApplication

from app.clock import FixedClock
from app.context import build_context
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.errors import KnownError
from app.secrets import MemorySecretStore
from ui.item_models.agenda_table import AgendaTableModel
from ui.main_window import MainWindow
from ui.workspace import Workspace
from ui.workspace_shell import CUSTOMERS, TODAY

MONDAY = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
NAMES = ("Ana Silva", "Ben Ode", "Cleo Park", "Dora Kim", "Eve Lund")


def _settle() -> None:
    # Writes from a worker thread arrive queued: let them through.
    for _ in range(3):
        QApplication.processEvents()


class ScreensFollowChanges(RuleBasedStateMachine):
    """The window over a fresh planner; rules are what a user (or a sync) does."""

    template: Path

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="follow-"))
        path = self.folder / "planner.sqlite3"
        shutil.copyfile(self.template, path)
        self.clock = FixedClock(MONDAY)
        self.context = build_context(path, self.clock, secrets=MemorySecretStore())
        self.context.settings.set_many({"timezone": "Europe/Berlin", "my_name": "Sam Seller"})
        self.window = MainWindow()
        self.window.resize(1280, 720)
        self.window.show()
        self.window.attach(self.context)
        self.customers: list[int] = []

    @property
    def workspace(self) -> Workspace:
        assert self.window.workspace is not None
        return self.window.workspace

    def _planned(self) -> list[int]:
        return [item.id for item in self.context.agenda.touchpoints()]

    # --- what people do --------------------------------------------------------------
    @rule(name=st.sampled_from(NAMES))
    def add_customer(self, name: str) -> None:
        customer = self.context.customers.add(CustomerInput(name=name, email="x@example.com"))
        self.customers.append(customer.id)

    @precondition(lambda self: self.customers)
    @rule(pick=st.integers(0, 50), won=st.booleans(), days_ago=st.integers(0, 25))
    def record_sale(self, pick: int, won: bool, days_ago: int) -> None:
        customer_id = self.customers[pick % len(self.customers)]
        closed = MONDAY.date() - dt.timedelta(days=days_ago)
        promised = closed + dt.timedelta(days=5) if won else None
        self.context.sales.record(
            SaleInput(customer_id, closed, "won" if won else "lost", promised_delivery=promised)
        )

    @rule(pick=st.integers(0, 50), act=st.sampled_from(["done", "skip", "snooze"]))
    def act_on_today(self, pick: int, act: str) -> None:
        today = self.workspace.today
        rows = today.model.rowCount()
        if rows == 0:
            return
        item = today.model.touchpoint_at(pick % rows)
        assert item is not None
        service = self.context.touchpoints
        work = {
            "done": lambda: service.done(item.id, "talked"),
            "skip": lambda: service.skip(item.id, "not needed"),
            "snooze": lambda: service.snooze(item.id, days=2),
        }[act]
        today.apply_change(item, work)

    @precondition(lambda self: self.customers)
    @rule(pick=st.integers(0, 50))
    def delete_and_maybe_restore(self, pick: int) -> None:
        customer_id = self.customers[pick % len(self.customers)]
        self.context.customers.delete(customer_id)
        self.customers.remove(customer_id)
        if pick % 2:
            self.context.customers.restore(customer_id)
            self.customers.append(customer_id)

    @precondition(lambda self: self.customers)
    @rule(pick=st.integers(0, 50))
    def log_contact(self, pick: int) -> None:
        customer_id = self.customers[pick % len(self.customers)]
        self.context.interactions.add(customer_id, "Called about the order", channel="phone")

    @rule(hour=st.integers(8, 17))
    def edit_a_plan_step(self, hour: int) -> None:
        plan = next(p for p in self.context.plans.all() if p.builtin_key and p.id is not None)
        step = next(s for s in plan.steps if s.time_of_day is not None)
        changed = dataclasses.replace(step, time_of_day=dt.time(hour, 0))
        assert plan.id is not None
        self.context.plans.update_step(plan.id, changed)

    @rule(
        days=st.sampled_from(["mon,tue,wed,thu,fri", "tue,wed,thu", "mon,wed,fri"]),
        zone=st.sampled_from(["Europe/Berlin", "America/New_York"]),
    )
    def change_settings(self, days: str, zone: str) -> None:
        self.context.change_settings({"working_days": days, "timezone": zone})

    @rule(pick=st.integers(0, 50))
    def write_from_a_worker(self, pick: int) -> None:
        # As a calendar pull does: the change is committed on another thread.
        planned = self._planned()
        if not planned:
            return
        target = planned[pick % len(planned)]
        failures: list[BaseException] = []

        def work() -> None:
            try:
                self.context.touchpoints.snooze(target, days=1)
            except KnownError as exc:  # pragma: no cover - a refusal is a finding too
                failures.append(exc)

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        assert not failures

    @rule(page=st.sampled_from([TODAY, CUSTOMERS]))
    def go(self, page: int) -> None:
        self.workspace.go(page)

    @precondition(lambda self: self.customers)
    @rule(pick=st.integers(0, 50))
    def open_customer(self, pick: int) -> None:
        self.workspace.open_customer(self.customers[pick % len(self.customers)])

    # --- what every open screen must show --------------------------------------------
    @invariant()
    def today_shows_the_agenda(self) -> None:
        _settle()
        today = self.workspace.today
        shown = [today.model.touchpoint_at(row) for row in range(today.model.rowCount())]
        fresh = AgendaTableModel(
            self.context.agenda, lambda: self.context.settings.get().zone, page_size=10_000
        )
        fresh.days_ahead = today.model.days_ahead
        fresh.reload()
        expected = [fresh.touchpoint_at(row) for row in range(fresh.rowCount())]
        assert shown == expected
        assert today.overdue == self.context.agenda.overdue_count()

    @invariant()
    def the_customer_list_shows_the_customers(self) -> None:
        _settle()
        if not self.workspace.on_customer_list():
            return
        model = self.workspace.customers.model
        shown = [model.customer_at(row) for row in range(model.rowCount())]
        fresh = self.context.customers.page(model.query()).rows
        assert shown == list(fresh[: len(shown)])

    @invariant()
    def the_customer_page_shows_the_customer(self) -> None:
        _settle()
        if self.workspace.current() != CUSTOMERS or self.workspace.on_customer_list():
            return
        page = self.workspace.customer_page
        if page.customer_id is None or page.customer_id not in self.customers:
            return
        assert page.timeline == self.context.timeline.timeline(page.customer_id)

    def teardown(self) -> None:
        self.window.close()
        self.window.deleteLater()
        _settle()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.mark.usefixtures("qapp")
def test_every_open_screen_agrees_with_a_fresh_read(template_db: Path) -> None:
    ScreensFollowChanges.template = template_db
    run = ScreensFollowChanges.TestCase
    run.settings = settings(
        max_examples=12,
        stateful_step_count=14,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    run().runTest()
