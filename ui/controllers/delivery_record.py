"""A delivery record (promises kept, broken, recovered) as one line of text."""

from __future__ import annotations

from app.dto.commitments import DeliveryRecord
from app.i18n import _


def record_text(record: DeliveryRecord) -> str:
    """'2 kept · 1 broken · 1 recovered' (and what is still open)."""
    parts = [
        _("{kept} kept").format(kept=record.kept),
        _("{broken} broken").format(broken=record.broken),
        _("{recovered} recovered").format(recovered=record.recovered),
    ]
    if record.at_risk:
        parts.append(_("{at_risk} at risk").format(at_risk=record.at_risk))
    return " · ".join(parts)
