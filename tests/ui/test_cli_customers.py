"""The CLI contract scripts rely on: customer add/list, doctor, errors, no Qt loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ui.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_then_list_as_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", str(db_path), "customer", "add", "--name", "Ana Silva",
        "--company", "Acme", "--email", "ana@acme.example", "--phone", "+49 170 1",
        "--channel", "letter", "--birthday", "1980-02-29", "--key", "--source", "fair",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == {"id": 1}
    code, out, _ = run(capsys, "--db", str(db_path), "customer", "list", "--json")
    [row] = json.loads(out)
    assert row["id"] == 1 and row["name"] == "Ana Silva" and row["company"] == "Acme"
    assert row["email"] == "ana@acme.example" and row["phone"] == "+49 170 1"
    assert row["channel"] == "letter" and row["key"] is True
    assert row["birthday"] == "1980-02-29"


def test_list_search(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("Ana Silva", "Ben Okafor", "Anabel Ruiz"):
        run(capsys, "--db", str(db_path), "customer", "add", "--name", name)
    _, out, _ = run(capsys, "--db", str(db_path), "customer", "list", "--json", "--search", "ana")
    assert [row["name"] for row in json.loads(out)] == ["Ana Silva", "Anabel Ruiz"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", ""], "name must not be empty"),
        (["--name", "X", "--email", "nope"], "not an e-mail address"),
        (["--name", "X", "--birthday", "1980-13-01"], "not a real date"),
        (["--name", "X", "--channel", "fax"], "invalid choice"),
    ],
)
def test_invalid_input_exits_non_zero_with_one_line_and_writes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "customer", "add", *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err
    _, out, _ = run(capsys, "--db", str(db_path), "customer", "list", "--json")
    assert json.loads(out) == []


def test_doctor_reports_database_schema_integrity_backups_keyring(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "doctor", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["database"] == str(db_path.resolve())
    assert report["schema_revision"] == report["schema_head"]
    assert report["integrity"] == "ok"
    assert report["backup_dir"] == str(db_path.resolve().parent / "backups")
    assert report["keyring_backend"]


def test_console_script_runs_the_cli_without_loading_qt(tmp_path: Path) -> None:
    probe = (
        "import sys; from ui.main import main; code = main(sys.argv[1:]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'; "
        "sys.exit(code)"
    )
    db = tmp_path / "cli.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(db), "customer", "add", "--name", "Zoë"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"id": 1}
    version = subprocess.run(
        [sys.executable, "-m", "ui.main", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("followup ")


def test_job_title_and_address_are_added_edited_and_shown(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(db_path))
    run(capsys, *db, "customer", "add", "--name", "Maria Becker", "--job-title", "CFO",
        "--street", "Hauptstraße 5\nGebäude B", "--postal-code", "80331", "--city", "München",
        "--country", "Germany")  # fmt: skip
    code, out, _ = run(capsys, *db, "customer", "edit", "1", "--region", "Bayern")
    shown = json.loads(out)
    assert code == 0 and shown["job_title"] == "CFO"
    assert shown["address"] == {
        "street": "Hauptstraße 5\nGebäude B", "postal_code": "80331", "city": "München",
        "region": "Bayern", "country": "Germany",
    }  # fmt: skip
    code, out, _ = run(capsys, *db, "customer", "edit", "1", "--job-title", "")
    assert json.loads(out)["job_title"] == ""


def test_list_shows_and_sorts_by_next_follow_up_and_last_contact(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")
    db = ("--db", str(db_path))
    run(capsys, *db, "customer", "add", "--name", "Ana Silva")
    run(capsys, *db, "customer", "add", "--name", "Ben Okafor", "--do-not-contact")
    run(
        capsys, *db, "interaction", "add", "--customer", "2", "--summary", "x", "--on", "2026-06-01"
    )
    _, out, _ = run(capsys, *db, "customer", "list", "--sort", "last-contact")
    rows = json.loads(out)
    assert [(row["name"], row["last_contact"]) for row in rows] == [
        ("Ana Silva", None),
        ("Ben Okafor", "2026-06-01"),
    ]
    _, out, _ = run(capsys, *db, "customer", "list", "--sort", "next-follow-up")
    rows = json.loads(out)
    # Ana has her keep-in-touch check-in; Ben asked not to be contacted: nothing planned.
    assert [row["name"] for row in rows] == ["Ana Silva", "Ben Okafor"]
    assert rows[0]["next_follow_up"] > "2026-11-20" and rows[1]["next_follow_up"] is None
