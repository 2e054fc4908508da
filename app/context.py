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
from app.secrets import SecretStore
from app.services.accounts import AccountService
from app.services.agenda import AgendaService
from app.services.backups import BackupService
from app.services.bulk_sales import BulkSaleService
from app.services.calendar_export import CalendarExportService
from app.services.calendar_sync import CalendarSyncService
from app.services.commitments import CommitmentService
from app.services.customers import CustomerService
from app.services.data_export import DataExportService
from app.services.declines import DeclineService
from app.services.feedback import FeedbackService
from app.services.full_export import FullExportService
from app.services.importing import ImportService
from app.services.interactions import InteractionService
from app.services.library import LibraryService
from app.services.maintenance import MaintenanceService
from app.services.partners import PartnerService
from app.services.planning_context import PlanningContext, planning_context
from app.services.plans import PlanService
from app.services.recovery import damaged_database
from app.services.replanning import ReplanningService
from app.services.requests import RequestService
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
    backups: BackupService
    importing: ImportService
    data_export: DataExportService
    full_export: FullExportService
    commitments: CommitmentService
    requests: RequestService
    partners: PartnerService
    declines: DeclineService
    library: LibraryService
    feedback: FeedbackService
    secrets: SecretStore
    accounts: AccountService
    calendar_sync: CalendarSyncService

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
        # Names the newest good backup (or the salvage); the file itself is left alone.
        raise damaged_database(db_path, backup_dir, str(exc), clock) from exc
    except DatabaseTooNew as exc:
        raise KnownError(str(exc)) from exc
    except MigrationFailed as exc:
        raise KnownError(str(exc), "Nothing was changed. Please report this problem.") from exc
    except PermissionError as exc:
        raise KnownError(f"cannot write {db_path}: {exc.strerror}") from exc


def build_context(
    db_path: Path | None = None,
    clock: Clock | None = None,
    start_backup: bool = False,
    secrets: SecretStore | None = None,
) -> AppContext:
    """Open (creating or upgrading) the database and wire the services.

    start_backup: the desktop start takes a backup when the data changed since the last one.
    secrets: the OS keyring unless given (tests pass an in-memory store).
    """
    path = (db_path or default_db_path()).expanduser().resolve()
    backup_dir = backup_dir_for(path)
    clock = clock or clock_from_environment()
    report = open_database(path, backup_dir, clock)
    if report.backup is not None:
        log.info("backed up %s to %s before upgrading", path, report.backup)
    backups = BackupService(path, backup_dir, clock)
    if start_backup:
        _start_backup(backups)
    engine = make_engine(path)
    sessions = make_sessions(engine)
    secrets = secrets or SecretStore()
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
        backups=backups,
        importing=ImportService(sessions, clock, planning, backups),
        data_export=DataExportService(sessions, planning),
        full_export=FullExportService(sessions, clock, settings, backups),
        commitments=CommitmentService(sessions, planning),
        requests=RequestService(sessions, planning),
        partners=PartnerService(sessions, planning),
        declines=DeclineService(sessions, planning),
        library=LibraryService(sessions, planning),
        feedback=FeedbackService(sessions, planning),
        secrets=secrets,
        accounts=AccountService(sessions, secrets),
        calendar_sync=CalendarSyncService(sessions, planning, secrets),
    )
    context.plans.ensure_builtins()
    return context


def _start_backup(backups: BackupService) -> None:
    """A failed start-up backup is worth a log line, not a refusal to open the data."""
    try:
        made = backups.back_up_if_changed()
    except KnownError as exc:
        log.warning("start-up backup failed: %s", exc)
    else:
        if made is not None:
            log.info("start-up backup %s", made.name)
