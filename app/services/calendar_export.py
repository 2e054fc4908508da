"""Exporting touchpoints to .ics files: selection, event content, splitting for Google."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.dto.exports import IcsExportRequest, IcsExportResult
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from app.errors import KnownError, ValidationError
from app.export.calendar_event import CalendarEvent
from app.export.ics_files import existing_calendars, write_calendar_files
from app.export.output_file import check_output
from app.export.safe_file_name import safe_base_name
from app.export.touchpoint_events import EventOptions, touchpoint_event
from app.i18n import _, ngettext
from app.kinds import KIND_LABELS
from app.preferences import check_reminder
from app.progress import NO_PROGRESS, Progress
from app.rules.draft_batch import render_contents
from app.rules.event_revision import content_hashes, revise
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import to_dto
from models.repositories import touchpoints as repo

BATCH = 500


class CalendarExportService:
    """Streams touchpoints into .ics files without holding them all in memory."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def export_ics(
        self, request: IcsExportRequest, progress: Progress = NO_PROGRESS
    ) -> IcsExportResult:
        unknown = set(request.kinds) - KIND_LABELS.keys()
        if unknown:
            raise ValidationError(
                _("unknown kind(s): {unknown}; use {known}").format(
                    unknown=", ".join(sorted(unknown)), known=", ".join(KIND_LABELS)
                )
            )
        if request.start and request.end and request.end < request.start:
            raise ValidationError(_("the end date is before the start date"))
        check_reminder(request.reminder_minutes)
        base = request.base_name.strip()
        check_output(request.folder / base if base else Path())
        ctx = self._planning()
        counted = [0]
        name = (
            _("Follow-ups — {name}").format(name=ctx.prefs.my_name)
            if ctx.prefs.my_name
            else _("Sales follow-ups")
        )
        base_name = safe_base_name(request.base_name)
        try:
            request.folder.mkdir(parents=True, exist_ok=True)
            earlier = existing_calendars(request.folder, base_name)
            files = write_calendar_files(
                self._counted(self.events(request, progress), counted),
                request.folder,
                base_name,
                calendar_name=name,
                tz_mode="utc" if request.utc else "local",
                tzid=ctx.prefs.timezone,
                dtstamp=ctx.now,
            )
        except OSError as exc:
            raise KnownError(
                _("cannot write to {folder}: {strerror}").format(
                    folder=request.folder, strerror=exc.strerror
                )
            ) from exc
        removed = tuple(path for path in earlier if path not in files)
        return IcsExportResult(counted[0], tuple(files), removed)

    @staticmethod
    def _counted(events: Iterator[CalendarEvent], counter: list[int]) -> Iterator[CalendarEvent]:
        for event in events:
            counter[0] += 1
            yield event

    def events(
        self, request: IcsExportRequest, progress: Progress = NO_PROGRESS
    ) -> Iterator[CalendarEvent]:
        """Events in due order, read and rendered a batch at a time."""
        ctx = self._planning()
        options = EventOptions(request.details, request.reminder_minutes, ctx.prefs.work_start)
        statuses = (
            (Status.PLANNED, Status.SKIPPED) if request.include_cancelled else (Status.PLANNED,)
        )
        after: tuple[dt.date, dt.datetime | None, int] | None = None
        done = 0
        while True:
            batch = self._batch(request, statuses, after)
            if not batch:
                return
            with self._sessions.begin() as session:
                contents = render_contents(session, [t.id for t in batch], ctx.prefs, ctx.today)
                raised = revise(session, content_hashes(batch, contents), ctx.now)
            for item in batch:
                content = contents[item.id]
                if item.id in raised:
                    sequence, modified = raised[item.id]
                    item = item._replace(sequence=sequence, updated_at=modified)
                yield touchpoint_event(
                    item,
                    sale_summary=content.sale_summary,
                    subject=content.draft.subject,
                    body=content.draft.body,
                    options=options,
                    now=ctx.now,
                )
            done += len(batch)
            progress.report(
                done,
                0,
                ngettext("{done:,} event written…", "{done:,} events written…", done).format(
                    done=done
                ),
            )
            last = batch[-1]
            after = (last.due_date, last.due_at, last.id)
            if len(batch) < BATCH:
                return

    def _batch(
        self,
        request: IcsExportRequest,
        statuses: Sequence[str],
        after: tuple[dt.date, dt.datetime | None, int] | None,
    ) -> list[TouchpointDTO]:
        with self._sessions() as session:
            rows = repo.agenda_rows(
                session,
                start=request.start,
                end=request.end,
                customer_id=request.customer_id,
                statuses=statuses,
                limit=BATCH,
                after=after,
                kinds=request.kinds,
            )
            return [to_dto(row) for row in rows]
