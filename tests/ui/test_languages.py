"""The window in each language: menus from the catalogue, Qt's own buttons translated where Qt
ships them, and the chosen language taken at start-up (FOLLOWUP_LANGUAGE, Settings)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import i18n
from app.context import AppContext
from tests.support.languages import restored_language
from ui.language import apply, speak
from ui.main_window import MainWindow

SHIPPED = [code for code in i18n.LANGUAGES if code != i18n.ENGLISH]
PLANS = Path(__file__).resolve().parents[2] / "resources" / "plans"
MENUS = ("&File", "&Edit", "F&ollow-up", "&Go", "&Help")
# Qt ships qtbase_<lang>.qm for these; Estonian and Malay dialogs stay English.
QT_SPEAKS = {"nl", "uk", "hu"}


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[None]:
    """Whatever a test switches to, the next test speaks English again."""
    with restored_language(qapp):
        yield


@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize("language", SHIPPED)
def test_the_menu_bar_speaks_the_language(
    language: str, qtbot: QtBot, qapp: QApplication, context: AppContext
) -> None:
    apply(i18n.use(language), qapp)
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(context)
    titles = [action.text() for action in window.menuBar().actions()]
    catalogue = i18n.translation(language)
    assert titles == [catalogue.gettext(menu) for menu in MENUS]
    # A menu may be the same word in the language ("Help" in Dutch): what counts is that the
    # catalogue holds a translation for it, not that it differs.
    held = getattr(catalogue, "_catalog", {})
    untranslated = [menu for menu in MENUS if not held.get(menu)]
    assert not untranslated, f"{language}: menus still in English: {untranslated}"
    assert window.settings.text() == catalogue.gettext("&Settings…") != "&Settings…"


@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize("language", SHIPPED)
def test_qt_dialog_buttons_follow_where_qt_ships_them(language: str, qapp: QApplication) -> None:
    apply(i18n.use(language), qapp)
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    assert (cancel != "Cancel") == (language in QT_SPEAKS)
    assert QLocale().language() == QLocale(language).language()


@pytest.mark.usefixtures("english_after")
def test_the_start_takes_the_override_then_the_saved_language(
    qapp: QApplication, context: AppContext, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context.settings.set("language", "hu")
    monkeypatch.setenv("FOLLOWUP_LANGUAGE", "uk")
    assert speak(db_path, qapp) == "uk"
    assert i18n.current() == "uk"
    monkeypatch.delenv("FOLLOWUP_LANGUAGE")
    assert speak(db_path, qapp) == "hu"
    assert QLocale().language() == QLocale.Language.Hungarian


def test_settings_offer_each_language_by_its_own_name_and_say_when_it_applies(
    qtbot: QtBot, context: AppContext
) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(row) for row in range(dialog.language.count())]
    assert names[0].startswith("System language (")
    assert names[1:] == list(i18n.LANGUAGES.values())
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.accept()
    assert context.settings.get().language == "uk"
    assert (
        dialog.summary() == "Settings saved. The new language applies when you restart the planner."
    )


def test_the_command_line_speaks_the_chosen_language(
    context: AppContext, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main import main

    context.settings.set("language", "et")
    monkeypatch.delenv("FOLLOWUP_LANGUAGE")
    assert main(["--db", str(db_path), "settings", "show"]) == 0
    assert i18n.current() == "et"
    monkeypatch.setenv("FOLLOWUP_LANGUAGE", "nl")
    assert main([f"--db={db_path}", "settings", "show"]) == 0
    assert i18n.current() == "nl"


@pytest.mark.usefixtures("english_after")
def test_built_in_plans_are_named_in_the_interface_language(
    qapp: QApplication, context: AppContext
) -> None:
    """The plan's stored name stays its key (sales name it); people read it translated,
    unless they renamed it."""
    apply(i18n.use("nl"), qapp)
    won = context.plans.get("won_sale")
    assert won.name == "After a won sale" != won.title
    assert (
        won.title
        == json.loads((PLANS / "nl" / "won_sale.json").read_text(encoding="utf-8"))["name"]
    )
    renamed = context.plans.save(dataclasses.replace(won, name="Mine")).plan
    assert renamed.title == "Mine"
    apply(i18n.use("en"), qapp)
    assert context.plans.get("lost_sale").title == "After a lost sale"
