"""Pushing touchpoints to one calendar through its provider: conditional writes, one by one."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial

from sqlalchemy.orm import Session, sessionmaker

from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from app.export.touchpoint_events import EventOptions, touchpoint_event
from app.i18n import N_, _, ngettext
from app.progress import Progress
from app.rules.draft_batch import TouchpointContent, render_contents
from app.rules.event_revision import content_hashes, revise
from app.rules.planning_context import PlanningContext
from app.rules.sync_pull import apply_remote, note, remote_deleted
from app.rules.sync_types import Tally, Target, Work, real_now
from app.rules.touchpoint_rows import new_uid
from app.sync.http import AuthFailed, SyncError
from app.sync.provider import Answer, CalendarProvider, Outgoing
from models.calendar_sync import SyncItem
from models.repositories import sync as repo
from models.touchpoint import Touchpoint

BATCH = 200
# What the calendar refused, one whole sentence per action (translated when raised).
REFUSED_CREATE = N_("{host} answered {status} when creating an event")
REFUSED_UPDATE = N_("{host} answered {status} when updating an event")
REFUSED_DELETE = N_("{host} answered {status} when deleting an event")
DONE_PREFIX = "Done: "


class Pusher:
    """Creates, updates and deletes calendar objects; commits after every successful request."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        remote: CalendarProvider,
        target: Target,
        ctx: PlanningContext,
        tally: Tally,
        *,
        ask: bool,
        progress: Progress,
    ) -> None:
        self._sessions, self._remote, self._target = sessions, remote, target
        self._ctx, self._tally, self._ask, self._progress = ctx, tally, ask, progress
        reminder = ctx.prefs.reminder_minutes or None
        self._options = EventOptions(
            details=True, reminder_minutes=reminder, work_start=ctx.prefs.work_start
        )

    def run(self) -> int:
        """Push everything that changed; returns how many touchpoints were looked at."""
        self._revise_wanted()
        target = self._target
        with self._sessions() as session:
            total = repo.push_count(session, target.account_id, target.keep_done, target.until)
        done, after = 0, 0
        while done < total:
            with self._sessions() as session:
                rows = repo.push_rows(
                    session, target.account_id, target.keep_done, target.until, after, BATCH
                )
                ids = [row[0] for row in rows]
                contents = render_contents(session, ids, self._ctx.prefs, self._ctx.today)
            pending: list[tuple[Work, TouchpointContent]] = []
            for row in rows:
                work = Work.of(row)
                content = contents[work.tp.id]
                if self._remote.batch > 1 and self._new(work):
                    # New events go in batches where the calendar takes them (fewer trips).
                    pending.append((work, content))
                    if len(pending) >= self._remote.batch:
                        done = self._create_many(pending, done, total)
                        pending = []
                    continue
                if pending:
                    done = self._create_many(pending, done, total)
                    pending = []
                self._guarded(work, partial(self._one, work, content))
                done += 1
                self._progress.report(
                    done,
                    total,
                    ngettext(
                        "Calendar: {done:,} of {total:,} event…",
                        "Calendar: {done:,} of {total:,} events…",
                        total,
                    ).format(done=done, total=total),
                )
            if pending:
                done = self._create_many(pending, done, total)
            if len(rows) < BATCH:
                break
            after = rows[-1][0]
        return done

    def _revise_wanted(self) -> None:
        """Events whose content changed with no touchpoint edit (a renamed customer) get
        their SEQUENCE raised first, so the push below sends them (event_revision)."""
        target, after = self._target, 0
        while True:
            with self._sessions.begin() as session:
                rows = repo.wanted_rows(
                    session, target.account_id, target.keep_done, target.until, after, BATCH
                )
                items = [TouchpointDTO._make(row) for row in rows]
                contents = render_contents(
                    session, [item.id for item in items], self._ctx.prefs, self._ctx.today
                )
                revise(session, content_hashes(items, contents), self._ctx.now)
            if len(rows) < BATCH:
                return
            after = items[-1].id

    def _guarded(self, work: Work, step: Callable[[], None]) -> None:
        try:
            step()
        except SyncError as exc:
            if exc.transient or isinstance(exc, AuthFailed):
                # Offline, server trouble, or the login/sign-in is refused: stop, the rest
                # stays queued (the same refusal a thousand times over helps nobody).
                raise
            self._tally.errors.append(f"follow-up {work.tp.id}: {exc}")

    def _live(self, work: Work) -> bool:
        tp = work.tp
        live = tp.status == Status.PLANNED and not work.customer_deleted
        return live and tp.due_date <= self._target.until  # the horizon; overdue ones always

    def _new(self, work: Work) -> bool:
        return self._live(work) and (work.item_id is None or work.state == "removed")

    def _create_many(
        self, pending: list[tuple[Work, TouchpointContent]], done: int, total: int
    ) -> int:
        """Send a batch of creates; record what worked in one transaction (a crash before it
        commits only means the next run's creates find their events and adopt them)."""
        items = [(self._remote.ref_for(w.tp.uid), self._item(w.tp, c)) for w, c in pending]
        answers = self._remote.create_many(items)
        worked = [(w, a) for (w, _c), a in zip(pending, answers, strict=True) if a.ok]
        if worked:
            with self._sessions.begin() as session:
                repo.record_pushed(
                    session,
                    self._target.account_id,
                    [(w.tp.id, w.tp.uid, a.ref, a.etag, w.tp.sequence) for w, a in worked],
                    real_now(),
                )
            self._tally.created += len(worked)
        for (work, content), answer in zip(pending, answers, strict=True):
            if answer.ok:
                continue
            # Taken one by one: an id that exists or is refused, a quota answer (waited out
            # there), anything else the single path reports.
            first = answer if answer.outcome in ("exists", "refused") else None
            self._guarded(work, partial(self._create, work, content, first))
        done += len(pending)
        self._progress.report(
            done,
            total,
            ngettext(
                "Calendar: {done:,} of {total:,} event…",
                "Calendar: {done:,} of {total:,} events…",
                total,
            ).format(done=done, total=total),
        )
        return done

    # --- one touchpoint ---------------------------------------------------------------
    def _one(self, work: Work, content: TouchpointContent) -> None:
        tp = work.tp
        live = self._live(work)
        kept_done = self._target.keep_done and tp.status == Status.DONE and work.state == "synced"
        if not (live or kept_done):
            self._delete(work)
        elif work.item_id is None or work.state == "removed":
            self._create(work, content)
        elif work.item_uid != tp.uid:
            # Another account gave it a fresh UID: replace the object under the old one.
            self._delete(work, count=False)
            self._create(work, content)
        else:
            self._update(work, self._item(tp, content))

    def _item(self, tp: TouchpointDTO, content: TouchpointContent) -> Outgoing:
        event = touchpoint_event(
            tp,
            sale_summary=content.sale_summary,
            subject=content.draft.subject,
            body=content.draft.body,
            options=self._options,
            now=self._ctx.now,
        )
        if tp.status == Status.DONE:
            # History kept in the calendar: marked done, free time, no reminder.
            event = dataclasses.replace(
                event, summary=DONE_PREFIX + event.summary, transparent=True, alarm_minutes=None
            )
        return Outgoing(event, tp.id, self._ctx.now)

    def _create(self, work: Work, content: TouchpointContent, first: Answer | None = None) -> None:
        tp = work.tp
        item = self._item(tp, content)
        ref = self._remote.ref_for(tp.uid)
        answer = first or self._remote.create(ref, item)
        if answer.outcome == "exists":
            # Something is there already: our own event from a run that stopped before
            # recording it (adopt it), or another UID under the same name (use another one).
            found = self._remote.get(ref, tp.uid)
            if found is not None and found[1] is not None:
                answer = self._remote.update(ref, found[0] or "*", item)
            else:
                ref = self._remote.fresh_ref(tp.uid)
                answer = self._remote.create(ref, item)
        if answer.outcome == "refused":
            # The UID is refused: deleted before and kept in the server's trash bin. Only a
            # fresh UID gets the event back into the calendar.
            fresh = new_uid()
            fresh_tp = tp._replace(uid=fresh)
            ref = self._remote.ref_for(fresh)
            answer = self._remote.create(ref, self._item(fresh_tp, content))
            if answer.ok:
                self._record(work, answer, uid=fresh, old_uid=tp.uid)
                self._tally.created += 1
                return
        if not answer.ok:
            raise self._refused(REFUSED_CREATE, answer)
        self._record(work, answer, uid=tp.uid)
        self._tally.created += 1

    def _update(self, work: Work, item: Outgoing) -> None:
        answer = self._remote.update(work.path, work.etag, item)
        if answer.outcome in ("missing", "conflict"):
            # Changed or deleted in the calendar since we last looked: settle that first.
            if not self._settle(work):
                return
            with self._sessions() as session:
                row = session.get(SyncItem, work.item_id)
                etag = row.etag if row is not None else ""
            answer = self._remote.update(work.path, etag, item)
        if not answer.ok:
            raise self._refused(REFUSED_UPDATE, answer)
        self._record(work, answer, uid=work.tp.uid)
        self._tally.updated += 1

    def _delete(self, work: Work, *, count: bool = True) -> None:
        answer = self._remote.delete(work.path, work.etag)
        if answer.outcome == "conflict":
            self._settle(work)  # notes a move made in the calendar, then deletes anyway
            with self._sessions() as session:
                item = session.get(SyncItem, work.item_id)
                answer = self._remote.delete(work.path, item.etag if item else "")
        if not (answer.ok or answer.outcome == "missing"):
            raise self._refused(REFUSED_DELETE, answer)
        with self._sessions.begin() as session:
            item = session.get(SyncItem, work.item_id)
            if item is not None:
                item.state, item.pushed_at = "removed", real_now()
                item.pushed_sequence = work.tp.sequence
        self._tally.deleted += int(count and answer.ok)

    def _settle(self, work: Work) -> bool:
        """Apply the calendar's current version; True when the planner's version should follow."""
        found = self._remote.get(work.path, work.item_uid)
        with self._sessions.begin() as session:
            item = session.get(SyncItem, work.item_id)
            if item is None:
                return False
            if found is None:
                outcome = remote_deleted(session, item, self._ctx, ask=self._ask)
                self._count_deletion(outcome, work.tp.id)
                return False
            etag, event = found
            if event is None:
                item.etag = etag
                return True
            applied = apply_remote(session, item, event, etag, self._ctx)
        self._tally.pulled += int(applied == "pulled")
        return applied != "pulled"

    def _count_deletion(self, outcome: str, touchpoint_id: int) -> None:
        if outcome == "skipped":
            self._tally.pulled += 1
        elif outcome == "awaiting":
            self._tally.awaiting.append(touchpoint_id)

    def _record(self, work: Work, answer: Answer, *, uid: str, old_uid: str | None = None) -> None:
        with self._sessions.begin() as session:
            item = session.get(SyncItem, work.item_id) if work.item_id is not None else None
            # Another sync (the window and the command line at once) may have recorded it.
            item = item or repo.item_of(session, self._target.account_id, work.tp.id)
            if item is None:
                item = SyncItem(account_id=self._target.account_id, touchpoint_id=work.tp.id)
                session.add(item)
            item.uid, item.href, item.etag, item.state = uid, answer.ref, answer.etag, "synced"
            item.pushed_sequence, item.pushed_at = work.tp.sequence, real_now()
            if old_uid is not None:
                row = session.get(Touchpoint, work.tp.id)
                if row is not None:
                    row.uid = uid
                note(
                    session,
                    work.tp.id,
                    self._ctx.now,
                    _(
                        "the calendar refused the old UID {old_uid} (deleted there before); "
                        "the event now has UID {uid}"
                    ).format(old_uid=old_uid, uid=uid),
                )

    def _refused(self, message: str, answer: Answer) -> SyncError:
        return SyncError(_(message).format(host=self._remote.host, status=answer.status))
