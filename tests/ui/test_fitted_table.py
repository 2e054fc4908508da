"""Tables fit their width: seen in screenshots, "hat they asked f" and a horizontal scroll
under "Days without con…"."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

from ui.widgets.fitted_table import fitted_widths, read_only_table


def test_columns_that_fit_keep_their_width_and_the_last_takes_the_rest() -> None:
    assert fitted_widths([50, 80, 40], [20, 20, 20], 300, 30) == [50, 80, 170]


def test_headings_wider_than_their_content_give_way_before_any_content() -> None:
    # "Days without contact" over two digits: the dates beside it stay whole.
    assert fitted_widths([90, 20], [60, 150], 150, 30) == [90, 60]


def test_the_widest_columns_are_narrowed_next_to_one_width() -> None:
    widths = fitted_widths([40, 300, 100, 250], [0, 0, 0, 0], 400, 30)
    assert widths == [40, 130, 100, 130]


def test_no_column_goes_below_the_minimum() -> None:
    assert fitted_widths([500, 500, 500], [0, 0, 0], 60, 30) == [30, 30, 30]


def test_a_wide_table_needs_no_horizontal_scroll(qtbot: QtBot) -> None:
    model = QStandardItemModel(0, 5)
    model.setHorizontalHeaderLabels(
        ["Customer", "What they asked for", "Why not", "Referred to", "Days without contact"]
    )
    for _ in range(5):
        model.appendRow(
            [QStandardItem("a rather long text that would not fit " * 2) for _ in "abcde"]
        )
    table = read_only_table("t")
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() == table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    table.resize(900, 300)
    qtbot.waitUntil(lambda: header.length() == table.viewport().width())
