"""Importing customers: a preview that writes nothing, then all or nothing after a backup."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.dto.imports import (
    DUPLICATE_CHOICES,
    Candidate,
    ImportPlan,
    ImportResult,
    RowError,
    RowWarning,
)
from app.errors import ValidationError
from app.i18n import _
from app.importing.csv_contacts import mapping_to_json
from app.importing.layouts import Mapping as ColumnMapping
from app.importing.matching import DuplicateIndex, Existing
from app.importing.preview import KEEP_ALL_BYTES, SAMPLE_ROWS, Read, build_plan, classify
from app.importing.reader import SOURCES, ParsedFile, parse_file
from app.progress import NO_PROGRESS, Progress
from app.rules.import_writer import ChunkWriter
from app.rules.planning_context import PlanningContext
from app.services.backups import BackupService
from models.customer import Customer
from models.repositories import settings as settings_repo


@dataclass(frozen=True)
class ImportPreview:
    """What the file holds and what importing it would do; nothing has been written."""

    path: Path
    parsed: ParsedFile = field(repr=False)
    plan: ImportPlan = field(repr=False)
    # The customer table's state the plan was matched against (see _snapshot).
    snapshot: tuple[Any, ...] = ()

    @property
    def rows(self) -> int:
        return self.plan.new_count + len(self.plan.duplicates) + len(self.plan.errors)


MAPPING_PREFIX = "import.mapping."
DEFAULT_REGION = "DE"


def _choice(choices: Mapping[int, str], row: int, default: str) -> str:
    choice = choices.get(row, default)
    if choice not in DUPLICATE_CHOICES:
        raise ValidationError(
            _("unknown duplicate choice {choice!r}; use skip, merge or add").format(choice=choice)
        )
    return choice


def outcome(plan: ImportPlan, on_duplicate: str, choices: Mapping[int, str]) -> ImportResult:
    """Counts for a plan under the duplicate choices (the dry run and the preview show these)."""
    picked = [_choice(choices, dup.row, on_duplicate) for dup in plan.duplicates]
    return ImportResult(
        added=plan.new_count + picked.count("add"),
        merged=picked.count("merge"),
        skipped=picked.count("skip"),
        errors=plan.errors,
    )


class ImportService:
    """Reads contact files; writes customers in one transaction with bulk inserts."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        planning: Callable[[], PlanningContext],
        backups: BackupService,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._planning = planning
        self._backups = backups

    def preview(
        self,
        path: Path,
        fmt: str = "auto",
        mapping: dict[str, Any] | None = None,
        encoding: str | None = None,
    ) -> ImportPreview:
        """Read and check the whole file; raises UnreadableFile when nothing can be read.

        `encoding` (a Python codec name) overrides the guess the preview shows.
        """
        with paused_gc(), self._sessions() as session:
            remembered = self._remembered(session)
            parsed = parse_file(path, fmt, mapping, remembered, encoding)
            keep = None if parsed.size <= KEEP_ALL_BYTES else SAMPLE_ROWS
            index = self._index(session)
            plan = build_plan(parsed.items(), index, SOURCES[parsed.format], keep)
            return ImportPreview(path, parsed, plan, _snapshot(session))

    def outcome(
        self,
        preview: ImportPreview,
        on_duplicate: str = "skip",
        choices: Mapping[int, str] | None = None,
    ) -> ImportResult:
        """What run() would do with these choices, as of the preview (a dry run)."""
        return outcome(preview.plan, on_duplicate, choices or {})

    def run(
        self,
        preview: ImportPreview,
        on_duplicate: str = "skip",
        choices: Mapping[int, str] | None = None,
        progress: Progress = NO_PROGRESS,
    ) -> ImportResult:
        """Back up, then write every accepted row in one transaction (cancel rolls back)."""
        choices = choices or {}
        expected = outcome(preview.plan, on_duplicate, choices)  # refuses unknown choices
        progress.report(0, preview.rows, _("Backing up your data…"))
        backup = self._backups.ensure_backup("import")
        ctx = self._planning()
        plan = preview.plan
        with paused_gc(), self._sessions.begin() as session:
            stored = plan.complete and _snapshot(session) == preview.snapshot
            rows: Iterable[Read]
            if stored:
                rows = sorted((*plan.new, *plan.duplicates), key=lambda item: item.row)
            else:
                # A big file (only a sample was kept), or customers changed since the
                # preview: read the file again and match inside this transaction.
                source = SOURCES[preview.parsed.format]
                rows = classify(preview.parsed.items(), self._index(session), source)
            targets = {
                dup.earlier_row
                for dup in plan.duplicates
                if dup.earlier_row and _choice(choices, dup.row, on_duplicate) == "merge"
            }
            total = expected.added + expected.merged
            progress.report(0, total, _("Adding customers…"))
            writer = ChunkWriter(
                session, ctx, self._clock.now(), progress, total, targets, collect=not stored
            )
            errors: list[RowError] = []
            skipped = merged = 0
            for item in rows:
                if isinstance(item, RowWarning):
                    continue
                if isinstance(item, Candidate):
                    writer.add(item.row, item.values)
                    continue
                if isinstance(item, RowError):
                    errors.append(item)
                    continue
                choice = _choice(choices, item.row, on_duplicate)
                if choice == "add":
                    writer.add(item.row, item.values)
                elif choice == "merge" and item.earlier_row is not None:
                    done = writer.merge_row(item.earlier_row, item.values)
                    merged, skipped = merged + done, skipped + (not done)
                elif choice == "merge" and item.customer_id is not None:
                    writer.merge_customer(item.customer_id, item.values)
                    merged += 1
                else:
                    skipped += 1
            progress.report(total, total, _("Planning keep-in-touch check-ins…"))
            writer.flush()
            if preview.parsed.format == "csv":
                settings_repo.save(
                    session,
                    MAPPING_PREFIX + preview.parsed.header_key,
                    mapping_to_json(preview.parsed.mapping),
                )
            progress.report(total, total, _("Saving…"))
        found = plan.errors if stored else tuple(errors)
        return ImportResult(writer.added, merged, skipped, found, backup)

    def _index(self, session: Session) -> DuplicateIndex:
        country = self._planning().prefs.holiday_country or DEFAULT_REGION
        index = DuplicateIndex(country.split("-", 1)[0].upper())
        statement = select(
            Customer.id, Customer.name, Customer.company, Customer.email, Customer.phone
        ).where(Customer.deleted_at.is_(None))
        for row in session.execute(statement):
            index.add(Existing(*row))
        return index

    def _remembered(self, session: Session) -> dict[str, ColumnMapping]:
        stored = settings_repo.load_all(session)
        return {
            key[len(MAPPING_PREFIX) :]: {field: tuple(cols) for field, cols in value.items()}
            for key, value in stored.items()
            if key.startswith(MAPPING_PREFIX) and isinstance(value, dict)
        }


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic GC while a big file is read and written.

    A 100,000-row import allocates millions of small, acyclic objects; the collector's
    repeated full passes over them cost a third of the time and free nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _snapshot(session: Session) -> tuple[Any, ...]:
    """Changes whenever a customer is added, edited, deleted or restored."""
    statement = select(func.count(), func.max(Customer.id), func.max(Customer.updated_at))
    return tuple(session.execute(statement).one())
