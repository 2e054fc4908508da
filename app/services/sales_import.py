"""Past sales from a CRM's deal export: customers matched or added, plans applied as of each
sale's day with nothing scheduled in the past; all or nothing, a backup first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.dto.customers import CustomerInput
from app.dto.imports import RowError
from app.dto.sales import SaleInput
from app.dto.sales_import import DealMatch, SalesImportResult, SalesPreview
from app.errors import ValidationError
from app.i18n import N_, _
from app.importing.deals_file import Deal, DealFile, OpenDeal, open_deals
from app.importing.matching import DuplicateIndex, Existing
from app.importing.records import checked_values
from app.phone_search import DEFAULT_REGION
from app.progress import NO_PROGRESS, Progress
from app.rules.planning_context import PlanningContext
from app.services.backups import BackupService
from app.services.bulk_sales import record_in
from app.services.sales import CURRENCY_PATTERN, parse_amount
from app.validation import clean_block
from models.customer import Customer
from models.repositories import customer_bulk

SOURCE = "Sales import"


@dataclass
class _Sorted:
    """The file's rows against the customers: deals by customer (negative: new), errors."""

    deals: list[tuple[Deal, int, str]]
    new: dict[int, dict[str, object]]
    open_deals: int
    errors: list[RowError]


class SalesImportService:
    """Reads a deal file twice (preview, import); writes in one transaction."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        planning: Callable[[], PlanningContext],
        backups: BackupService,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._planning = planning
        self._backups = backups

    def preview(self, path: Path, columns: Mapping[str, object] | None = None) -> SalesPreview:
        """Which customer each deal belongs to, and every row that cannot be read.

        `columns` (field -> header or headers) reads a file of no known layout; without
        them such a file raises MissingColumns, which names its headers.
        """
        deals = open_deals(path, columns)
        with self._sessions() as session:
            found = self._sort(session, deals.items())
        return SalesPreview(
            path=path,
            layout=deals.layout.label,
            headers=deals.headers,
            mapping=dict(deals.layout.mapping),
            columns=dict(columns) if columns is not None else None,
            deals=tuple(
                DealMatch(
                    deal.row,
                    label,
                    None if key < 0 else key,
                    deal.closed_on,
                    deal.outcome,
                    deal.description,
                )
                for deal, key, label in found.deals
            ),
            new_customers=len(found.new),
            open_deals=found.open_deals,
            errors=tuple(found.errors),
        )

    def run(
        self,
        path: Path,
        progress: Progress = NO_PROGRESS,
        columns: Mapping[str, object] | None = None,
    ) -> SalesImportResult:
        """Back up, then add the customers and record every readable deal in one transaction."""
        deals: DealFile = open_deals(path, columns)
        progress.report(0, 0, _("Backing up your data…"))
        backup = self._backups.ensure_backup("import")
        ctx = self._planning()
        with self._sessions.begin() as session:
            found = self._sort(session, deals.items())
            keys = list(found.new)
            first = customer_bulk.insert_customers(
                session, [found.new[key] for key in keys], ctx.now
            )
            ids = {key: first + n for n, key in enumerate(keys)}
            _since_last_sale(session, found.deals, ids, ctx)
            inputs, delivered = [], []
            for deal, key, _label in found.deals:
                inputs.append(
                    SaleInput(
                        customer_id=ids.get(key, key),
                        closed_on=deal.closed_on,
                        outcome=deal.outcome,
                        amount=deal.amount,
                        currency=deal.currency,
                        description=deal.description,
                        promised_delivery=deal.promised_delivery,
                    )
                )
                delivered.append(deal.actual_delivery)
            result = record_in(session, inputs, ctx, progress, delivered=delivered)
        return SalesImportResult(
            sales=result.sales,
            new_customers=len(keys),
            touchpoints=result.touchpoints,
            in_the_past=result.in_the_past,
            open_deals=found.open_deals,
            errors=tuple(found.errors),
            backup=backup,
        )

    def _sort(self, session: Session, items: Iterable[Deal | OpenDeal | RowError]) -> _Sorted:
        index = self._index(session)
        found = _Sorted([], {}, 0, [])
        for item in items:
            if isinstance(item, OpenDeal):
                found.open_deals += 1
            elif isinstance(item, RowError):
                found.errors.append(item)
            else:
                try:
                    _check_sale(item)
                    key, label = self._customer(index, item, found.new)
                except ValidationError as exc:
                    found.errors.append(RowError(item.row, exc.message))
                    continue
                found.deals.append((item, key, label))
        return found

    @staticmethod
    def _customer(
        index: DuplicateIndex, deal: Deal, new: dict[int, dict[str, object]]
    ) -> tuple[int, str]:
        """The matching customer's id (an earlier new row's: negative), and its name."""
        hit = index.find(deal.name, index.keys(deal.name, deal.company, deal.email, ""))
        if hit is not None:
            name = index.names[hit[0]]
            return hit[0], name if hit[0] > 0 else _("{name} (new)").format(name=name)
        # A contact without a name takes its display name from the company or e-mail.
        data = CustomerInput(
            name=deal.name or deal.company or deal.email, company=deal.company,
            email=deal.email, source=SOURCE,
        )  # fmt: skip
        values = checked_values(data)
        key = -deal.row
        new[key] = values
        index.add(Existing(key, values["name"], values["company"], values["email"], ""))
        return key, _("{name} (new)").format(name=values["name"])

    def _index(self, session: Session) -> DuplicateIndex:
        country = self._planning().prefs.holiday_country or DEFAULT_REGION
        index = DuplicateIndex(country.split("-", 1)[0].upper())
        # Deal files name no phone numbers: matching them would only cost time (a third).
        statement = select(Customer.id, Customer.name, Customer.company, Customer.email).where(
            Customer.deleted_at.is_(None)
        )
        for customer_id, name, company, email in session.execute(statement):
            index.add(Existing(customer_id, name, company, email, ""))
        return index


def _since_last_sale(
    session: Session,
    deals: list[tuple[Deal, int, str]],
    ids: dict[int, int],
    ctx: PlanningContext,
) -> None:
    """A new customer's keep-in-touch runs from their last sale in the file, not from today:
    the file says when they were last in contact."""
    last: dict[int, dt.date] = {}
    for deal, key, _label in deals:
        if key in ids and deal.closed_on > last.get(key, dt.date.min):
            last[key] = deal.closed_on
    changes = [
        {"id": ids[key], "created_at": min(_noon(day, ctx), ctx.now)} for key, day in last.items()
    ]
    if changes:
        session.execute(update(Customer), changes)


def _noon(day: dt.date, ctx: PlanningContext) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=ctx.zone).astimezone(dt.UTC)


def _check_sale(deal: Deal) -> None:
    """What recording the sale would refuse, refused for this row alone."""
    parse_amount(deal.amount)
    if deal.currency and not CURRENCY_PATTERN.fullmatch(deal.currency):
        raise ValidationError(
            _("currency {currency!r} must be a code like EUR").format(currency=deal.currency)
        )
    clean_block(deal.description, 2000, N_("description"))
