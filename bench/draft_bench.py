"""Drafts for a page of Today (200 follow-ups) on the 50k data set, beside the same reads in
raw sqlite3 and the same texts filled by str.format."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from app.context import build_context
from bench.data import CLOCK, TODAY, working_copy
from bench.figures import figure, median, paired_timings

PAGE = 200
RUNS = 15
_FIELD = re.compile(r"\{\{\s*(\w+)\s*\}\}")
_FLOOR_SQL = (
    "SELECT t.id, t.kind, t.channel, t.due_date, c.name, c.company, c.email, c.phone,"
    " s.description, s.closed_on, s.promised_delivery, p.subject_template, p.body_template"
    " FROM touchpoint t JOIN customer c ON c.id = t.customer_id"
    " LEFT JOIN sale s ON s.id = t.sale_id LEFT JOIN plan_step p ON p.id = t.step_id"
    " WHERE t.id IN ({marks})"
)
_PROFILE = {
    "my_name": "Sam Seller",
    "my_title": "Account Manager",
    "my_company": "Forklift World",
    "my_phone": "+49 89 123456",
    "my_mobile": "",
    "my_email": "sam@forklift.example",
    "my_website": "",
}


@cache
def _format_text(template: str) -> str:
    """A {{field}} template as a str.format one (braces of its own doubled)."""
    parts, last = [], 0
    for match in _FIELD.finditer(template):
        literal = template[last : match.start()]
        parts.append(literal.replace("{", "{{").replace("}", "}}") + "{" + match.group(1) + "}")
        last = match.end()
    parts.append(template[last:].replace("{", "{{").replace("}", "}}"))
    return "".join(parts)


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _floor(db: sqlite3.Connection, ids: list[int]) -> list[tuple[str, str]]:
    """The same rows read and the same plan texts filled, with nothing else."""
    sql = _FLOOR_SQL.format(marks=",".join("?" * len(ids)))
    out = []
    for row in db.execute(sql, ids):
        name = row[4] or ""
        values = _Values(
            _PROFILE,
            greeting=f"Dear {name.split()[0] if name.split() else ''}",
            customer_address=name.split()[0] if name.split() else "",
            customer_name=name,
            company=row[5] or "",
            sale_description=row[8] or "your order",
            closed_on=row[9] or "",
            delivery_date=row[10] or "",
            today=TODAY.isoformat(),
        )
        subject = _format_text(row[11] or "").format_map(values)
        body = _format_text(row[12] or "").format_map(values)
        out.append((subject, body))
    return out


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = working_copy(Path(folder))
        context = build_context(path, CLOCK)
        try:
            end = TODAY + dt.timedelta(days=7)
            ids = [row.id for row in context.agenda.page(end=end, limit=PAGE).rows]
            context.drafts.drafts(ids)  # warm both the page cache and the statement cache
            with contextlib.closing(sqlite3.connect(path)) as db:
                _floor(db, ids)
                work, floor = paired_timings(
                    lambda: context.drafts.drafts(ids), lambda: _floor(db, ids), RUNS
                )
        finally:
            context.close()
    return [figure("draft_render_ms", median(work) * 1000, "ms", median(floor) * 1000)]
