"""The template editor in another language: pick it, see which languages a step is missing,
write the words, save; the step's own settings stay the English text's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.secrets import MemorySecretStore
from tests.support.plan_files import use_plan_files
from ui.controllers.plans_controller import PlansController
from ui.views.plans_view import PlansView

WON = "After a won sale"
LOST = "After a lost sale"


@pytest.fixture
def dutch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_path: Path, clock: FixedClock
) -> Iterator[AppContext]:
    """A planner whose plan files have the Dutch fixture (its won-sale plan only)."""
    use_plan_files(monkeypatch, tmp_path / "plans", "nl")
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    ctx.settings.set_many({"my_name": "Sam Seller"})
    yield ctx
    ctx.close()


@pytest.fixture
def plans(qtbot: QtBot, dutch: AppContext) -> Iterator[PlansController]:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = PlansView()
    window.setCentralWidget(view)
    controller = PlansController(view, dutch, window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    yield controller
    window.close()


def _choose(plans: PlansController, name: str) -> None:
    plans.view.plans.setCurrentRow(
        plans.view.plans.row(plans.view.plans.findItems(name, Qt.MatchFlag.MatchExactly)[0])
    )


def test_the_editor_shows_missing_languages_and_edits_the_chosen_one(
    qtbot: QtBot, plans: PlansController, dutch: AppContext
) -> None:
    view, template = plans.view, plans.view.editor.template
    _choose(plans, WON)
    plans.select_step(0)
    # The fixture has Dutch words for the won sale: the other four are missing.
    assert view.missing.isVisible()
    assert view.missing.text() == "Missing: Українська, Bahasa Melayu, Eesti, Magyar"

    view.language.setCurrentIndex(view.language.findData("nl"))
    assert template.subject_text() == "Bedankt voor uw bestelling, {{customer_address}}"
    assert template.preview.toPlainText().startswith("Beste Ana,")
    assert not view.editor.kind.isEnabled() and not view.editor.channel.isEnabled()

    # A language with no text yet: an empty editor, saved as that language's words.
    view.language.setCurrentIndex(view.language.findData("et"))
    assert template.subject_text() == "" and template.body_text() == ""
    assert template.body.placeholderText().startswith("No Eesti text yet")
    template.subject.setText("Aitäh tellimuse eest, {{customer_address}}")
    template.body.setPlainText("{{greeting}}!\n\nAitäh!\n\n{{my_name}}")
    assert view.save.isEnabled()
    with qtbot.waitSignal(plans.status) as saved:
        qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
    assert "Saved step 1" in saved.args[0]
    step = dutch.plans.get(WON).steps[0]
    estonian = step.text_in("et")
    assert estonian is not None and estonian.body.startswith("{{greeting}}!")
    assert step.subject.startswith("Thank you")  # English untouched
    assert view.missing.text() == "Missing: Українська, Bahasa Melayu, Magyar"
    assert not view.save.isEnabled() and not template.body.placeholderText()

    # Back in English, the step's settings are editable again.
    view.language.setCurrentIndex(view.language.findData("en"))
    assert view.editor.kind.isEnabled()
    assert template.subject_text() == step.subject


def test_a_plan_without_translations_misses_every_other_language(
    plans: PlansController,
) -> None:
    _choose(plans, LOST)
    plans.select_step(0)
    assert view_missing(plans) == "Missing: Nederlands, Українська, Bahasa Melayu, Eesti, Magyar"


def view_missing(plans: PlansController) -> str:
    return plans.view.missing.text()
