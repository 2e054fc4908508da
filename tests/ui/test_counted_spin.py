"""A spin box's words come from one counted phrase and follow the number's plural."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot

from tests.support.languages import speaking
from ui.counted_spin import count_around, days_phrase


def test_the_words_follow_the_number(qtbot: QtBot) -> None:
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(1, 90)
    count_around(spin, lambda n: "Show next {n} day" if n == 1 else "Show next {n} days")
    assert (spin.prefix(), spin.suffix(), spin.text()) == ("Show next ", " day", "Show next 1 day")
    spin.setValue(7)
    assert spin.text() == "Show next 7 days"


def test_the_phrase_is_translated_whole(qtbot: QtBot, qapp: QApplication) -> None:
    with speaking("qps", qapp):
        spin = QSpinBox()
        qtbot.addWidget(spin)
        spin.setValue(3)
        count_around(spin, days_phrase)
        # The pseudo-locale brackets the whole phrase, the number inside it.
        assert spin.text().startswith("[3 ") and spin.text().endswith("]")
