"""Exports of customers, touchpoints and interactions (CSV, vCard) and of everything (JSON)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import Executable

from app.dto.exports import CSV_WHAT, ExportResult
from app.errors import ValidationError
from app.export.csv_export import write_csv
from app.export.output_file import atomic_writer, export_target
from app.export.vcard_export import ContactCard, cards
from app.i18n import _
from app.kinds import kind_label
from app.rules.planning_context import PlanningContext
from app.tags import split_stored
from models.customer import Customer
from models.interaction import Interaction
from models.touchpoint import Touchpoint

BATCH = 2000


def _local(value: dt.datetime | None, zone: ZoneInfo) -> str:
    return "" if value is None else value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _birthday(row: Customer) -> str:
    if not (row.birthday_month and row.birthday_day):
        return ""
    day = f"{row.birthday_month:02d}-{row.birthday_day:02d}"
    return f"{row.birthday_year:04d}-{day}" if row.birthday_year else day


# Every field a user can see, named so that our import reads each back (a round trip); the
# columns added later come last, so scripts reading the earlier ones by position still work.
CUSTOMER_HEADER = (
    "id", "name", "company", "email", "phone", "preferred_channel", "birthday", "key_customer",
    "source", "keep_in_touch_days", "do_not_contact", "notes", "created", "job_title",
    "salutation", "industry", "tags", "street", "postal_code", "city", "region", "country",
    "language",
)  # fmt: skip
TOUCHPOINT_HEADER = (
    "id", "customer_id", "customer", "company", "kind", "channel", "due_date", "due_time",
    "status", "subject", "completed", "outcome_note", "skip_reason", "sale_id",
)  # fmt: skip
INTERACTION_HEADER = ("id", "customer_id", "customer", "company", "occurred", "channel", "summary")


class DataExportService:
    """Streams rows a batch at a time, so a big database never sits in memory whole."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def _stream(self, statement: Executable) -> Iterator[Any]:
        with self._sessions() as session:
            yield from session.execute(statement.execution_options(yield_per=BATCH))

    def export_csv(
        self, what: str, out: Path, encoding: str = "utf-8-bom", delimiter: str = ","
    ) -> ExportResult:
        if what not in CSV_WHAT:
            raise ValidationError(
                _("cannot export {what!r}; use {choices}").format(
                    what=what, choices=", ".join(CSV_WHAT)
                )
            )
        zone = self._planning().zone
        target = export_target(out, ".csv")
        header, rows = {
            "customers": (CUSTOMER_HEADER, self._customer_rows),
            "touchpoints": (TOUCHPOINT_HEADER, self._touchpoint_rows),
            "interactions": (INTERACTION_HEADER, self._interaction_rows),
        }[what]
        count = write_csv(target, header, rows(zone), encoding, delimiter)
        return ExportResult(count, target)

    def _customer_rows(self, zone: ZoneInfo) -> Iterator[Sequence[object]]:
        statement = select(Customer).where(Customer.deleted_at.is_(None)).order_by(Customer.id)
        for (row,) in self._stream(statement):
            yield (
                row.id, row.name, row.company, row.email, row.phone, row.preferred_channel,
                _birthday(row), row.is_key, row.source, row.keep_in_touch_days,
                row.do_not_contact, row.notes, _local(row.created_at, zone), row.job_title,
                row.salutation or "first", row.industry, ", ".join(split_stored(row.tags)),
                *_address(row), row.language or "",
            )  # fmt: skip

    def _touchpoint_rows(self, zone: ZoneInfo) -> Iterator[Sequence[object]]:
        statement = (
            select(Touchpoint, Customer.name, Customer.company)
            .join(Customer, Customer.id == Touchpoint.customer_id)
            .order_by(Touchpoint.due_date, Touchpoint.id)
        )
        for row, name, company in self._stream(statement):
            time = "" if row.due_at is None else row.due_at.astimezone(zone).strftime("%H:%M")
            yield (
                row.id, row.customer_id, name, company, kind_label(row.kind), row.channel,
                row.due_date.isoformat(), time, row.status, row.subject,
                _local(row.completed_at, zone), row.outcome_note, row.skip_reason, row.sale_id,
            )  # fmt: skip

    def _interaction_rows(self, zone: ZoneInfo) -> Iterator[Sequence[object]]:
        statement = (
            select(Interaction, Customer.name, Customer.company)
            .join(Customer, Customer.id == Interaction.customer_id)
            .order_by(Interaction.occurred_at, Interaction.id)
        )
        for row, name, company in self._stream(statement):
            yield (
                row.id, row.customer_id, name, company, _local(row.occurred_at, zone),
                row.channel, row.summary,
            )  # fmt: skip

    def export_vcard(self, out: Path) -> ExportResult:
        """Active customers as vCard 3.0, one file."""
        target = export_target(out, ".vcf")
        count = 0
        statement = select(Customer).where(Customer.deleted_at.is_(None)).order_by(Customer.id)
        with atomic_writer(target, encoding="utf-8", newline="") as handle:
            for text in cards(_card(row) for (row,) in self._stream(statement)):
                handle.write(text)
                count += 1
        return ExportResult(count, target)


def _card(row: Customer) -> ContactCard:
    birthday = None
    if row.birthday_month and row.birthday_day:
        birthday = (row.birthday_month, row.birthday_day, row.birthday_year)
    # Stable across exports, so re-importing into a phone updates rather than duplicates.
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"followup-planner:customer:{row.id}:{row.created_at}")
    return ContactCard(
        uid=f"urn:uuid:{uid}",
        name=row.name,
        company=row.company,
        email=row.email,
        phone=row.phone,
        birthday=birthday,
        notes=row.notes,
        job_title=row.job_title,
        address=_address(row),
        categories=split_stored(row.tags),
        language=row.language or "",
        extras=(
            ("KEY-CUSTOMER", "TRUE" if row.is_key else "FALSE"),
            ("DO-NOT-CONTACT", "TRUE" if row.do_not_contact else "FALSE"),
            ("KEEP-IN-TOUCH-DAYS", str(row.keep_in_touch_days or "")),
            ("CHANNEL", row.preferred_channel),
            ("SOURCE", row.source),
            ("SALUTATION", row.salutation or "first"),
            ("INDUSTRY", row.industry),
        ),
    )


def _address(row: Customer) -> tuple[str, str, str, str, str]:
    return (row.street, row.postal_code, row.city, row.region, row.country)
