"""followup customer add/edit --language: the language drafts to a customer are written in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import build_context
from app.secrets import MemorySecretStore
from ui.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, _ = capsys.readouterr()
    return code, out


def test_add_edit_and_back_to_default(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--db", str(db_path))
    code, _ = run(capsys, *db, "customer", "add", "--name", "Anna de Vries", "--language", "nl")
    assert code == 0
    _, out = run(capsys, *db, "customer", "list", "--json")
    assert json.loads(out)[0]["language"] == "nl"
    assert run(capsys, *db, "customer", "edit", "1", "--language", "hu")[0] == 0
    _, out = run(capsys, *db, "customer", "list", "--json")
    assert json.loads(out)[0]["language"] == "hu"
    # Other edits keep it; "default" gives it back to the user's draft language.
    assert run(capsys, *db, "customer", "edit", "1", "--company", "Acme")[0] == 0
    _, out = run(capsys, *db, "customer", "list", "--json")
    assert json.loads(out)[0]["language"] == "hu"
    assert run(capsys, *db, "customer", "edit", "1", "--language", "default")[0] == 0
    _, out = run(capsys, *db, "customer", "list", "--json")
    assert json.loads(out)[0]["language"] == "default"


def test_a_language_drafts_are_not_written_in_is_refused(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(db_path), "customer", "add", "--name", "X", "--language", "fr"])
    assert code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_plan_show_lists_each_steps_words_in_other_languages(
    db_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    context = build_context(db_path, clock, secrets=MemorySecretStore())
    plan = context.plans.get("won_sale")
    context.plans.update_step_text(plan.id or 0, 1, "uk", "Дзвінок", "Мета: {{sale_description}}")
    context.close()
    _, out = run(capsys, "--db", str(db_path), "plan", "show", "won_sale")
    steps = json.loads(out)["steps"]
    # The user's words for one language; every other language keeps the shipped ones.
    assert steps[1]["texts"]["uk"] == {"subject": "Дзвінок", "body": "Мета: {{sale_description}}"}
    assert set(steps[0]["texts"]) == {"nl", "uk", "ms", "et", "hu"}
    assert "{{greeting}}" in steps[0]["texts"]["nl"]["body"]
