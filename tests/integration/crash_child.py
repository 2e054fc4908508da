"""Child process for the crash tests: prepare, say "ready", then write until killed."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from app.context import build_context
from app.dto.sales import SaleInput


def main(mode: str, db: str, source: str) -> None:
    context = build_context(Path(db))
    if mode == "import":
        preview = context.importing.preview(Path(source))
        print("ready", flush=True)
        context.importing.run(preview, "add")
    elif mode == "settings":
        print("ready", flush=True)
        context.change_settings({"working_days": source})
    else:
        sales = [
            SaleInput(customer_id=1 + i % 20, closed_on=dt.date(2026, 11, 2), outcome="won")
            for i in range(int(source))
        ]
        print("ready", flush=True)
        context.bulk_sales.record_many(sales)
    context.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
