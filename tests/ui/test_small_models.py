"""The small read-only models pass Qt's model tester: declines, a chart's numbers, import
warnings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.dto.imports import RowWarning
from app.dto.outreach import DeclineDTO
from ui.item_models.decline_table import DeclineTableModel
from ui.item_models.figure_table import FigureTableModel
from ui.item_models.import_tables import WarningTable


def test_declines_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = DeclineTableModel()
    rows = [
        DeclineDTO(1, "Six  forklifts\nfor spring", "no_capacity", "", 3, "Lift & Rent", 7,
                   dt.date(2026, 12, 28), None, "Ana Wagner"),
        DeclineDTO(2, "Inspect cranes", "outside_field", "", None, "", None, None, None),
    ]  # fmt: skip
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 1)) == "Six forklifts for spring"
    assert model.data(model.index(1, 0)) == "Not a customer"
    assert model.decline_at(1) == rows[1] and model.decline_at(2) is None


def test_a_charts_numbers_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = FigureTableModel()
    model.show(("Week", "On time", "Share"), [("8 Sep", 26, 0.85), ("15 Sep", 21, None)], [4, None])
    qtmodeltester.check(model, force_py=True)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == right
    assert (model.row_id(0), model.row_id(1), model.row_id(5)) == (4, None, None)
    model.show(("Customer",), [])
    qtmodeltester.check(model, force_py=True)


def test_import_warnings_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = WarningTable([RowWarning(4, "phone", "pager", "Phone 'pager' is not a phone number.")])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1
