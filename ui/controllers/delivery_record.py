"""A delivery record (promises kept, broken, recovered) as one line of text."""

from __future__ import annotations

from collections.abc import Callable

from app.dto.commitments import DeliveryRecord
from ui.texts import fill


def record_text(record: DeliveryRecord, tr: Callable[[str], str]) -> str:
    """'2 kept · 1 broken · 1 recovered' (and what is still open)."""
    parts = [
        fill(tr("%1 kept"), str(record.kept)),
        fill(tr("%1 broken"), str(record.broken)),
        fill(tr("%1 recovered"), str(record.recovered)),
    ]
    if record.at_risk:
        parts.append(fill(tr("%1 at risk"), str(record.at_risk)))
    return " · ".join(parts)
