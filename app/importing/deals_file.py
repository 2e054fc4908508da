"""A CSV of past deals read as a stream: each row a deal, a deal still open, or why not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.dto.imports import RowError
from app.errors import MissingColumns, ValidationError
from app.i18n import N_, _
from app.importing.deal_values import day_of, money_of, outcome_of
from app.importing.dialects import CUT_OFF, detect_separator, read_rows
from app.importing.encodings import TextSource, UnreadableFile
from app.importing.sales_layouts import (
    SaleLayout,
    SaleMapping,
    chosen_sale_layout,
    detect_sale_layout,
    guess_sale_layout,
)
from app.validation import check_date, clean_line


@dataclass(frozen=True)
class Deal:
    """One closed deal: who bought, when, what, and the delivery days."""

    row: int
    email: str
    name: str
    company: str
    closed_on: dt.date
    outcome: str
    amount: str
    currency: str
    description: str
    promised_delivery: dt.date | None
    actual_delivery: dt.date | None


@dataclass(frozen=True)
class OpenDeal:
    """A row whose deal is neither won nor lost yet: not a sale, left out."""

    row: int
    stage: str


DealItem = Deal | OpenDeal | RowError


@dataclass(frozen=True)
class DealFile:
    """An opened deal file: its layout, and its rows on demand (read again for the import)."""

    path: Path
    layout: SaleLayout
    source: TextSource
    separator: str
    headers: tuple[str, ...]

    def items(self) -> Iterator[DealItem]:
        rows = read_rows(self.source.lines(), self.separator)
        next(rows, None)  # the header line
        positions = _positions(list(self.headers), self.layout.mapping)
        for number, cells in rows:
            if cells is None:
                yield RowError(number, _(CUT_OFF).format(row=number))
                continue
            values = {
                field: next((cells[i].strip() for i in where if i < len(cells) and
                             cells[i].strip()), "")
                for field, where in positions.items()
            }  # fmt: skip
            try:
                yield _deal(number, values)
            except ValidationError as exc:
                yield RowError(number, exc.message)


def open_deals(path: Path, chosen: Mapping[str, object] | None = None) -> DealFile:
    """Recognise the file from its header, or read it by the user's `chosen` columns
    (field -> header or headers). UnreadableFile when it cannot hold deals; MissingColumns
    when no column is known to hold the close date or to name the customer."""
    source = TextSource(path)
    first = next((line for line in source.lines() if line.strip()), None)
    if first is None:
        raise UnreadableFile(_("{name} is empty").format(name=path.name))
    separator = detect_separator(first)
    header = next(read_rows(source.lines(), separator), None)
    if header is None or header[1] is None:
        raise UnreadableFile(_("{name} has no header line").format(name=path.name))
    headers = [cell.strip().lstrip("\ufeff") for cell in header[1]]
    if chosen is not None:
        layout = chosen_sale_layout(headers, chosen)
    else:
        layout = detect_sale_layout(headers) or guess_sale_layout(headers)
    mapping = layout.mapping
    if not mapping.get("closed_on"):
        raise MissingColumns(
            _("no column holds the close date (a column named Close Date)"),
            tuple(headers),
            dict(mapping),
        )
    if not any(mapping.get(field) for field in ("email", "name", "company")):
        raise MissingColumns(
            _("no column names the customer (an e-mail, a name or a company column)"),
            tuple(headers),
            dict(mapping),
        )
    return DealFile(path, layout, source, separator, tuple(headers))


def _positions(headers: list[str], mapping: SaleMapping) -> dict[str, list[int]]:
    index: dict[str, int] = {}
    for position, header in enumerate(headers):
        index.setdefault(header, position)
    return {
        field: [index[name] for name in names if name in index] for field, names in mapping.items()
    }


def _deal(row: int, values: dict[str, str]) -> DealItem:
    outcome_text = values.get("outcome", "")
    # A file with no outcome column holds sales: won.
    outcome = outcome_of(outcome_text) if outcome_text else "won"
    if outcome is None:
        return OpenDeal(row, outcome_text)
    email = clean_line(values.get("email", ""), 320, N_("e-mail"))
    name = clean_line(values.get("name", ""), 200, N_("name"))
    company = clean_line(values.get("company", ""), 200, N_("company"))
    if not (email or name or company):
        raise ValidationError(_("no customer: the row has no e-mail, name or company"))
    closed_on = day_of(values.get("closed_on", ""), N_("close date"))
    if closed_on is None:
        raise ValidationError(_("no close date"))
    check_date(closed_on, N_("close date"))
    promised = day_of(values.get("promised_delivery", ""), N_("promised delivery"))
    actual = day_of(values.get("actual_delivery", ""), N_("actual delivery"))
    for day, what in ((promised, "promised delivery"), (actual, "actual delivery")):
        if day is not None:
            check_date(day, what)
            if day < closed_on:
                raise ValidationError(
                    _("the {what} {date} is before the close date").format(
                        what=_(what), date=day.isoformat()
                    )
                )
    amount, code = money_of(values.get("amount", ""))
    return Deal(
        row=row,
        email=email,
        name=name,
        company=company,
        closed_on=closed_on,
        outcome=outcome,
        amount=amount,
        currency=(values.get("currency", "") or code).strip().upper(),
        description=values.get("description", ""),
        promised_delivery=promised,
        actual_delivery=actual,
    )
