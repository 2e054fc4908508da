"""Composition root: clock, database (checked and migrated), services -> one AppContext."""

from __future__ import annotations

import logging
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.busy import report_busy
from app.changes import ChangeFeed
from app.clock import Clock, PinnedClock, clock_from_environment
from app.errors import KnownError
from app.i18n import N_, _
from app.paths import DB_FILE, backup_dir_for, resolve_db_path
from app.rules.planning_context import PlanningContext, planning_context
from app.secrets import SecretStore
from app.services.backups import BackupService
from app.services.recovery import damaged_database
from app.services.settings import SettingsService
from app.startup_check import IntegrityCheck
from app.storage import as_storage_error, report_storage, storage_error
from models.db import Sessions, make_engine, make_sessions
from models.integrity import DatabaseDamaged
from models.migrations.migrate import (
    DatabaseTooNew,
    MigrationFailed,
    MigrationReport,
    prepare_database,
)
from models.storage import PERMISSION, StorageProblem, folder_state, is_writable

if TYPE_CHECKING:
    from app.dto.system import SettingsChange
    from app.services.accounts import AccountService
    from app.services.agenda import AgendaService
    from app.services.bulk_sales import BulkSaleService
    from app.services.calendar_export import CalendarExportService
    from app.services.calendar_sync import CalendarSyncService
    from app.services.cloud_accounts import CloudAccountService
    from app.services.commitments import CommitmentService
    from app.services.customers import CustomerService
    from app.services.data_export import DataExportService
    from app.services.declines import DeclineService
    from app.services.drafts import DraftService
    from app.services.feedback import FeedbackService
    from app.services.full_export import FullExportService
    from app.services.importing import ImportService
    from app.services.insights import InsightsService
    from app.services.interactions import InteractionService
    from app.services.library import LibraryService
    from app.services.maintenance import MaintenanceService
    from app.services.partners import PartnerService
    from app.services.plans import PlanService
    from app.services.referrals import ReferralService
    from app.services.replanning import ReplanningService
    from app.services.requests import RequestService
    from app.services.sales import SaleService
    from app.services.sales_import import SalesImportService
    from app.services.timeline import TimelineService
    from app.services.touchpoints import TouchpointService

log = logging.getLogger(__name__)


class AppContext:
    """Everything a face needs, built once per process.

    Services are built on first use: importing all of them costs about half a second,
    and the window's Today screen needs only a few before it can show anything."""

    def __init__(
        self,
        *,
        db_path: Path,
        backup_dir: Path,
        clock: Clock,
        engine: Engine,
        sessions: sessionmaker[Session],
        migration: MigrationReport,
        backups: BackupService,
        secrets: SecretStore | None,
    ) -> None:
        self.db_path = db_path
        self.backup_dir = backup_dir
        self.clock = clock
        self.engine = engine
        self.sessions = sessions
        self.migration = migration
        self.backups = backups
        self.settings = SettingsService(sessions)
        # Every committed write, as Changes: the window's screens and sync listen here.
        self.changes = ChangeFeed()
        # First, so that every later listener reads the preferences a change stored.
        self.changes.subscribe(self.settings.follow)
        if isinstance(sessions, Sessions):
            sessions.listen(self.changes.written)
        self._secrets = secrets
        # Opened from a disk or folder that cannot be written: reads only.
        self.read_only = False

    @cached_property
    def secrets(self) -> SecretStore:
        return self._secrets or SecretStore()

    @cached_property
    def customers(self) -> CustomerService:
        from app.services.customers import CustomerService

        return CustomerService(self.sessions, self.clock, self.planning)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from app.services.maintenance import MaintenanceService

        return MaintenanceService(self.db_path, self.backup_dir, self.secrets)

    @cached_property
    def plans(self) -> PlanService:
        from app.services.plans import PlanService

        return PlanService(self.sessions, self.planning)

    @cached_property
    def sales(self) -> SaleService:
        from app.services.sales import SaleService

        return SaleService(self.sessions, self.planning)

    @cached_property
    def drafts(self) -> DraftService:
        from app.services.drafts import DraftService

        return DraftService(self.sessions, self.planning)

    @cached_property
    def touchpoints(self) -> TouchpointService:
        from app.services.touchpoints import TouchpointService

        return TouchpointService(self.sessions, self.planning)

    @cached_property
    def agenda(self) -> AgendaService:
        from app.services.agenda import AgendaService

        return AgendaService(self.sessions, self.planning)

    @cached_property
    def interactions(self) -> InteractionService:
        from app.services.interactions import InteractionService

        return InteractionService(self.sessions, self.planning)

    @cached_property
    def replanning(self) -> ReplanningService:
        from app.services.replanning import ReplanningService

        return ReplanningService(self.sessions, self.planning, self.settings, self.clock)

    @cached_property
    def timeline(self) -> TimelineService:
        from app.services.timeline import TimelineService

        return TimelineService(self.sessions, self.planning)

    @cached_property
    def bulk_sales(self) -> BulkSaleService:
        from app.services.bulk_sales import BulkSaleService

        return BulkSaleService(self.sessions, self.planning)

    @cached_property
    def calendar_export(self) -> CalendarExportService:
        from app.services.calendar_export import CalendarExportService

        return CalendarExportService(self.sessions, self.planning)

    @cached_property
    def importing(self) -> ImportService:
        from app.services.importing import ImportService

        return ImportService(self.sessions, self.clock, self.planning, self.backups)

    @cached_property
    def sales_import(self) -> SalesImportService:
        from app.services.sales_import import SalesImportService

        return SalesImportService(self.sessions, self.clock, self.planning, self.backups)

    @cached_property
    def data_export(self) -> DataExportService:
        from app.services.data_export import DataExportService

        return DataExportService(self.sessions, self.planning)

    @cached_property
    def full_export(self) -> FullExportService:
        from app.services.full_export import FullExportService

        return FullExportService(self.sessions, self.clock, self.settings, self.backups)

    @cached_property
    def commitments(self) -> CommitmentService:
        from app.services.commitments import CommitmentService

        return CommitmentService(self.sessions, self.planning)

    @cached_property
    def requests(self) -> RequestService:
        from app.services.requests import RequestService

        return RequestService(self.sessions, self.planning)

    @cached_property
    def partners(self) -> PartnerService:
        from app.services.partners import PartnerService

        return PartnerService(self.sessions, self.planning)

    @cached_property
    def declines(self) -> DeclineService:
        from app.services.declines import DeclineService

        return DeclineService(self.sessions, self.planning)

    @cached_property
    def library(self) -> LibraryService:
        from app.services.library import LibraryService

        return LibraryService(self.sessions, self.planning)

    @cached_property
    def feedback(self) -> FeedbackService:
        from app.services.feedback import FeedbackService

        return FeedbackService(self.sessions, self.planning)

    @cached_property
    def insights(self) -> InsightsService:
        from app.services.insights import InsightsService

        return InsightsService(self.sessions, self.planning)

    @cached_property
    def referrals(self) -> ReferralService:
        from app.services.referrals import ReferralService

        return ReferralService(self.sessions, self.planning)

    @cached_property
    def accounts(self) -> AccountService:
        from app.services.accounts import AccountService

        return AccountService(self.sessions, self.secrets)

    @cached_property
    def cloud_accounts(self) -> CloudAccountService:
        from app.services.cloud_accounts import CloudAccountService

        return CloudAccountService(self.sessions, self.secrets, self.settings, self.accounts)

    @cached_property
    def calendar_sync(self) -> CalendarSyncService:
        from app.services.calendar_sync import CalendarSyncService

        return CalendarSyncService(self.sessions, self.planning, self.secrets)

    def change_settings(self, values: dict[str, str]) -> SettingsChange:
        """Validate and store settings; a changed calendar rule re-plans what is planned,
        in the same transaction."""
        return self.replanning.change_settings(values)

    def planning(self) -> PlanningContext:
        """Calendar, zone and today as of now."""
        return planning_context(self.settings, self.clock)

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    db_path: Path, backup_dir: Path, clock: Clock, integrity: IntegrityCheck | None = None
) -> MigrationReport:
    """Check and upgrade the file, turning storage problems into messages the user can act on."""
    if db_path.is_dir():
        raise KnownError(
            _("{path} is a folder, not a planner file.").format(path=db_path),
            _("Name the file itself, for example {example}.").format(example=db_path / DB_FILE),
        )
    if db_path.exists() and not db_path.is_file():
        raise KnownError(
            _("{path} is not a regular file; the planner keeps its data in one").format(
                path=db_path
            )
        )
    try:
        if integrity is None:
            return prepare_database(db_path, backup_dir, clock.now())
        return prepare_database(db_path, backup_dir, clock.now(), integrity=integrity.result)
    except DatabaseDamaged as exc:
        # Names the newest good backup (or the salvage); the file itself is left alone.
        raise damaged_database(db_path, backup_dir, str(exc), clock) from exc
    except DatabaseTooNew as exc:
        raise KnownError(str(exc)) from exc
    except MigrationFailed as exc:
        # An upgrade stopped by a full disk is the disk's problem, not a bug to report.
        known = as_storage_error(exc, db_path, N_("upgrade the planner file"))
        if known is not None:
            raise known from exc
        raise KnownError(str(exc), _("Nothing was changed. Please report this problem.")) from exc
    except (StorageProblem, OSError, sqlite3.Error) as exc:
        known = as_storage_error(exc, db_path, N_("open the planner"))
        if known is None:
            raise
        raise known from exc


def build_context(
    db_path: Path | None = None,
    clock: Clock | None = None,
    start_backup: bool = False,
    secrets: SecretStore | None = None,
    integrity: IntegrityCheck | None = None,
    allow_read_only: bool = False,
) -> AppContext:
    """Open (creating or upgrading) the database and wire the services.

    start_backup: the desktop start takes a backup when the data changed since the last one.
    secrets: the OS keyring unless given (tests pass an in-memory store).
    integrity: a check the desktop start began beside its imports (else it runs here).
    allow_read_only: a healthy file that cannot be written (read-only folder or disk, no
    permission) opens for reading, every write then failing with a StorageError (the
    command line); else opening it is refused with that StorageError (the window).
    """
    path = resolve_db_path(db_path)
    backup_dir = backup_dir_for(path)
    clock = clock or clock_from_environment()
    report = open_database(path, backup_dir, clock, integrity)
    if report.backup is not None:
        log.info("backed up %s to %s before upgrading", path, report.backup)
    read_only = not is_writable(path)
    if read_only and not allow_read_only:
        kind = folder_state(path.parent).problem or PERMISSION
        raise storage_error(StorageProblem(kind, path, "not writable"), N_("open the planner"))
    backups = BackupService(path, backup_dir, clock)
    if start_backup and not read_only:
        back_up_at_start(backups)
    engine = report_storage(report_busy(make_engine(path, read_only=read_only)), path)
    context = AppContext(
        db_path=path,
        backup_dir=backup_dir,
        clock=clock,
        engine=engine,
        sessions=make_sessions(engine),
        migration=report,
        backups=backups,
        secrets=secrets,
    )
    context.read_only = read_only
    if isinstance(clock, PinnedClock):
        settings = context.settings
        clock.follow_zone(lambda: settings.get().zone)
    if not read_only:
        context.plans.ensure_builtins()
    return context


def back_up_at_start(backups: BackupService) -> None:
    """A failed start-up backup is worth a log line, not a refusal to open the data."""
    try:
        made = backups.back_up_if_changed()
    except KnownError as exc:
        log.warning("start-up backup failed: %s", exc)
    else:
        if made is not None:
            log.info("start-up backup %s", made.name)
