"""Where an export may write: a sanitised name inside the folder the user chose, atomically."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from app.errors import KnownError, ValidationError
from app.export.safe_file_name import safe_base_name
from app.i18n import _
from app.paths import expand_home


def export_target(out: Path, extension: str) -> Path:
    """out's folder (resolved) + a safe file name with the extension; refuses escapes."""
    check_output(out)
    folder = expand_home(out.parent if str(out.parent) else Path()).resolve()
    stem = out.name[: -len(extension)] if out.name.lower().endswith(extension) else out.name
    target = folder / (safe_base_name(stem) + extension)
    # A link planted under the chosen name must not carry the export somewhere else.
    if target.is_symlink() or target.resolve().parent != folder:
        raise KnownError(
            _("will not write through the link {target}").format(target=target),
            _("Choose another name."),
        )
    return target


def check_output(out: Path) -> None:
    """An export writes a file: refuse an empty name (it would become a made-up one in the
    current folder) and a folder (it would become a file named after it)."""
    if not out.name.strip() or expand_home(out).is_dir():
        shown = str(out).strip() or "an empty name"
        raise ValidationError(
            _("{shown} is not a file to write to").format(shown=shown), _("Choose a file name.")
        )


@contextlib.contextmanager
def atomic_writer(
    target: Path, encoding: str = "utf-8", newline: str | None = None, errors: str = "strict"
) -> Iterator[IO[str]]:
    """A text file written under a temporary name and renamed at the end (no half files)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KnownError(
            _("cannot create the folder {parent}: {strerror}").format(
                parent=target.parent, strerror=exc.strerror
            )
        ) from exc
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding=encoding, newline=newline, errors=errors) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise KnownError(
            _("cannot write {target}: {error}").format(target=target, error=exc.strerror or exc)
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
