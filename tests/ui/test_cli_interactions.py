"""CLI: interaction add --on and a next step; sale add --lost-reason."""

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
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err
            return json.loads(out) if out.strip().startswith(("{", "[")) else out
        assert code != 0 and out == "" and err.count("\n") == 1
        return err

    run("settings", "set", "timezone", "Europe/Berlin")
    run("customer", "add", "--name", "Ana Silva", "--company", "Acme", "--email", "a@acme.example")
    return run


def test_interaction_on_a_day_with_a_next_step(cli: Any) -> None:
    logged = cli(
        *("interaction", "add", "--customer", "1", "--summary", "Met at the fair"),
        *("--on", "2026-11-12", "--next-kind", "value_add", "--next-due", "2026-12-03"),
        *("--next-note", "Send the battery guide", "--next-channel", "letter"),
    )
    assert set(logged) == {"id", "next_step"}
    step = cli("touchpoint", "show", str(logged["next_step"]))
    assert (step["kind"], step["due"], step["channel"], step["customer_id"]) == (
        "value_add",
        "2026-12-03",
        "letter",
        1,
    )
    [listed] = cli("interaction", "list", "--customer", "1")
    assert listed["occurred_at"].startswith("2026-11-12")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "2026-11-21"], "cannot be in the future"),
        (["--next-kind", "check_in"], "needs both --next-kind and --next-due"),
        (["--next-note", "call"], "need --next-kind and --next-due"),
        (["--next-kind", "check_in", "--next-due", "2026-11-01"], "in the past"),
    ],
)
def test_bad_interaction_input_is_one_line_and_writes_nothing(
    cli: Any, args: list[str], message: str
) -> None:
    err = cli("interaction", "add", "--customer", "1", "--summary", "Spoke", *args, ok=False)
    assert message in err
    assert cli("interaction", "list", "--customer", "1") == []


def test_sale_add_takes_a_lost_reason(cli: Any) -> None:
    cli(
        *("sale", "add", "--customer", "1", "--closed", "2026-11-19", "--outcome", "lost"),
        *("--lost-reason", "no_decision", "--lost-note", "Board postponed"),
    )
    [sale] = cli("sale", "list", "--customer", "1")
    assert (sale["lost_reason"], sale["lost_note"]) == ("no_decision", "Board postponed")
    err = cli(
        *("sale", "add", "--customer", "1", "--closed", "2026-11-19", "--outcome", "won"),
        *("--lost-reason", "price"),
        ok=False,
    )
    assert "only a lost sale has a lost reason" in err
    err = cli(
        *("sale", "add", "--customer", "1", "--closed", "2026-11-19", "--outcome", "lost"),
        *("--delivery", "2026-12-01"),
        ok=False,
    )
    assert "a lost sale has no delivery to promise" in err
