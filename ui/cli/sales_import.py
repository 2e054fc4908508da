"""followup import sales FILE: past sales from a CRM's deal export."""

from __future__ import annotations

from pathlib import Path

from app.context import AppContext
from app.dto.imports import RowError
from ui.cli.output import print_json


def _errors(errors: tuple[RowError, ...]) -> list[dict[str, object]]:
    return [{"row": error.row, "error": error.error} for error in errors]


def import_sales(context: AppContext, path: Path, dry_run: bool) -> int:
    """Prints what was recorded (or, with --dry-run, each deal's customer); exit 0."""
    if dry_run:
        preview = context.sales_import.preview(path)
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
    result = context.sales_import.run(path)
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
