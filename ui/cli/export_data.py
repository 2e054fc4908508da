"""followup export csv | vcard | json: customers and history for spreadsheets and phones."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.dto.exports import CSV_WHAT, DELIMITERS, ENCODINGS
from app.i18n import _
from app.paths import expand_home
from ui.cli.output import print_json


def output_file(text: str) -> Path:
    """--out: a file to write. Empty would quietly become calendar.csv in the current folder,
    and a folder would become a file named after it beside it: both are refused."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("is empty: give the file to write, e.g. --out FILE"))
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    path = Path(text)
    if text.endswith(separators) or expand_home(path).is_dir():
        raise argparse.ArgumentTypeError(
            _("{text!r} is a folder: give a file in it, e.g. --out {example}").format(
                text=text, example=path / "export-file"
            )
        )
    return path


def register(formats: Any) -> None:
    csv = formats.add_parser(
        "csv",
        help=_("customers, touchpoints or interactions as CSV (opens in Excel and LibreOffice)"),
    )
    csv.add_argument("--what", choices=CSV_WHAT, default="customers")
    csv.add_argument(
        "--out", type=output_file, required=True, help=_("file to write, e.g. customers.csv")
    )
    csv.add_argument(
        "--encoding", choices=tuple(ENCODINGS), default="utf-8-bom", help=_("default: utf-8-bom")
    )
    csv.add_argument(
        "--delimiter", choices=tuple(DELIMITERS), default=",", help=_("; for German Excel")
    )
    csv.set_defaults(handler=_csv)
    vcard = formats.add_parser("vcard", help=_("customers as vCard 3.0 (.vcf) for phones and mail"))
    vcard.add_argument(
        "--out", type=output_file, required=True, help=_("file to write, e.g. customers.vcf")
    )
    vcard.set_defaults(handler=_vcard)
    everything = formats.add_parser(
        "json", help=_("everything as one JSON file (import it into an empty database)")
    )
    everything.add_argument(
        "--out", type=output_file, required=True, help=_("e.g. planner-export.json")
    )
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
