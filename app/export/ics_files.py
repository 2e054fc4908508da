"""Write events to one .ics file, or to numbered parts when one file would pass ~1 MB."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from app.export.calendar_event import CalendarEvent
from app.export.ics_writer import CALENDAR_FOOTER, DEFAULT_PRODID, calendar_header
from app.export.safe_file_name import safe_base_name
from app.export.vevent_encoder import EventEncoder, TzMode

# Google's web import refuses files over about 1 MB.
GOOGLE_IMPORT_LIMIT = 1_000_000


def write_calendar_files(
    events_sorted_by_start: Iterable[CalendarEvent],
    folder: Path,
    base_name: str,
    max_bytes: int = GOOGLE_IMPORT_LIMIT,
    *,
    calendar_name: str,
    tz_mode: TzMode,
    tzid: str,
    dtstamp: datetime,
    prodid: str = DEFAULT_PRODID,
) -> list[Path]:
    """Write `base.ics`, or `base-1.ics` ... `base-N.ics` when the events need more room.

    Each part is a complete VCALENDAR (header and VTIMEZONE repeated) of at most max_bytes,
    holding whole events in the given order, so sorted input gives consecutive date ranges;
    the only exception is a single event bigger than a part, which gets a part of its own.
    Parts are written under temporary names and renamed at the end, so a failed export
    leaves no half-written calendar behind. Existing files with the final names are replaced,
    and calendars of an earlier export under the same base name that this one does not
    rewrite (`base-3.ics` after a 2-part export, `base.ics` after a split) are removed:
    importing the folder must not bring back stale events. Only files we wrote go.
    """
    encoder = EventEncoder(tz_mode, tzid, dtstamp)
    header = calendar_header(
        calendar_name=calendar_name, tz_mode=tz_mode, tzid=tzid, dtstamp=dtstamp, prodid=prodid
    )
    if len(header) + len(CALENDAR_FOOTER) >= max_bytes:
        raise ValueError(f"max_bytes={max_bytes} leaves no room for events")
    name = safe_base_name(base_name)
    partials: list[Path] = []
    out: BinaryIO | None = None
    size = 0
    try:
        for event in events_sorted_by_start:
            data = encoder.encode(event)
            if out is None or size + len(data) + len(CALENDAR_FOOTER) > max_bytes:
                if out is not None and size > len(header):
                    out.write(CALENDAR_FOOTER)
                    out.close()
                    out = None
                if out is None:
                    partials.append(folder / f".{name}-{len(partials) + 1}.ics.partial")
                    out = partials[-1].open("wb")
                    out.write(header)
                    size = len(header)
            out.write(data)
            size += len(data)
        if out is None:
            partials.append(folder / f".{name}-1.ics.partial")
            out = partials[-1].open("wb")
            out.write(header)
        out.write(CALENDAR_FOOTER)
        out.close()
    except BaseException:
        if out is not None:
            out.close()
        for partial in partials:
            partial.unlink(missing_ok=True)
        raise
    return _publish(partials, folder, name, prodid)


def _publish(partials: list[Path], folder: Path, name: str, prodid: str) -> list[Path]:
    if len(partials) == 1:
        finals = [folder / f"{name}.ics"]
    else:
        finals = [folder / f"{name}-{index}.ics" for index in range(1, len(partials) + 1)]
    for partial, final in zip(partials, finals, strict=True):
        partial.replace(final)
    for stale in set(existing_calendars(folder, name, prodid)) - set(finals):
        stale.unlink(missing_ok=True)
    return finals


def existing_calendars(folder: Path, base_name: str, prodid: str = DEFAULT_PRODID) -> list[Path]:
    """`base.ics` and `base-N.ics` in folder that this app wrote (its PRODID near the top)."""
    name = safe_base_name(base_name)
    pattern = re.compile(rf"{re.escape(name)}(?:-[1-9][0-9]{{0,5}})?\.ics")
    marker = f"PRODID:{prodid}".encode()
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        # A link is never followed: what it points at was not written here.
        if not pattern.fullmatch(path.name) or path.is_symlink() or not path.is_file():
            continue
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)
        except OSError:
            continue
        if head.startswith(b"BEGIN:VCALENDAR") and marker in head:
            found.append(path)
    return sorted(found, key=lambda path: (len(path.name), path.name))  # base-2 before base-10
