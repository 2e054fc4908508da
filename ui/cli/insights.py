"""followup insights | referral: how well you follow up, and what referral asks brought."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app.context import AppContext
from app.dto.insights import Insights, Preset
from app.errors import ValidationError
from app.i18n import _
from ui.cli.output import print_json
from ui.cli.parsing import iso_date, record_id

# The figures' derived values: properties, not fields, so asdict() leaves them out.
_DERIVED = {
    "follow_through": ("on_time_percent",),
    "promises": ("kept", "broken", "recovered", "record_percent"),
    "key_share": ("follow_ups_percent", "contacts_percent", "customers_percent"),
    "after_sale": ("scores", "average_score"),
}


def register(commands: Any) -> None:
    insights = commands.add_parser(
        "insights", help=_("follow-through, nobody forgotten, promises, responsiveness, 80/20")
    )
    insights.add_argument("--from", dest="start", type=iso_date, help=_("first day (YYYY-MM-DD)"))
    insights.add_argument("--to", dest="end", type=iso_date, help=_("last day (default: today)"))
    insights.add_argument(
        "--period",
        choices=[item.value for item in Preset],
        help=_("instead of --from: the last 4 weeks, 13 weeks (quarter) or 52 weeks (year)"),
    )
    insights.add_argument("--json", action="store_true", help=_("JSON object (the default output)"))
    insights.set_defaults(handler=_insights)

    referral = commands.add_parser("referral", help=_("what customers answered to referral asks"))
    actions = referral.add_subparsers(title="actions", metavar="ACTION", required=True)
    answer = actions.add_parser("answer", help=_("record the answer (completes a planned ask)"))
    answer.add_argument("--touchpoint", type=record_id, required=True)
    answer.add_argument(
        "--given", choices=("yes", "no"), required=True, help=_("a referral or testimonial: yes")
    )
    answer.add_argument("--note", default="")
    answer.set_defaults(handler=_referral_answer)


def _insights(context: AppContext, options: argparse.Namespace) -> int:
    if options.period and options.start:
        raise ValidationError(_("give either --period or --from, not both"))
    if options.start is None and options.end is not None:
        raise ValidationError(_("--to needs --from (or use --period)"))
    if options.start is not None:
        start, end = options.start, options.end or context.planning().today
    else:
        start, end = context.insights.preset(options.period or Preset.FOUR_WEEKS)
    print_json(insights_json(context.insights.figures(start, end)))
    return 0


def insights_json(found: Insights) -> dict[str, Any]:
    """Every figure with its derived percentages; amounts stay in minor units (cents)."""
    data = dataclasses.asdict(found)
    for name, derived in _DERIVED.items():
        figure = getattr(found, name)
        for attribute in derived:
            data[name][attribute] = getattr(figure, attribute)
    for share, source in zip(data["key_share"]["revenue"], found.key_share.revenue, strict=True):
        share["key_percent"] = source.key_percent
    for month, detail in zip(data["after_sale"]["months"], found.after_sale.months, strict=True):
        month["average_score"] = detail.average_score
    for name in (
        "referral_asks",
        "referrals_given",
        "referrals_declined",
        "value_adds",
        "items_sent",
    ):
        data["after_sale"][name] = found.after_sale.total(name)
    return data


def _referral_answer(context: AppContext, options: argparse.Namespace) -> int:
    result = context.referrals.answer(options.touchpoint, options.given == "yes", options.note)
    print_json(dataclasses.asdict(result))
    return 0
