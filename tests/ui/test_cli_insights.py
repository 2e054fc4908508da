"""followup insights and followup referral answer, as scripts use them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ui.main import main


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")

    def run(*args: str, ok: bool = True) -> Any:
        try:
            code = main(["--db", str(db_path), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err
            return json.loads(out)
        assert code != 0 and out == "" and err.count("\n") == 1, (code, out, err)
        return err

    run("settings", "set", "timezone", "Europe/Berlin")
    return run


def test_insights_prints_every_figure_with_its_percentages(cli: Any) -> None:
    customer = cli("customer", "add", "--name", "Ana Silva", "--key")["id"]
    sale = cli(
        "sale",
        "add",
        "--customer",
        str(customer),
        "--closed",
        "2026-11-20",
        "--outcome",
        "won",
        "--amount",
        "1200",
        "--delivery",
        "2026-11-27",
    )
    ask = next(item["id"] for item in sale["touchpoints"] if item["kind"] == "referral")
    answer = cli("referral", "answer", "--touchpoint", str(ask), "--given", "yes")
    assert answer["given"] is True and answer["touchpoint_id"] == ask
    found = cli("insights", "--from", "2026-11-01", "--to", "2026-11-20", "--json")
    assert (found["start"], found["end"]) == ("2026-11-01", "2026-11-20")
    assert len(found["weeks"]) == 3 and len(found["months"]) == 1
    assert found["after_sale"]["referral_asks"] == 1
    assert found["after_sale"]["referrals_given"] == 1
    share = found["key_share"]
    assert share["customers_percent"] == 100.0
    assert share["revenue"][0]["currency"] == "EUR" and share["revenue"][0]["key_percent"] == 100.0
    assert set(found) >= {"follow_through", "forgotten", "promises", "responsiveness"}
    quarter = cli("insights", "--period", "quarter")
    assert (quarter["start"], quarter["end"]) == ("2026-08-22", "2026-11-20")


@pytest.mark.parametrize(
    "args",
    [
        ("insights", "--from", "2026-11-20", "--to", "2026-11-01"),
        ("insights", "--from", "2026-11-01", "--to", "2026-12-01"),
        ("insights", "--to", "2026-11-01"),
        ("insights", "--period", "quarter", "--from", "2026-11-01"),
        ("insights", "--period", "decade"),
        ("insights", "--from", "someday"),
        ("referral", "answer", "--touchpoint", "999", "--given", "yes"),
    ],
)
def test_bad_input_gets_one_line(cli: Any, args: tuple[str, ...]) -> None:
    assert cli(*args, ok=False).startswith("followup: error:")
