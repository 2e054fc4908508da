"""A label beside fields: one line when the row has room, wrapped when it has not."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from ui.line_label import LineLabel


def _row(qtbot: QtBot, width: int) -> tuple[QWidget, LineLabel]:
    row = QWidget()
    qtbot.addWidget(row)
    label = LineLabel("Keep in &touch with this customer every")
    layout = QHBoxLayout(row)
    layout.addWidget(label)
    layout.addWidget(QLineEdit())
    layout.addStretch(1)
    row.resize(width, 80)
    row.show()
    qtbot.waitExposed(row)
    return row, label  # the row is kept alive by the caller


def test_one_line_when_the_row_has_room(qtbot: QtBot) -> None:
    _kept, label = _row(qtbot, 1000)
    line = label.fontMetrics().height()
    assert label.heightForWidth(label.width()) < 2 * line
    assert label.sizeHint().width() > label.minimumSizeHint().width()


def test_wrapped_when_the_row_is_narrow(qtbot: QtBot) -> None:
    _kept, label = _row(qtbot, 260)
    assert label.heightForWidth(label.width()) >= 2 * label.fontMetrics().height()
