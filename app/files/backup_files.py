"""Backup file names (time stamp and reason) and which backups to keep."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from app.dto.system import BackupInfo

SUFFIX = ".sqlite3"
# Start-up and "Back up now" copies are thinned out like restic's --keep-daily/weekly/monthly.
REGULAR = frozenset({"start", "manual"})
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
# Copies taken before something risky are kept for a while, then removed.
EVENT_REASONS = frozenset({"migration", "import", "before-restore"})
EVENT_DAYS = 30
# "damaged": a file that failed its check, moved aside; never deleted automatically.


def stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")


def _pattern(prefix: str) -> re.Pattern[str]:
    """<database name>-YYYYmmdd-HHMMSS-<reason>[-N].sqlite3, as the migration backups are named."""
    return re.compile(
        re.escape(prefix) + r"-(\d{8}-\d{6})-([a-z]+(?:-[a-z]+)*)(?:-(\d+))?\.sqlite3"
    )


def free_name(folder: Path, prefix: str, now: dt.datetime, reason: str) -> Path:
    """A name no other backup has: two backups in one second get -2, -3, ..."""
    base = f"{prefix}-{stamp(now)}-{reason}"
    candidate = folder / f"{base}{SUFFIX}"
    number = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".partial").exists():
        candidate = folder / f"{base}-{number}{SUFFIX}"
        number += 1
    return candidate


def parse(path: Path, prefix: str) -> BackupInfo | None:
    match = _pattern(prefix).fullmatch(path.name)
    if match is None:
        return None
    created = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
    try:
        stat = path.stat()
    except OSError:
        return None
    return BackupInfo(path.name, created, stat.st_size, match.group(2), path, stat.st_mtime_ns)


def listing(folder: Path, prefix: str) -> list[BackupInfo]:
    """The database's backups in the folder, newest first."""
    if not folder.is_dir():
        return []
    found = [info for path in folder.glob(f"{prefix}-*{SUFFIX}") if (info := parse(path, prefix))]
    return sorted(found, key=lambda info: (info.created, info.modified_ns), reverse=True)


def expired(backups: Sequence[BackupInfo], now: dt.datetime) -> list[BackupInfo]:
    """Backups the retention rules no longer keep (input newest first)."""
    regular = [info for info in backups if info.reason in REGULAR]
    keep: set[str] = set()
    for key, count in (
        (lambda d: d.date(), KEEP_DAILY),
        (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for info in regular:
            period = key(info.created)
            if period not in seen:
                if len(seen) == count:
                    break
                seen.append(period)
                keep.add(info.name)
    limit = now - dt.timedelta(days=EVENT_DAYS)
    return [
        info
        for info in backups
        if (info.reason in REGULAR and info.name not in keep)
        or (info.reason in EVENT_REASONS and info.created < limit)
    ]
