"""A delivery record (promises kept, broken, recovered) as one line of text."""

from __future__ import annotations

from collections.abc import Callable

from app.dto.commitments import DeliveryRecord


def record_text(record: DeliveryRecord, tr: Callable[[str], str]) -> str:
    """'2 kept · 1 broken · 1 recovered' (and what is still open)."""
    parts = [
        tr("%1 kept").replace("%1", str(record.kept)),
        tr("%1 broken").replace("%1", str(record.broken)),
        tr("%1 recovered").replace("%1", str(record.recovered)),
    ]
    if record.at_risk:
        parts.append(tr("%1 at risk").replace("%1", str(record.at_risk)))
    return " · ".join(parts)
