"""The CLI contract for promises, requests, feedback, partners, declines and the library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ui.main import main

AGENDA_KEYS = {"id", "uid", "customer_id", "sale_id", "kind", "channel", "due", "all_day",
               "status", "sequence", "title", "subject"}  # fmt: skip


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")  # a Friday; 09:00 UTC is 10:00 in Berlin

    def run(*args: str, ok: bool = True) -> Any:
        try:
            code = main(["--db", str(db_path), *args])
        except SystemExit as exc:  # usage errors: argparse exits
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err
            return json.loads(out)
        assert code != 0 and out == "" and err.count("\n") == 1, (code, out, err)
        return err

    run("settings", "set", "timezone", "Europe/Berlin")
    run("settings", "set", "holiday_country", "DE-BY")
    run("customer", "add", "--name", "Ana Silva", "--company", "Acme", "--industry", "Logistics",
        "--tags", "Forklifts,safety")  # fmt: skip
    return run


def test_commitment_at_risk_plans_the_recovery_in_agenda_shape(cli: Any) -> None:
    assert cli("commitment", "add", "--customer", "1", "--due", "2026-11-27",
               "--text", "Install charger", "--buffer-days", "2") == {"id": 1}  # fmt: skip
    [listed] = cli("commitment", "list", "--json")
    assert (listed["status"], listed["due"], listed["buffer_days"]) == ("on_track", "2026-11-27", 2)
    risk = cli("commitment", "at-risk", "1", "--note", "Supplier late")
    assert risk["id"] == 1 and risk["status"] == "at_risk"
    steps = {item["subject"].split(" ")[0]: item for item in risk["touchpoints"]}
    assert all(set(item) >= AGENDA_KEYS and item["kind"] == "recovery" for item in steps.values())
    assert steps["Alert"]["due"] == "2026-11-20T10:00+01:00"
    assert steps["Call"]["due"] == "2026-11-20T10:30+01:00" and steps["Call"]["channel"] == "phone"
    assert steps["Send"]["due"] == "2026-11-20T11:30+01:00" and steps["Send"]["channel"] == "email"
    agenda = cli("agenda", "--json", "--to", "2026-11-30")
    assert {item["id"] for item in agenda if item["kind"] == "recovery"} == {
        item["id"] for item in risk["touchpoints"]
    }
    assert cli("commitment", "kept", "1")["outcome"] == "kept"
    assert cli("commitment", "record") == {"kept": 1, "broken": 0, "recovered": 0, "open": 0,
                                           "at_risk": 0}  # fmt: skip
    cli("commitment", "add", "--customer", "1", "--due", "2026-11-30", "--text", "Quote")
    assert cli("commitment", "broken", "2")["outcome"] == "broken"


def test_sale_delivery_is_a_commitment_and_delivered_late_breaks_it(cli: Any) -> None:
    cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won",
        "--description", "Two forklifts", "--delivery", "2026-11-25")  # fmt: skip
    [promise] = cli("commitment", "list")
    assert (promise["text"], promise["due"], promise["sale_id"]) == (
        "Deliver Two forklifts", "2026-11-25", 1
    )  # fmt: skip
    cli("sale", "update", "1", "--delivered", "2026-11-26")
    assert cli("commitment", "list")[0]["outcome"] == "broken"


def test_request_add_and_answer(cli: Any) -> None:
    added = cli("request", "add", "--customer", "1", "--summary", "Quote for pallets",
                "--channel", "phone")  # fmt: skip
    assert added["id"] == 1 and added["due"] == "2026-11-20T14:00+01:00"
    [item] = [i for i in cli("agenda", "--json") if i["kind"] == "request"]
    assert item["due"] == added["due"] and item["title"].startswith("Answer request: Quote")
    [open_request] = cli("request", "list", "--json")
    assert open_request["overdue"] is False
    answered = cli("request", "answer", "1", "--note", "Called back")
    assert answered["answered"] is not None and cli("request", "list") == []
    assert [i for i in cli("agenda", "--json") if i["kind"] == "request"] == []


def test_feedback_low_score_replaces_the_referral_ask_with_a_recovery_call(cli: Any) -> None:
    cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won",
        "--delivery", "2026-11-25")  # fmt: skip
    agenda = cli("agenda", "--json", "--to", "2027-12-31")
    feedback = next(item for item in agenda if item["kind"] == "feedback")
    result = cli("feedback", "add", "--touchpoint", str(feedback["id"]), "--score", "1",
                 "--note", "Bad")  # fmt: skip
    assert [item["kind"] for item in result["skipped"]] == ["referral"]
    assert [(item["kind"], item["due"][:10]) for item in result["added"]] == [
        ("recovery", "2026-11-23")
    ]
    after = cli("agenda", "--json", "--to", "2027-12-31")
    assert not [item for item in after if item["kind"] == "referral"]


def test_partner_decline_and_library(cli: Any) -> None:
    assert cli("partner", "add", "--name", "Lea", "--covers", "leasing, insurance",
               "--trusted") == {"id": 1}  # fmt: skip
    cli("partner", "add", "--name", "Ulf", "--covers", "leasing")
    assert [p["name"] for p in cli("partner", "list", "--field", "leasing")] == ["Lea"]
    declined = cli("decline", "add", "--summary", "Lease 3 trucks", "--reason", "no_capacity",
                   "--source", "Fair", "--partner", "1", "--come-back", "2027-01-11",
                   "--customer", "1")  # fmt: skip
    assert declined["touchpoint"]["subject"] == "Come back: Lease 3 trucks"
    assert declined["touchpoint"]["kind"] == "check_in"
    assert cli("library", "add", "--title", "Award", "--url", "https://x.example",
               "--tags", "forklifts") == {"id": 1}  # fmt: skip
    cli("library", "add", "--title", "Bakery news", "--industries", "food")
    suggested = cli("library", "suggest", "--customer", "1", "--json")
    assert [(item["id"], item["title"]) for item in suggested] == [(1, "Award")]
    cli("library", "send", "1", "--customer", "1")
    assert cli("library", "suggest", "--customer", "1", "--json") == []
    customer = cli("customer", "show", "1")
    assert customer["industry"] == "Logistics" and customer["tags"] == ["forklifts", "safety"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["commitment", "add", "--customer", "9", "--due", "2026-12-01", "--text", "x"],
         "customer 9"),
        (["commitment", "add", "--customer", "1", "--due", "someday", "--text", "x"],
         "not a date"),
        (["commitment", "add", "--customer", "1", "--due", "2026-12-01", "--text", "x",
          "--buffer-days", "-2"], "buffer"),
        (["commitment", "at-risk", "7"], "commitment 7"),
        (["request", "add", "--customer", "1", "--summary", "  "], "summary"),
        (["request", "answer", "3"], "request 3"),
        (["feedback", "add", "--touchpoint", "1", "--score", "6"], "invalid choice"),
        (["partner", "add", "--name", ""], "name"),
        (["decline", "add", "--summary", "x", "--reason", "bored"], "invalid choice"),
        (["decline", "add", "--summary", "x", "--reason", "no_capacity",
          "--come-back", "2027-01-11"], "customer"),
        (["library", "add", "--title", "x", "--url", "javascript:alert(1)"], "web address"),
        (["library", "send", "1", "--customer", "1"], "library item 1"),
    ],
)  # fmt: skip
def test_errors_are_one_line_and_write_nothing(cli: Any, args: list[str], message: str) -> None:
    assert message in cli(*args, ok=False)
    assert cli("commitment", "list") == [] and cli("request", "list") == []
    assert cli("partner", "list") == [] and cli("decline", "list") == []
    assert cli("library", "list") == []
