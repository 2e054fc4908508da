"""The column drop-downs: what is left as read keeps all its columns; a change takes one."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.dialogs.column_mapping import SALE_FIELDS, ColumnMapping

HEADERS = ["Name", "E-mail Address", "E-mail 2 Address", "Won time", "Lost time"]


def test_a_field_left_as_read_keeps_its_further_columns(qtbot: QtBot) -> None:
    current = {"name": ("Name",), "email": ("E-mail Address", "E-mail 2 Address")}
    widget = ColumnMapping(HEADERS, current)
    qtbot.addWidget(widget)
    assert widget.mapping() == {"name": "Name", "email": ["E-mail Address", "E-mail 2 Address"]}
    box = widget.boxes["email"]
    box.setCurrentIndex(box.findData("E-mail 2 Address"))
    assert widget.mapping()["email"] == ["E-mail 2 Address"]
    box.setCurrentIndex(0)  # "—": no column
    assert "email" not in widget.mapping()


def test_deal_fields_take_one_header_each(qtbot: QtBot) -> None:
    current = {"closed_on": ("Won time", "Lost time"), "name": ("Name",)}
    widget = ColumnMapping(HEADERS, current, fields=SALE_FIELDS, multi=())
    qtbot.addWidget(widget)
    assert widget.mapping() == {"closed_on": ["Won time", "Lost time"], "name": "Name"}
    box = widget.boxes["closed_on"]
    box.setCurrentIndex(box.findData("Lost time"))
    assert widget.mapping()["closed_on"] == "Lost time"
