"""The scheduling CLI contract: sale add/update, agenda, touchpoint life, plans, settings, draft."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ui.main import main

AGENDA_KEYS = {"id", "uid", "customer_id", "sale_id", "kind", "channel", "due", "all_day",
               "status", "sequence", "title"}  # fmt: skip


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")

    def run(*args: str, ok: bool = True) -> Any:
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err
            return json.loads(out) if out.strip().startswith(("{", "[")) else out
        assert code != 0 and out == "" and err.count("\n") == 1
        return err

    run("settings", "set", "timezone", "Europe/Berlin")
    run("settings", "set", "holiday_country", "DE-BY")
    run("customer", "add", "--name", "Ana Silva", "--company", "Acme", "--email", "a@acme.example")
    return run


def test_sale_add_prints_id_and_touchpoints_and_agenda_lists_them(cli: Any) -> None:
    sale = cli(
        *("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won"),
        *("--amount", "12500", "--description", "Two forklifts", "--delivery", "2026-12-05"),
    )
    assert sale["id"] == 1
    kinds = [item["kind"] for item in sale["touchpoints"]]
    assert kinds[:2] == ["thank_you", "delivery_check"]
    agenda = cli("agenda", "--json", "--from", "2026-11-01", "--to", "2026-12-31")
    assert all(set(item) >= AGENDA_KEYS for item in agenda)
    check = next(item for item in agenda if item["kind"] == "delivery_check")
    assert check["due"] == "2026-12-07T10:00+01:00" and check["all_day"] is False
    assert check["sale_id"] == 1 and check["status"] == "planned" and check["sequence"] == 0
    assert check["title"] == "Delivery check call — Ana Silva (Acme)"
    thank_you = next(item for item in agenda if item["kind"] == "thank_you")
    assert thank_you["due"] == "2026-11-20" and thank_you["all_day"] is True


def test_touchpoint_life_and_sale_update(cli: Any) -> None:
    cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won",
        "--delivery", "2026-12-05")  # fmt: skip
    agenda = cli("agenda", "--json")
    thank_you, check = agenda[0], agenda[1]
    done = cli("touchpoint", "done", str(thank_you["id"]), "--note", "Sent", "--channel", "letter")
    assert done["status"] == "done" and done["channel"] == "letter"
    snoozed = cli("touchpoint", "snooze", str(check["id"]), "--days", "3")
    assert snoozed["due"].startswith("2026-12-10") and snoozed["sequence"] == 1
    moved = cli("sale", "update", "1", "--delivered", "2026-12-15")
    feedback = next(item for item in moved["touchpoints"] if item["kind"] == "feedback")
    assert feedback["due"] == "2027-01-15"
    skipped = cli("touchpoint", "skip", str(check["id"]), "--reason", "Went by myself")
    assert skipped["status"] == "skipped"
    everything = cli("agenda", "--json", "--all-statuses")
    assert {item["status"] for item in everything} == {"planned", "done", "skipped"}
    assert "Thank you for your order" in cli("draft", str(thank_you["id"]))
    assert cli("interaction", "add", "--customer", "1", "--summary", "Met at fair") == {"id": 2}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["sale", "add", "--customer", "9", "--closed", "2026-11-20", "--outcome", "won"],
            "customer 9",
        ),
        (
            ["sale", "add", "--customer", "1", "--closed", "20.11.2026", "--outcome", "won"],
            "not a date",
        ),
        (
            [
                "sale",
                "add",
                "--customer",
                "1",
                "--closed",
                "2026-11-20",
                "--outcome",
                "won",
                "--amount",
                "lots",
            ],
            "amount",
        ),
        (["touchpoint", "snooze", "99", "--days", "2"], "does not exist"),
        (["settings", "set", "timezone", "Mars/Olympus"], "unknown time zone"),
        (["settings", "set", "working_days", "mon,funday"], "working days"),
        (["settings", "set", "holiday_country", "XX"], "no public-holiday data"),
        (["plan", "show", "Nope"], "no plan named"),
    ],
)
def test_errors_exit_non_zero_with_one_line(cli: Any, args: list[str], message: str) -> None:
    try:
        err = cli(*args, ok=False)
    except SystemExit as exit_:  # argparse type errors exit from inside the parser
        assert exit_.code == 2
        return
    assert message in err
    assert cli("agenda", "--json") == [] or all(
        i["customer_id"] == 1 for i in cli("agenda", "--json")
    )


def test_plans_and_settings_as_json(cli: Any) -> None:
    plans = cli("plan", "list", "--json")
    assert [plan["name"] for plan in plans] == [
        "After a won sale",
        "After a lost sale",
        "Keep in touch",
    ]
    won = cli("plan", "show", "After a won sale", "--json")
    assert won["steps"][1]["offset"] == [1, "working_days"] and won["steps"][1]["time"] == "10:00"
    cli("settings", "set", "my_name", "Sam Seller")
    shown = cli("settings", "show", "--json")
    assert shown["timezone"] == "Europe/Berlin" and shown["my_name"] == "Sam Seller"
    assert shown["working_days"] == "mon,tue,wed,thu,fri" and shown["min_gap_days"] == 2
    cli("settings", "set", "holiday_country", "DE-BY")
    shown = cli("settings", "show", "--json")
    assert shown["holiday_country"] == "DE-BY" and shown["currency"] == "EUR"
    assert shown["names"]["holiday_country"] == "Germany — Bavaria"
    assert shown["names"]["timezone"].startswith("Berlin, Germany (UTC+0")
    assert shown["names"]["currency"] == "Euro"


def test_draft_edit_and_reset_from_the_command_line(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sale = cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won")
    thanks = str(sale["touchpoints"][0]["id"])
    shown = cli("draft", thanks, "--json")
    assert shown["form"] == "message" and not shown["edited"]
    # No profile yet: the draft says it is not signed, beside the text.
    assert "Not signed: your profile has no name." in shown["warnings"]
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ana,\n\nThank you!\n\nSam", encoding="utf-8")
    edited = cli("draft", "edit", thanks, "--subject", "Thanks, Ana", "--body-file", str(letter),
                 "--json")  # fmt: skip
    assert (edited["subject"], edited["body"], edited["edited"]) == (
        "Thanks, Ana",
        "Dear Ana,\n\nThank you!\n\nSam",
        True,
    )
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("Dear Ana,\n\nFrom stdin."))
    assert cli("draft", "edit", thanks, "--body-file", "-", "--json")["body"].endswith("stdin.")
    assert cli("draft", thanks).startswith("Subject: Thanks, Ana\n\nDear Ana,")
    back = cli("draft", "reset", thanks, "--json")
    assert back["body"] == shown["body"] and not back["edited"]
    assert "say what to change" in cli("draft", "edit", thanks, ok=False)
    assert "go with 'draft edit'" in cli("draft", thanks, "--subject", "x", ok=False)
    assert "not a file" in cli("draft", "edit", thanks, "--body-file", str(tmp_path), ok=False)


def test_touchpoint_undo_brings_back_a_skipped_follow_up(cli: Any) -> None:
    cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won")
    thank_you = cli("agenda", "--json")[0]
    cli("touchpoint", "skip", str(thank_you["id"]), "--reason", "Met at the fair")
    back = cli("touchpoint", "undo", str(thank_you["id"]))
    assert back["undone"] == "skip" and back["status"] == "planned" and back["skip_reason"] == ""
    assert back["due"] == thank_you["due"]
    error = cli("touchpoint", "undo", str(thank_you["id"]), ok=False)
    assert error == f"followup: error: Follow-up {thank_you['id']} has nothing to undo.\n"


def test_touchpoint_add_by_hand(
    cli: Any, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = cli(
        *("touchpoint", "add", "--customer", "1", "--due", "2026-11-24", "--time", "10:30"),
        *("--kind", "value_add", "--note", "Send the brochure"),
    )
    assert (added["kind"], added["channel"], added["due"]) == (
        "value_add",
        "email",
        "2026-11-24T10:30+01:00",
    )
    assert added["subject"] == "Send the brochure" and added["status"] == "planned"
    assert added["id"] in [item["id"] for item in cli("agenda", "--json")]
    capsys.readouterr()
    args = ("touchpoint", "add", "--customer", "1", "--due", "2026-11-28", "--kind", "check_in")
    assert main(["--db", str(db_path), *args]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["due"] == "2026-11-28"
    assert (
        err
        == "followup: note: Saturday 28 November 2026 is a day off; the follow-up stays on it.\n"
    )
    error = cli("touchpoint", "add", "--customer", "1", "--due", "2026-11-24", "--time", "7:5x",
                "--kind", "check_in", ok=False)  # fmt: skip
    assert "is not a time (HH:MM)" in error
    error = cli("touchpoint", "add", "--customer", "1", "--due", "2026-11-24", "--time", "19:00",
                "--kind", "check_in", ok=False)  # fmt: skip
    assert error.startswith("followup: error: 19:00 is outside working hours")


def test_touchpoint_undo_of_an_added_follow_up_removes_it(cli: Any) -> None:
    added = cli("touchpoint", "add", "--customer", "1", "--due", "2026-11-24", "--kind", "referral")
    assert cli("touchpoint", "undo", str(added["id"])) == {
        "id": added["id"],
        "undone": "add follow-up",
        "removed": True,
    }
    assert added["id"] not in [item["id"] for item in cli("agenda", "--json")]
