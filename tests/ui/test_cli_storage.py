"""CLI: doctor runs on a damaged file and reports the disk; salvage says how much it rescued."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_doctor_runs_on_a_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "planner.sqlite3"
    path.write_bytes(b"this is not a database" * 200)
    code, out, err = run(capsys, "--db", str(path), "doctor", "--json")
    assert code == 1 and err == ""
    report = json.loads(out)
    assert report["integrity"].startswith("damaged")
    assert report["schema_revision"] == "unreadable"


def test_doctor_reports_free_space_and_whether_the_folder_is_writable(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(db_path), "doctor", "--json")
    report = json.loads(out)
    assert code == 0 and report["integrity"] == "ok"
    assert report["storage"] == "writable"
    assert report["disk_free_bytes"] > 0 and report["backup_disk_free_bytes"] > 0
    code, out, _err = run(capsys, "--db", str(db_path), "doctor")
    assert "Free space" in out and "Folder" in out


def test_salvage_that_rescues_nothing_exits_non_zero_until_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "planner.sqlite3"
    garbage = b"\x00garbage" * 1000
    path.write_bytes(garbage)
    code, out, err = run(capsys, "--db", str(path), "backup", "salvage")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "nothing could be rescued" in err and "--accept-loss" in err
    assert path.read_bytes() == garbage
    code, out, err = run(capsys, "--db", str(path), "backup", "salvage", "--accept-loss")
    assert code == 0, err
    result = json.loads(out)
    assert result["rescued"] == 0 and result["kept"].endswith("-damaged.sqlite3")
