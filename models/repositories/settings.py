"""Setting rows as a dict of JSON values."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.setting import Setting


def load_all(session: Session) -> dict[str, Any]:
    rows = session.scalars(select(Setting)).all()
    return {row.key: json.loads(row.value_json) for row in rows}


def save(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value_json=text))
    else:
        row.value_json = text
