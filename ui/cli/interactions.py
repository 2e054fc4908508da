"""followup interaction: log a contact on its day, with an optional next step to plan."""

from __future__ import annotations

import argparse
from typing import Any

from app.context import AppContext
from app.dto.timeline import NextStepInput
from app.errors import ValidationError
from app.i18n import _
from app.kinds import HAND_KINDS
from app.validation import CHANNELS
from ui.cli.output import print_json
from ui.cli.parsing import iso_date, record_id


def register(commands: Any) -> None:
    interaction = commands.add_parser("interaction", help=_("log contacts that happened"))
    actions = interaction.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help=_("log a contact; restarts keep-in-touch"),
        description=(
            _(
                "Log a contact that happened (today unless --on says otherwise). With --next-kind "
                "and --next-due, the next step becomes a planned follow-up for the customer."
            )
        ),
    )
    add.add_argument("--customer", type=record_id, required=True)
    add.add_argument("--channel", choices=CHANNELS)
    add.add_argument("--summary", required=True)
    add.add_argument(
        "--on", type=iso_date, metavar="DATE", help=_("the day it happened (default today)")
    )
    step = add.add_argument_group(_("next step (a follow-up to plan)"))
    step.add_argument("--next-kind", choices=HAND_KINDS, help=_("what the next step is"))
    step.add_argument("--next-due", type=iso_date, metavar="DATE", help=_("the day it is due"))
    step.add_argument("--next-note", default="", metavar="TEXT", help=_("what to do then"))
    step.add_argument(
        "--next-channel", choices=CHANNELS, help=_("how (default: the customer's channel)")
    )
    add.set_defaults(handler=_add)
    listing = actions.add_parser("list", help=_("a customer's interactions, newest first"))
    listing.add_argument("--customer", type=record_id, required=True)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)


def _next_step(options: argparse.Namespace) -> NextStepInput | None:
    details = options.next_note or options.next_channel
    if options.next_kind is None and options.next_due is None:
        if details:
            raise ValidationError(
                _("--next-note and --next-channel need --next-kind and --next-due")
            )
        return None
    if options.next_kind is None or options.next_due is None:
        raise ValidationError(_("a next step needs both --next-kind and --next-due"))
    return NextStepInput(
        options.next_kind, options.next_due, options.next_note, options.next_channel or ""
    )


def _add(context: AppContext, options: argparse.Namespace) -> int:
    item = context.interactions.add(
        options.customer,
        options.summary,
        options.channel or "",
        on=options.on,
        next_step=_next_step(options),
    )
    out: dict[str, Any] = {"id": item.id}
    if item.next_step_id is not None:
        out["next_step"] = item.next_step_id
    print_json(out)
    return 0


def _list(context: AppContext, options: argparse.Namespace) -> int:
    print_json(context.interactions.of_customer(options.customer))
    return 0
