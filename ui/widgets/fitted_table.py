"""Read-only tables whose columns always fit their width: nothing needs a horizontal scroll."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

# No column narrower than this many average characters (a date still reads as a date).
MINIMUM_CHARACTERS = 6


def fitted_widths(
    content: list[int], headers: list[int], available: int, minimum: int
) -> list[int]:
    """Column widths that fit `available`: each column as wide as its content and header
    while they all fit; when they do not, headers wider than their content give way first
    (a heading elides more gracefully than a date), then the widest columns are narrowed to
    one common width (short ones such as dates and counts keep theirs), never below
    `minimum`. Any room left goes to the last column."""
    if not content:
        return []
    wanted = [max(cell, header) for cell, header in zip(content, headers, strict=True)]
    floors = [min(max(cell, minimum), want) for cell, want in zip(content, wanted, strict=True)]
    if sum(wanted) <= available:
        widths = wanted
    elif sum(floors) <= available:
        excess = sum(wanted) - sum(floors)
        room = available - sum(floors)
        widths = [
            floor + (want - floor) * room // excess
            for floor, want in zip(floors, wanted, strict=True)
        ]
    else:
        widths = _capped(floors, available, minimum)
    widths[-1] += max(0, available - sum(widths))
    return widths


def _capped(widths: list[int], available: int, minimum: int) -> list[int]:
    """The widest columns narrowed to the one width at which all fit (not below minimum)."""
    ordered = sorted(widths)
    kept, cap = 0, minimum
    for position, width in enumerate(ordered):
        share = (available - kept) // (len(ordered) - position)
        if width > share:
            cap = max(share, minimum)
            break
        kept += width
    else:
        return list(widths)
    return [min(width, cap) for width in widths]


class ColumnFitter(QObject):
    """Keeps a table's columns inside its viewport as the window, the data or the font change;
    cut texts end in "…" and the whole text is in the cell's tooltip where models give one."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Coalesced: a model reset and a resize in the same turn fit once.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        self._model: QAbstractItemModel | None = None
        self.watch_model()

    def watch_model(self) -> None:
        """Follow the view's current model (call after setModel)."""
        model = self._view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self._pending.start)
        model.dataChanged.connect(self._pending.start)
        self._pending.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._pending.start()
        return False

    def fit(self) -> None:
        """Size every shown column now."""
        view = self._view
        self.watch_model()
        header = view.horizontalHeader()
        shown = [column for column in range(header.count()) if not header.isSectionHidden(column)]
        if not shown:
            return
        content = [view.sizeHintForColumn(column) for column in shown]
        headers = [header.sectionSizeHint(column) for column in shown]
        minimum = view.fontMetrics().averageCharWidth() * MINIMUM_CHARACTERS
        widths = fitted_widths(content, headers, max(view.viewport().width(), 0), minimum)
        for column, width in zip(shown, widths, strict=True):
            header.resizeSection(column, width)


def read_only_table(name: str, stripes: bool = False) -> QTableView:
    """A table of rows to choose from: whole-row selection, no editing, no row numbers, and
    columns that fit (ColumnFitter)."""
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(stripes)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    ColumnFitter(table)
    return table
