"""The JSON shape of a touchpoint that scripts rely on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.dto.touchpoints import TouchpointDTO


def touchpoint_json(item: TouchpointDTO, zone: dt.tzinfo) -> dict[str, Any]:
    return {
        "id": item.id,
        "uid": item.uid,
        "customer_id": item.customer_id,
        "customer": item.customer_display,
        "sale_id": item.sale_id,
        "kind": item.kind,
        "channel": item.channel,
        "due": item.due_iso(zone),
        "all_day": item.all_day,
        "status": item.status,
        "sequence": item.sequence,
        "title": item.title,
        "subject": item.subject,
        "pinned": item.pinned,
        "snoozed_from": item.snoozed_from.isoformat() if item.snoozed_from else None,
        "outcome_note": item.outcome_note,
        "skip_reason": item.skip_reason,
    }
