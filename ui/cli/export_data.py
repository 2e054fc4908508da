"""followup export csv | vcard | json: customers and history for spreadsheets and phones."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.export.csv_export import DELIMITERS, ENCODINGS
from app.services.data_export import CSV_WHAT
from ui.cli.output import print_json


def register(formats: Any) -> None:
    csv = formats.add_parser(
        "csv",
        help="customers, touchpoints or interactions as CSV (opens in Excel and LibreOffice)",
    )
    csv.add_argument("--what", choices=CSV_WHAT, default="customers")
    csv.add_argument("--out", type=Path, required=True, help="file to write, e.g. customers.csv")
    csv.add_argument(
        "--encoding", choices=tuple(ENCODINGS), default="utf-8-bom", help="default: utf-8-bom"
    )
    csv.add_argument(
        "--delimiter", choices=tuple(DELIMITERS), default=",", help="; for German Excel"
    )
    csv.set_defaults(handler=_csv)
    vcard = formats.add_parser("vcard", help="customers as vCard 3.0 (.vcf) for phones and mail")
    vcard.add_argument("--out", type=Path, required=True, help="file to write, e.g. customers.vcf")
    vcard.set_defaults(handler=_vcard)
    everything = formats.add_parser(
        "json", help="everything as one JSON file (import it into an empty database)"
    )
    everything.add_argument("--out", type=Path, required=True, help="e.g. planner-export.json")
    everything.set_defaults(handler=_json)


def _csv(context: AppContext, options: argparse.Namespace) -> int:
    result = context.data_export.export_csv(
        options.what, options.out, options.encoding, options.delimiter
    )
    print_json({"rows": result.count, "file": str(result.file)})
    return 0


def _vcard(context: AppContext, options: argparse.Namespace) -> int:
    result = context.data_export.export_vcard(options.out)
    print_json({"cards": result.count, "file": str(result.file)})
    return 0


def _json(context: AppContext, options: argparse.Namespace) -> int:
    counts, target = context.full_export.export_json(options.out)
    print_json({"tables": counts, "rows": sum(counts.values()), "file": str(target)})
    return 0
