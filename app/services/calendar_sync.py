"""Calendar sync use cases: pull, push, pull again per account; the user's answers afterwards."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session, sessionmaker

from app.dto.sync import HistoryEntry, SyncReport
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from app.errors import NotFound
from app.i18n import _
from app.progress import NO_PROGRESS, Progress
from app.rules.planning_context import PlanningContext
from app.rules.sync_pull import note, pull, skip_deleted
from app.rules.sync_push import Pusher
from app.rules.sync_types import Tally, Target, real_now
from app.rules.touchpoint_rows import to_dto
from app.secrets import SecretStore
from app.sync.connect import Link, open_provider
from app.sync.http import SyncError
from models.calendar_sync import CalendarAccount
from models.repositories import sync as repo
from models.repositories import touchpoints as tp_repo
from models.touchpoint import Touchpoint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Account:
    id: int
    kind: str
    url: str
    username: str
    secret_key: str
    calendar_url: str
    calendar_name: str
    keep_done: bool
    sync_token: str
    ctag: str


class CalendarSyncService:
    """Keeps every account's calendar in step with the planned touchpoints, both ways."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        planning: Callable[[], PlanningContext],
        secrets: SecretStore,
    ) -> None:
        self._sessions = sessions
        self._planning = planning
        self._secrets = secrets
        # Access tokens of this process, by sign-in (memory only; never written anywhere).
        self._tokens: dict[str, Any] = {}

    def sync(
        self, account_id: int | None = None, *, ask: bool = False, progress: Progress = NO_PROGRESS
    ) -> SyncReport:
        """Sync one account or all; `ask`: leave calendar deletions for the user to answer."""
        with self._sessions() as session:
            ids = [row.id for row in repo.accounts(session)]
        if account_id is not None:
            if account_id not in ids:
                raise NotFound(
                    _("calendar account {account_id} does not exist").format(account_id=account_id)
                )
            ids = [account_id]
        if not ids:
            # Nothing set up: nothing to say either (a log line every 15 minutes was noise).
            return SyncReport()
        tally = Tally()
        for one in ids:
            try:
                self._sync_account(one, tally, ask, progress)
            except SyncError as exc:
                tally.errors.append(_("account {id}: {error}").format(id=one, error=exc))
        with self._sessions() as session:
            waiting = tuple(item.touchpoint_id for item in repo.awaiting(session)) if ask else ()
        log.info(
            "calendar sync: %d created, %d updated, %d deleted, %d pulled, %d error(s)",
            tally.created, tally.updated, tally.deleted, tally.pulled, len(tally.errors),
        )  # fmt: skip
        return SyncReport(
            tally.created,
            tally.updated,
            tally.deleted,
            tally.pulled,
            tuple(tally.errors),
            waiting,
            len(ids),
        )

    def has_accounts(self) -> bool:
        """Whether any calendar is set up to sync with."""
        with self._sessions() as session:
            return bool(repo.accounts(session))

    def _load(self, account_id: int) -> _Account:
        with self._sessions() as session:
            row = session.get(CalendarAccount, account_id)
            if row is None:
                raise NotFound(
                    _("calendar account {account_id} does not exist").format(account_id=account_id)
                )
            return _Account(
                row.id, row.kind, row.url, row.username, row.secret_key, row.calendar_url,
                row.calendar_name, row.keep_done, row.sync_token, row.ctag,
            )  # fmt: skip

    def _sync_account(self, account_id: int, tally: Tally, ask: bool, progress: Progress) -> None:
        account = self._load(account_id)
        ctx = self._planning()
        until = ctx.today + relativedelta(months=ctx.prefs.calendar_months)
        secret = self._secret(account)
        link = Link(account.kind, account.url, account.username, account.calendar_url,
                    account.calendar_name)  # fmt: skip
        try:
            remote, rotated = open_provider(
                link, secret, tzid=ctx.prefs.timezone, today=ctx.today, until=until,
                tokens=self._tokens,
            )  # fmt: skip
        except SyncError as exc:
            self._finish(account_id, error=str(exc))
            raise
        try:
            state = remote.marker()
            ctag, token = state if state is not None else ("", account.sync_token)
            if state is None:
                unchanged = False  # the changes request is itself the one cheap request
            elif token:
                unchanged = token == account.sync_token
            else:  # no sync-token support: the ctag still says whether anything changed
                unchanged = bool(ctag) and ctag == account.ctag
            if not unchanged:
                token = account.sync_token
                token = pull(self._sessions, account.id, remote, token, tally, ask, ctx)
            target = Target(account.id, account.keep_done, account.calendar_name, until)
            pusher = Pusher(self._sessions, remote, target, ctx, tally, ask=ask, progress=progress)
            if pusher.run():
                # Our own writes come back as changes; anything else in there is news.
                state = remote.marker()
                ctag = state[0] if state is not None else ""
                token = pull(self._sessions, account.id, remote, token, tally, ask, ctx)
            self._finish(account_id, token=token, ctag=ctag, error="")
        except SyncError as exc:
            self._finish(account_id, error=remote.safe(str(exc)))
            raise
        finally:
            remote.close()
            self._keep(account, rotated())

    def _secret(self, account: _Account) -> str:
        secret = self._secrets.get(account.secret_key)
        if secret:
            return secret
        if account.kind == "caldav":
            error = SyncError(
                _(
                    "no password for calendar account {id} (kept for a session that ended, or "
                    "removed from the keyring)"
                ).format(id=account.id),
                _(
                    "Enter it again in Calendar sync, or on the command line with `followup "
                    "account password {id}`."
                ).format(id=account.id),
            )
        else:
            error = SyncError(
                _(
                    "calendar account {id} is not signed in (the sign-in was kept for a "
                    "session that ended, or removed from the keyring)"
                ).format(id=account.id),
                _("Sign in again in Calendar sync, or with `followup account signin {id}`.").format(
                    id=account.id
                ),
            )
        self._finish(account.id, error=str(error))
        raise error

    def _keep(self, account: _Account, secret: str | None) -> None:
        """A sign-in renewed during the sync replaces the old one where it was kept."""
        if secret is not None:
            where = self._secrets.where(account.secret_key)
            self._secrets.put(account.secret_key, secret, session_only=where == "session")

    def _finish(self, account_id: int, *, error: str, token: str = "", ctag: str = "") -> None:
        with self._sessions.begin() as session:
            row = session.get(CalendarAccount, account_id)
            if row is None:
                return
            row.last_error = error
            if not error:
                row.sync_token, row.ctag, row.last_sync_at = token, ctag, real_now()

    # --- answers to "deleted in your calendar" ------------------------------------------
    def awaiting(self) -> list[TouchpointDTO]:
        """Planned touchpoints whose events were deleted in a calendar, not yet answered."""
        with self._sessions() as session:
            ids = sorted({item.touchpoint_id for item in repo.awaiting(session)})
            return [to_dto(row) for row in tp_repo.by_ids(session, ids)] if ids else []

    def resolve_deleted(self, touchpoint_ids: Collection[int], *, skip: bool) -> int:
        """Skip them here too, or keep them and put the events back on the next sync."""
        ctx = self._planning()
        done = 0
        with self._sessions.begin() as session:
            for item in repo.awaiting(session):
                if item.touchpoint_id not in touchpoint_ids:
                    continue
                row = session.get(Touchpoint, item.touchpoint_id)
                if row is not None and skip and row.status == Status.PLANNED:
                    skip_deleted(session, item, row, ctx)
                elif skip or row is None:
                    item.state = "removed"
                else:
                    note(
                        session, row.id, ctx.now, _("deleted in the calendar; kept here, put back")
                    )
                    session.delete(item)  # no record: the next sync creates the event again
                done += 1
        return done

    def history(self, touchpoint_id: int) -> list[HistoryEntry]:
        with self._sessions() as session:
            return [
                HistoryEntry(row.at, row.source, row.change)
                for row in repo.history(session, touchpoint_id)
            ]
