"""followup sale | agenda | touchpoint: the daily loop on the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.context import AppContext
from app.dto.sales import SaleDTO, SaleInput, SaleResult
from app.dto.touchpoints import NewFollowUp
from app.dto.vocabulary import STATUSES, Status
from app.errors import ValidationError
from app.i18n import _
from app.kinds import HAND_KINDS, LOST_REASON_LABELS
from app.validation import CHANNELS
from ui.cli.output import print_json
from ui.cli.parsing import clock_time, iso_date, positive_int, record_id
from ui.cli.touchpoint_json import touchpoint_json


def register(commands: Any) -> None:
    _register_sale(commands)
    agenda = commands.add_parser("agenda", help=_("planned follow-ups, ordered by due time"))
    agenda.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    agenda.add_argument("--from", dest="start", type=iso_date)
    agenda.add_argument("--to", dest="end", type=iso_date)
    agenda.add_argument("--customer", type=record_id)
    agenda.add_argument("--all-statuses", action="store_true", help=_("include done and skipped"))
    agenda.set_defaults(handler=_agenda)
    _register_touchpoint(commands)


def _register_sale(commands: Any) -> None:
    sale = commands.add_parser("sale", help=_("record sales; their plan schedules follow-ups"))
    actions = sale.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("record a won or lost sale and plan its follow-ups"))
    add.add_argument("--customer", type=record_id, required=True)
    add.add_argument("--closed", type=iso_date, required=True)
    add.add_argument("--outcome", choices=("won", "lost"), required=True)
    add.add_argument("--amount", default="")
    add.add_argument("--currency", default="")
    add.add_argument("--description", default="")
    add.add_argument("--delivery", type=iso_date, help=_("promised delivery date"))
    add.add_argument("--plan", default="", help=_("plan name (default: by outcome)"))
    add.add_argument(
        "--lost-reason",
        choices=tuple(LOST_REASON_LABELS),
        default="",
        help=_("why a lost sale was lost"),
    )
    add.add_argument("--lost-note", default="", help=_("more about why it was lost"))
    add.set_defaults(handler=_sale_add)
    update = actions.add_parser("update", help=_("move the promised delivery or mark delivered"))
    update.add_argument("id", type=record_id)
    update.add_argument("--delivery", type=iso_date, help=_("new promised delivery date"))
    update.add_argument("--delivered", type=iso_date, help=_("actual delivery date"))
    update.set_defaults(handler=_sale_update)
    listing = actions.add_parser("list", help=_("a customer's sales"))
    listing.add_argument("--customer", type=record_id, required=True)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_sale_list)


def _register_touchpoint(commands: Any) -> None:
    touchpoint = commands.add_parser(
        "touchpoint", help=_("add, complete, skip, snooze or undo follow-ups")
    )
    actions = touchpoint.add_subparsers(title="actions", metavar="ACTION", required=True)
    done = actions.add_parser("done", help=_("mark done; logs an interaction"))
    done.add_argument("id", type=record_id)
    done.add_argument("--note", default="")
    done.add_argument("--channel", choices=CHANNELS, help=_("the channel actually used"))
    done.set_defaults(
        handler=lambda ctx, o: _show(ctx, ctx.touchpoints.done(o.id, o.note, o.channel or ""))
    )
    skip = actions.add_parser("skip", help=_("skip with a reason"))
    skip.add_argument("id", type=record_id)
    skip.add_argument("--reason", default="")
    skip.set_defaults(handler=lambda ctx, o: _show(ctx, ctx.touchpoints.skip(o.id, o.reason)))
    snooze = actions.add_parser("snooze", help=_("move to later (a working day)"))
    snooze.add_argument("id", type=record_id)
    when = snooze.add_mutually_exclusive_group(required=True)
    when.add_argument("--days", type=positive_int)
    when.add_argument("--until", type=iso_date)
    when.add_argument("--next-working-day", action="store_true")
    snooze.set_defaults(handler=_snooze)
    undo = actions.add_parser("undo", help=_("take back the last done, skip, snooze or new date"))
    undo.add_argument("id", type=record_id)
    undo.set_defaults(handler=_undo)
    add = actions.add_parser("add", help=_("add a follow-up by hand, on the day given"))
    add.add_argument("--customer", type=record_id, required=True)
    add.add_argument("--due", type=iso_date, required=True)
    add.add_argument("--time", type=clock_time, help=_("HH:MM, inside working hours"))
    add.add_argument("--kind", choices=HAND_KINDS, required=True)
    add.add_argument("--channel", choices=CHANNELS, help=_("default: the customer's preferred"))
    add.add_argument("--note", default="", help=_("what it is about"))
    add.set_defaults(handler=_add)
    show = actions.add_parser("show", help=_("one touchpoint as JSON"))
    show.add_argument("id", type=record_id)
    show.set_defaults(handler=lambda ctx, o: _show(ctx, ctx.touchpoints.get(o.id)))


def _show(context: AppContext, item: Any) -> int:
    print_json(touchpoint_json(item, context.settings.get().zone))
    return 0


def _sale_json(sale: SaleDTO) -> dict[str, Any]:
    return {
        "id": sale.id,
        "customer_id": sale.customer_id,
        "closed_on": sale.closed_on.isoformat(),
        "outcome": sale.outcome,
        "amount": sale.amount_minor / 100 if sale.amount_minor is not None else None,
        "currency": sale.currency,
        "description": sale.description,
        "promised_delivery": sale.promised_delivery,
        "actual_delivery": sale.actual_delivery,
        "lost_reason": sale.lost_reason,
        "lost_note": sale.lost_note,
    }


def _result_json(context: AppContext, result: SaleResult) -> dict[str, Any]:
    zone = context.settings.get().zone
    out = {
        "id": result.sale.id,
        "touchpoints": [touchpoint_json(item, zone) for item in result.touchpoints],
    }
    if result.skipped_reason:
        out["skipped_reason"] = result.skipped_reason
    return out


def _sale_add(context: AppContext, options: argparse.Namespace) -> int:
    result = context.sales.record(
        SaleInput(
            customer_id=options.customer,
            closed_on=options.closed,
            outcome=options.outcome,
            amount=options.amount,
            currency=options.currency,
            description=options.description,
            promised_delivery=options.delivery,
            plan_name=options.plan,
            lost_reason=options.lost_reason,
            lost_note=options.lost_note,
        )
    )
    print_json(_result_json(context, result))
    return 0


def _sale_update(context: AppContext, options: argparse.Namespace) -> int:
    if options.delivery is None and options.delivered is None:
        raise ValidationError(_("sale update needs --delivery and/or --delivered"))
    result = context.sales.update_delivery(
        options.id, promised=options.delivery, delivered=options.delivered
    )
    print_json(_result_json(context, result) | {"sale": _sale_json(result.sale)})
    return 0


def _sale_list(context: AppContext, options: argparse.Namespace) -> int:
    print_json([_sale_json(sale) for sale in context.sales.of_customer(options.customer)])
    return 0


def _agenda(context: AppContext, options: argparse.Namespace) -> int:
    statuses = STATUSES if options.all_statuses else (Status.PLANNED,)
    # A promise whose buffer ran out starts its recovery before the agenda is read.
    context.commitments.check_overdue()
    items = context.agenda.touchpoints(options.start, options.end, options.customer, statuses)
    zone = context.settings.get().zone
    print_json([touchpoint_json(item, zone) for item in items])
    return 0


def _snooze(context: AppContext, options: argparse.Namespace) -> int:
    item = context.touchpoints.snooze(options.id, days=options.days, until=options.until)
    return _show(context, item)


def _undo(context: AppContext, options: argparse.Namespace) -> int:
    item, label = context.touchpoints.undo(options.id)
    if item is None:  # an added follow-up, taken away again
        print_json({"id": options.id, "undone": label, "removed": True})
    else:
        print_json(touchpoint_json(item, context.settings.get().zone) | {"undone": label})
    return 0


def _add(context: AppContext, options: argparse.Namespace) -> int:
    added = context.touchpoints.add(
        NewFollowUp(
            customer_id=options.customer,
            kind=options.kind,
            due_date=options.due,
            time_of_day=options.time,
            channel=options.channel or "",
            note=options.note,
        )
    )
    if added.warning:
        sys.stderr.write(f"followup: note: {added.warning}\n")
    return _show(context, added.touchpoint)
