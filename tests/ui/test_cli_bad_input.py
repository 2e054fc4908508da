"""Issue #13 items 11, 17, 18: every bad value the adversarial run found gets one line, exit 2,
and leaves the file as it was; the values at the edges that are fine keep working."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ui.main import main

HUGE = "99999999999999999999999"


def snapshot(db: Path) -> list[str]:
    """Every row of every table: equal before and after means nothing was written."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return list(conn.iterdump())


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")

    def run(*args: str) -> Any:
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        assert code == 0, err
        return json.loads(out) if out.strip().startswith(("{", "[")) else out

    return run


@pytest.fixture
def refused(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run a command that must fail with exit 2, one line and no change to the file."""
    # The first open of the file adds the built-in plans: not a write of the command tested.
    assert main(["--db", str(db_path), "customer", "list"]) == 0
    capsys.readouterr()

    def run(*args: str, message: str = "") -> str:
        before = snapshot(db_path)
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        assert (code, out) == (2, ""), err
        assert err.count("\n") == 1 and "internal error" not in err, err
        assert message in err, err
        assert snapshot(db_path) == before
        return err

    return run


@pytest.fixture
def sold(cli: Any) -> dict[str, int]:
    cli("customer", "add", "--name", "Maria Becker", "--email", "maria@example.com")
    sale = cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won")
    return {"customer": 1, "sale": sale["id"], "touchpoint": sale["touchpoints"][0]["id"]}


@pytest.mark.parametrize(
    "args",
    [
        ["customer", "show", HUGE],
        ["customer", "show", "18446744073709551616"],
        ["customer", "edit", "-1", "--name", "X"],
        ["touchpoint", "done", "9223372036854775808"],
        ["draft", "0"],
        ["sale", "list", "--customer", HUGE],
        ["library", "send", HUGE, "--customer", "1"],
        ["account", "remove", HUGE],
    ],
)
def test_ids_past_64_bits_or_below_one_are_refused(
    sold: dict[str, int], refused: Any, args: list[str]
) -> None:
    refused(*args, message="not a valid id")


@pytest.mark.parametrize(
    "args",
    [
        ["sale", "add", "--customer", "1", "--closed", "9999-12-31", "--outcome", "won"],
        ["sale", "add", "--customer", "1", "--closed", "0001-01-01", "--outcome", "won"],
        ["sale", "update", "1", "--delivery", "9999-12-31"],
        ["commitment", "add", "--customer", "1", "--due", "9999-12-31", "--text", "x"],
        ["touchpoint", "snooze", "1", "--until", "9999-12-31"],
        ["library", "add", "--title", "x", "--kind", "article", "--expires", "0001-01-01"],
        ["agenda", "--from", "0001-01-01"],
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_refused(
    sold: dict[str, int], refused: Any, args: list[str]
) -> None:
    refused(*args, message="out of range")


def test_a_pinned_today_at_the_end_of_the_calendar_is_one_line(
    sold: dict[str, int], refused: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWUP_TODAY", "9999-12-30")
    refused("agenda", message="FOLLOWUP_TODAY")
    refused("sale", "add", "--customer", "1", "--closed", "2026-01-01", "--outcome", "won")


def test_dates_within_the_years_a_plan_works_with_are_fine(sold: dict[str, int], cli: Any) -> None:
    sale = cli("sale", "add", "--customer", "1", "--closed", "2200-12-31", "--outcome", "won")
    assert sale["touchpoints"]
    assert cli("agenda", "--from", "1900-01-01", "--to", "2200-12-31")


@pytest.mark.parametrize("name", ["localtime", "posixrules", "Factory", "right/UTC", "A" * 130_000])
def test_time_zones_that_are_no_place_are_refused(
    sold: dict[str, int], refused: Any, name: str
) -> None:
    err = refused("settings", "set", "timezone", name, message="unknown time zone")
    assert len(err) < 300


def test_days_off_that_leave_no_working_day_for_two_years_are_refused(
    sold: dict[str, int], refused: Any
) -> None:
    import datetime as dt

    start = dt.date(2027, 1, 1)
    days = ",".join((start + dt.timedelta(days=n)).isoformat() for n in range(800))
    refused("settings", "set", "days_off", days, message="no working day for two years")


@pytest.mark.parametrize("name", ["\u200b", "\ufeff\u200e", " \u2060 "])
def test_a_name_of_only_invisible_characters_is_empty(refused: Any, name: str) -> None:
    refused("customer", "add", "--name", name, message="name must not be empty")


def test_restoring_a_customer_not_in_the_trash_is_refused(
    sold: dict[str, int], refused: Any
) -> None:
    refused("customer", "restore", "1", message="not in the trash")


@pytest.mark.parametrize(
    "args",
    [
        ["touchpoint", "done", "{tp}"],
        ["touchpoint", "skip", "{tp}"],
        ["touchpoint", "snooze", "{tp}", "--days", "2"],
    ],
)
def test_follow_ups_of_a_trashed_customer_cannot_be_acted_on(
    sold: dict[str, int], cli: Any, refused: Any, args: list[str]
) -> None:
    cli("customer", "delete", "1")
    refused(*(arg.format(tp=sold["touchpoint"]) for arg in args), message="in the trash")
    cli("customer", "restore", "1")
    cli(*(arg.format(tp=sold["touchpoint"]) for arg in args))


def test_buffer_days_below_zero_name_the_real_bound(sold: dict[str, int], refused: Any) -> None:
    refused(
        "commitment", "add", "--customer", "1", "--due", "2026-12-10", "--text", "x",
        "--buffer-days", "-1", message="between 0 and",
    )  # fmt: skip


def test_sync_session_only_with_no_account_says_there_is_none(refused: Any) -> None:
    refused("sync", "--session-only", message="no calendar account")


def test_doctor_reports_a_keyring_backend_that_cannot_load(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_module.Keyring")
    # keyring picks its backend once per process: let it pick again from the variable.
    monkeypatch.setattr("keyring.core._keyring_backend", None)
    assert main(["--db", str(db_path), "doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["keyring_secure"] is False
    assert "could not be loaded" in report["keyring_backend"]


def test_a_keyring_backend_that_cannot_load_refuses_a_password_in_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.secrets import SecretStore

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_module.Keyring")
    monkeypatch.setattr("keyring.core._keyring_backend", None)
    with pytest.raises(Exception, match="could not be loaded") as refusal:
        SecretStore().put("caldav:x", "secret")
    assert type(refusal.value).__name__ == "NoSecureStore"


def test_drafts_read_well_without_a_description_or_a_delivery_date(
    sold: dict[str, int], cli: Any
) -> None:
    text = cli("draft", str(sold["touchpoint"]))
    assert not [line for line in text.splitlines() if "  " in line.strip()], text
    assert ": ," not in text and " for ." not in text
    assert "To confirm what we agreed: your order, with delivery on" in text
    # No profile yet: the contact block's heading ends its sentence instead of a colon.
    assert "you can reach me directly.\n\nWith thanks" in text
    sale = cli(
        "sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won",
        "--delivery", "2026-11-27",
    )  # fmt: skip
    [call] = [row["id"] for row in sale["touchpoints"] if row["kind"] == "delivery_check"]
    assert "make sure your order arrived as promised" in cli("draft", str(call))


def _export(tmp_path: Path, cli: Any) -> dict[str, Any]:
    cli("export", "json", "--out", str(tmp_path / "all.json"))
    data: dict[str, Any] = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda rows: rows[0].__setitem__(0, 10**30), "out of range"),
        (lambda rows: rows[0].__setitem__(1, {"nested": [[1]]}), "one value belongs"),
        (lambda rows: rows[0].__setitem__(0, "seven"), "whole number"),
        (lambda rows: rows.__setitem__(0, [1]), "list of"),
    ],
)
def test_a_json_export_with_values_no_column_holds_is_refused(
    sold: dict[str, int], cli: Any, tmp_path: Path, template_db: Path,
    capsys: pytest.CaptureFixture[str], change: Any, message: str,
) -> None:  # fmt: skip
    data = _export(tmp_path, cli)
    change(data["tables"]["customer"]["rows"])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    fresh.write_bytes(template_db.read_bytes())
    assert main(["--db", str(fresh), "customer", "list"]) == 0  # adds the built-in plans
    before = snapshot(fresh)
    assert main(["--db", str(fresh), "import", str(bad), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "table customer" in err, err
    assert snapshot(fresh) == before


def test_deeply_nested_json_is_not_an_export(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(deep), "--format", "json"]) == 2
    assert "nested too deeply" in capsys.readouterr().err


def test_stored_settings_this_version_cannot_read_fall_back_to_defaults(
    sold: dict[str, int], cli: Any, db_path: Path
) -> None:
    with contextlib.closing(sqlite3.connect(db_path)) as conn, conn:
        for key, value in {
            "days_off": '["not a date"]', "working_days": "[9]", "timezone": '"localtime"',
            "currency": "[1, 2]", "work_start": "42",
        }.items():  # fmt: skip
            conn.execute(
                "INSERT OR REPLACE INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)",
                (key, value, "2026-11-20 09:00:00"),
            )
    shown = cli("settings", "show", "--json")
    assert shown["days_off"] == "" and shown["working_days"] == "mon,tue,wed,thu,fri"
    assert shown["timezone"] != "localtime" and shown["currency"] == "EUR"
