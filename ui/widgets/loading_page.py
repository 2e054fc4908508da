"""The page the window shows while the database opens."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def loading_page(text: str) -> QWidget:
    """The text in the middle, centred by stretches: reading the `Qt` namespace for an
    alignment flag would cost the first paint tens of milliseconds."""
    page = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(QLabel(text))
    row.addStretch(1)
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return page
