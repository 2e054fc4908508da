"""followup import sales FILE: past sales from a CRM's deal export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from app.context import AppContext
from app.dto.imports import RowError
from app.dto.sales_import import SalesImportResult, SalesPreview
from app.errors import KnownError, MissingColumns
from app.i18n import _
from ui.cli.output import print_json

Read = TypeVar("Read", SalesPreview, SalesImportResult)
# Field names are the JSON keys; the headers are the file's own.
MAPPING_EXAMPLE = '{"closed_on": "Date", "name": "Customer", "email": "E-mail"}'


def _errors(errors: tuple[RowError, ...]) -> list[dict[str, object]]:
    return [{"row": error.row, "error": error.error} for error in errors]


def import_sales(
    context: AppContext, path: Path, dry_run: bool, columns: dict[str, Any] | None = None
) -> int:
    """Prints what was recorded (or, with --dry-run, each deal's customer); exit 0.

    `columns` (from --mapping) says which column holds what in a file of another layout.
    """
    if dry_run:
        preview = _read(lambda: context.sales_import.preview(path, columns))
        print_json(
            {
                "layout": preview.layout,
                "sales": len(preview.deals),
                "new_customers": preview.new_customers,
                "open_deals_left_out": preview.open_deals,
                "errors": _errors(preview.errors),
                "deals": [
                    {
                        "row": deal.row,
                        "customer": deal.customer,
                        "customer_id": deal.customer_id,
                        "closed_on": deal.closed_on.isoformat(),
                        "outcome": deal.outcome,
                    }
                    for deal in preview.deals
                ],
            }
        )
        return 0
    result = _read(lambda: context.sales_import.run(path, columns=columns))
    print_json(
        {
            "sales": result.sales,
            "new_customers": result.new_customers,
            "follow_ups": result.touchpoints,
            "not_scheduled_in_the_past": result.in_the_past,
            "open_deals_left_out": result.open_deals,
            "errors": _errors(result.errors),
        }
    )
    return 0


def _read(work: Callable[[], Read]) -> Read:
    """The work's answer; a file of columns we cannot place says how to name them."""
    try:
        return work()
    except MissingColumns as exc:
        raise KnownError(
            exc.message + ".",
            _(
                "Its columns: {headers}. Say which hold what with --mapping FILE, "
                "a JSON object such as {example}."
            ).format(headers=", ".join(exc.headers), example=MAPPING_EXAMPLE),
        ) from None
