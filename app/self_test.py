"""`followup --self-test`: a throw-away database migrated, a sale scheduled, an .ics checked."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from app.clock import FixedClock
from app.context import build_context
from app.dto.customers import CustomerInput
from app.dto.exports import IcsExportRequest
from app.dto.sales import SaleInput
from app.version import app_version

# A fixed Monday keeps the result the same on every run.
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jörg Müller\r\nN:Müller;Jörg;;;\r\n"
    "ORG:Self-Test GmbH\r\nTEL;TYPE=CELL:0170 1234567\r\nEND:VCARD\r\n"
)


def run_self_test() -> dict[str, Any]:
    """Exercise the parts a frozen build can miss (migrations, zone data, icalendar, phones)."""
    import icalendar

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="followup-self-test-") as folder:
        base = Path(folder)
        context = build_context(base / "self-test.sqlite3", FixedClock(NOW))
        try:
            context.settings.set_many({"timezone": "Europe/Berlin", "holiday_country": "DE-BY"})
            customer = context.customers.add(
                CustomerInput(name="Ana Silva", company="Acme", email="ana@acme.example")
            )
            sale = context.sales.record(
                SaleInput(
                    customer_id=customer.id,
                    closed_on=NOW.date(),
                    outcome="won",
                    amount="12500",
                    description="Two forklifts",
                    promised_delivery=NOW.date() + dt.timedelta(days=14),
                )
            )
            (base / "contacts.vcf").write_text(VCARD, encoding="utf-8")
            imported = context.importing.run(context.importing.preview(base / "contacts.vcf"))
            result = context.calendar_export.export_ics(
                IcsExportRequest(folder=base / "out", base_name="self-test")
            )
            calendar = icalendar.Calendar.from_ical(result.files[0].read_bytes())
            events = list(calendar.walk("VEVENT"))
            revision = context.migration.revision
        finally:
            context.close()
    ok = bool(sale.touchpoints) and len(events) == result.events > 0 and imported.added == 1
    return {
        "ok": ok,
        "version": app_version(),
        "schema": revision,
        "touchpoints": len(sale.touchpoints),
        "events": len(events),
        "imported": imported.added,
        "catalogues": compiled_catalogues(),
        "seconds": round(time.perf_counter() - started, 2),
    }


def compiled_catalogues() -> list[str]:
    """The languages whose compiled catalogue (.mo) is here: a build carries every one."""
    from app.i18n import DOMAIN, ENGLISH, LANGUAGES, LOCALE_DIR

    return [
        code
        for code in LANGUAGES
        if code != ENGLISH and (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    ]
