"""Drills on a real small disk (tmpfs): full, read-only; never called damaged, never emptied."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import build_context
from app.dto.customers import CustomerInput
from app.errors import StorageError
from app.services.backups import BackupService
from app.services.recovery import DamagedDatabase
from ui.main import main

pytestmark = pytest.mark.slow
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
NAMES = [f"Customer {number:03d}" for number in range(200)]


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 16 MB tmpfs, unmounted again however the test ends."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    point = Path(tempfile.mkdtemp(prefix="followup-disk-"))
    if not _mount("-t", "tmpfs", "-o", "size=16m", "tmpfs", str(point)):
        point.rmdir()
        pytest.skip("tmpfs cannot be mounted here (no CAP_SYS_ADMIN in this container?)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)
        with contextlib.suppress(OSError):
            point.rmdir()


def planner_on(disk: Path) -> tuple[Path, str]:
    """A closed planner with customers on the disk, and the name of a good backup of it."""
    path = disk / "planner.sqlite3"
    context = build_context(path, FixedClock(NOW))
    try:
        for name in NAMES:
            context.customers.add(CustomerInput(name=name))
        made = context.backups.create("manual")
    finally:
        context.close()
    return path, made.name


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out, contextlib.suppress(OSError):
        while True:
            out.write(b"\0" * 65536)
    with filler.open("ab", buffering=0) as out, contextlib.suppress(OSError):
        while True:
            out.write(b"\0" * 512)
    return filler


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def customer_names(capsys: pytest.CaptureFixture[str], path: Path) -> list[str]:
    code, out, err = cli(capsys, "--db", str(path), "customer", "list", "--json")
    assert code == 0, err
    return sorted(row["name"] for row in json.loads(out))


def test_a_full_disk_is_not_damage_and_nothing_is_moved_or_emptied(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, good = planner_on(small_disk)
    before = path.read_bytes()
    filler = fill(small_disk)
    with pytest.raises(StorageError, match="full") as caught:
        build_context(path, FixedClock(NOW))
    assert not isinstance(caught.value, DamagedDatabase)
    for args in (["customer", "list"], ["backup", "restore", good], ["backup", "salvage"]):
        code, out, err = cli(capsys, "--db", str(path), *args)
        assert (code, out, err.count("\n")) == (74, "", 1), (args, err)
        assert "full" in err and "damaged" not in err, err
    assert path.read_bytes() == before
    assert not list((small_disk / "backups").glob("*-damaged*"))
    filler.unlink()
    assert customer_names(capsys, path) == NAMES


def test_doctor_reports_the_full_disk(small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _good = planner_on(small_disk)
    fill(small_disk)
    code, out, _err = cli(capsys, "--db", str(path), "doctor", "--json")
    report = json.loads(out)
    assert code == 1 and report["storage"] == "disk full"
    assert report["disk_free_bytes"] < 64 * 1024
    assert not report["integrity"].startswith("damaged")


def test_a_read_only_folder_opens_for_reading_and_refuses_writes_plainly(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, good = planner_on(small_disk)
    assert _mount("-o", "remount,ro", str(small_disk))
    assert customer_names(capsys, path) == NAMES
    code, out, err = cli(capsys, "--db", str(path), "customer", "add", "--name", "New Person")
    assert (code, out, err.count("\n")) == (74, "", 1) and "read-only" in err
    for args in (["backup", "salvage"], ["backup", "restore", good], ["backup", "now"]):
        code, out, err = cli(capsys, "--db", str(path), *args)
        assert (code, out, err.count("\n")) == (74, "", 1), (args, err)
        assert "read-only" in err and "damaged" not in err
    code, out, _err = cli(capsys, "--db", str(path), "doctor", "--json")
    report = json.loads(out)
    assert report["storage"] == "read-only" and report["integrity"] == "ok"
    assert report["customers"] == len(NAMES)
    # The window cannot work read-only: it gets a plain StorageError, not the recovery choice.
    with pytest.raises(StorageError, match="read-only") as caught:
        build_context(path, FixedClock(NOW))
    assert not isinstance(caught.value, DamagedDatabase)


def test_restore_on_a_disk_too_small_for_the_copy_is_refused_before_any_change(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, good = planner_on(small_disk)
    service = BackupService(path, small_disk / "backups", FixedClock(NOW))
    spare = 48 * 1024
    filler = fill(small_disk)
    # Leave a little room: enough to open the file, not enough for a second copy.
    with filler.open("r+b") as out:
        out.truncate(max(0, filler.stat().st_size - spare))
    before = path.read_bytes()
    with pytest.raises(StorageError, match="free space"):
        service.restore(good)
    assert path.read_bytes() == before
    assert not list(small_disk.rglob("*partial*"))


def test_the_window_shows_a_plain_message_for_a_full_disk(
    small_disk: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    import ui.dialogs.recovery_dialog as recovery
    from ui.main_window import MainWindow
    from ui.startup import open_planner

    path, _good = planner_on(small_disk)
    fill(small_disk)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(recovery, "recover", lambda *_args: pytest.fail("recovery offered"))
    window = MainWindow()
    assert open_planner(window, path) is None
    assert len(shown) == 1 and "full" in shown[0] and "free" in shown[0]
    window.close()


@contextlib.contextmanager
def as_user(uid: int) -> Iterator[None]:
    """Run the block with another effective user (root can always switch back)."""
    os.seteuid(uid)
    try:
        yield
    finally:
        os.seteuid(0)


def test_a_file_without_write_permission_opens_read_only_and_says_permission(
    capsys: pytest.CaptureFixture[str],
) -> None:
    if os.geteuid() != 0:
        pytest.skip("switching to another user needs root")
    folder = Path(tempfile.mkdtemp(prefix="followup-perm-"))
    try:
        folder.chmod(0o755)
        path, _good = planner_on(folder)
        with as_user(65534):  # nobody: may read the files, not write them or the folder
            with pytest.raises(StorageError, match="no permission") as caught:
                build_context(path, FixedClock(NOW))
            assert not isinstance(caught.value, DamagedDatabase)
            context = build_context(path, FixedClock(NOW), allow_read_only=True)
            try:
                assert context.read_only and context.customers.count() == len(NAMES)
                with pytest.raises(Exception) as refused:
                    context.customers.add(CustomerInput(name="New Person"))
                from app.storage import as_storage_error

                message = str(as_storage_error(refused.value, path, "save the change"))
                assert "no permission" in message
                report = context.maintenance.doctor()
                assert report.storage == "permission denied" and report.integrity == "ok"
            finally:
                context.close()
        assert sorted(p.name for p in folder.iterdir()) == ["backups", "planner.sqlite3"]
    finally:
        shutil.rmtree(folder)
