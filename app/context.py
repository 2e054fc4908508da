"""Composition root: clock, database (checked and migrated), services -> one AppContext."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from app.clock import Clock, clock_from_environment
from app.errors import KnownError
from app.paths import backup_dir_for, default_db_path
from app.preferences import CALENDAR_KEYS, Preferences
from app.services.agenda import AgendaService
from app.services.bulk_sales import BulkSaleService
from app.services.calendar_export import CalendarExportService
from app.services.customers import CustomerService
from app.services.interactions import InteractionService
from app.services.maintenance import MaintenanceService
from app.services.planning_context import PlanningContext, planning_context
from app.services.plans import PlanService
from app.services.replanning import ReplanningService
from app.services.sales import SaleService
from app.services.settings import SettingsService
from app.services.timeline import TimelineService
from app.services.touchpoints import TouchpointService
from models.db import make_engine, make_sessions
from models.migrations.migrate import (
    DatabaseDamaged,
    DatabaseTooNew,
    MigrationFailed,
    MigrationReport,
    prepare_database,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SettingsChange:
    """Stored preferences, and how many planned touchpoints moved (None: no re-plan)."""

    preferences: Preferences
    moved: int | None


@dataclass
class AppContext:
    """Everything a face needs, built once per process."""

    db_path: Path
    backup_dir: Path
    clock: Clock
    engine: Engine
    migration: MigrationReport
    customers: CustomerService
    settings: SettingsService
    maintenance: MaintenanceService
    plans: PlanService
    sales: SaleService
    touchpoints: TouchpointService
    agenda: AgendaService
    interactions: InteractionService
    replanning: ReplanningService
    timeline: TimelineService
    bulk_sales: BulkSaleService
    calendar_export: CalendarExportService

    def change_settings(self, values: dict[str, str]) -> SettingsChange:
        """Validate and store settings; a changed calendar rule re-plans what is planned."""
        before = self.settings.get()
        after = self.settings.set_many(values)
        changed = {key for key in values if getattr(before, key, None) != getattr(after, key, None)}
        moved = self.replanning.replan_all() if changed & CALENDAR_KEYS else None
        return SettingsChange(after, moved)

    def planning(self) -> PlanningContext:
        """Calendar, zone and today as of now."""
        return planning_context(self.settings, self.clock)

    def close(self) -> None:
        self.engine.dispose()


def open_database(db_path: Path, backup_dir: Path, clock: Clock) -> MigrationReport:
    """Check and upgrade the file, turning storage problems into messages the user can act on."""
    try:
        return prepare_database(db_path, backup_dir, clock.now())
    except DatabaseDamaged as exc:
        raise KnownError(
            str(exc), f"Your backups are in {backup_dir}; restore one or move the file aside."
        ) from exc
    except DatabaseTooNew as exc:
        raise KnownError(str(exc)) from exc
    except MigrationFailed as exc:
        raise KnownError(str(exc), "Nothing was changed. Please report this problem.") from exc
    except PermissionError as exc:
        raise KnownError(f"cannot write {db_path}: {exc.strerror}") from exc


def build_context(db_path: Path | None = None, clock: Clock | None = None) -> AppContext:
    """Open (creating or upgrading) the database and wire the services."""
    path = (db_path or default_db_path()).expanduser().resolve()
    backup_dir = backup_dir_for(path)
    clock = clock or clock_from_environment()
    report = open_database(path, backup_dir, clock)
    if report.backup is not None:
        log.info("backed up %s to %s before upgrading", path, report.backup)
    engine = make_engine(path)
    sessions = make_sessions(engine)
    settings = SettingsService(sessions)

    def planning() -> PlanningContext:
        return planning_context(settings, clock)

    context = AppContext(
        db_path=path,
        backup_dir=backup_dir,
        clock=clock,
        engine=engine,
        migration=report,
        customers=CustomerService(sessions, clock, planning),
        settings=settings,
        maintenance=MaintenanceService(path, backup_dir),
        plans=PlanService(sessions),
        sales=SaleService(sessions, planning),
        touchpoints=TouchpointService(sessions, planning),
        agenda=AgendaService(sessions, planning),
        interactions=InteractionService(sessions, planning),
        replanning=ReplanningService(sessions, planning),
        timeline=TimelineService(sessions, planning),
        bulk_sales=BulkSaleService(sessions, planning),
        calendar_export=CalendarExportService(sessions, planning),
    )
    context.plans.ensure_builtins()
    return context
