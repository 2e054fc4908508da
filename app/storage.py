"""Storage problems as messages that say what to do: disk full, read-only, no permission."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from app.errors import KnownError, StorageError
from app.i18n import N_, _
from models.storage import (
    FULL,
    IO,
    PERMISSION,
    READ_ONLY,
    StorageProblem,
    folder_state,
    problem_from,
)

NOTHING_CHANGED = N_("Your data was not changed.")


def size_text(count: int) -> str:
    """Bytes as people read them: 512 KB, 3.4 MB, 1.2 GB."""
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("bytes", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def storage_error(problem: StorageProblem, doing: str) -> StorageError:
    """The one line the user sees; doing says what could not be done ("open the planner")."""
    folder = problem.path.parent
    # `doing` travels as the English phrase marked with N_() where it was chosen.
    doing = _(doing)
    if problem.kind == FULL:
        free = size_text(folder_state(folder).free_bytes)
        return StorageError(
            _("cannot {doing}: the disk holding {folder} is full ({free} free).").format(
                doing=doing, folder=folder, free=free
            ),
            _("Free some space on that disk and try again.") + " " + _(NOTHING_CHANGED),
        )
    if problem.kind == READ_ONLY:
        return StorageError(
            _("cannot {doing}: {folder} is on a read-only disk or folder.").format(
                doing=doing, folder=folder
            ),
            _(
                "Make it writable, or copy the planner file to a writable folder and open that "
                "copy with --db. The command line can still read it."
            )
            + " "
            + _(NOTHING_CHANGED),
        )
    if problem.kind == PERMISSION:
        return StorageError(
            _("cannot {doing}: no permission to write in {folder}.").format(
                doing=doing, folder=folder
            ),
            _(
                "Ask for write access or copy the file to a folder of your own and open it "
                "with --db."
            )
            + " "
            + _(NOTHING_CHANGED),
        )
    assert problem.kind == IO
    return StorageError(
        _("cannot {doing}: the disk reported an input/output error on {path} ({detail}).").format(
            doing=doing, path=problem.path, detail=problem.detail
        ),
        _(
            "Check the disk (`followup doctor` shows its state) and copy your backups to "
            "another disk. The file was not moved or changed."
        ),
    )


def as_storage_error(exc: BaseException, path: Path, doing: str) -> StorageError | None:
    """exc as a StorageError when the disk or folder caused it, else None."""
    problem = problem_from(exc, path)
    return None if problem is None else storage_error(problem, doing)


def free_space(folder: Path) -> int:
    return folder_state(folder).free_bytes


def room_for(folder: Path, needed: int, doing: str) -> None:
    """Refuse with a StorageError, before anything is written, when folder cannot take needed."""
    problem = folder_state(folder).problem
    if problem in (READ_ONLY, PERMISSION):
        raise storage_error(StorageProblem(problem, folder / "-", "checked first"), doing)
    free = free_space(folder)
    if free < needed:
        raise StorageError(
            _(
                "cannot {doing}: not enough free space in {folder} "
                "(needs {needed}, {free} free; the disk is full)."
            ).format(doing=_(doing), folder=folder, needed=size_text(needed), free=size_text(free)),
            _("Free some space on that disk and try again.") + " " + _(NOTHING_CHANGED),
        )


def report_storage(engine: Engine, path: Path) -> Engine:
    """Make every statement on `engine` raise StorageError when the disk refused it (full,
    read-only, no permission, I/O error): one place for every service, task and face."""

    def to_storage_error(context: ExceptionContext) -> BaseException | None:
        if isinstance(getattr(context, "chained_exception", None), KnownError):
            return None  # already said plainly (busy)
        problem = problem_from(context.original_exception, path)
        if problem is None:
            return None
        doing = N_("use the planner file") if problem.kind == IO else N_("save the change")
        error = storage_error(problem, doing)
        error.__cause__ = context.original_exception
        return error

    event.listen(engine, "handle_error", to_storage_error)
    return engine


def file_error(exc: BaseException) -> KnownError | None:
    """An OSError about a file the user named (too long a name, no such folder, a folder
    where a file belongs) as the one line they see; None for anything else."""
    if not isinstance(exc, OSError) or not exc.filename:
        return None
    name = os.fsdecode(exc.filename)
    short = name if len(name) <= 80 else name[:79] + "…"
    return KnownError(
        _("cannot use {name}: {error}.").format(name=short, error=exc.strerror or exc),
        _(NOTHING_CHANGED),
    )
