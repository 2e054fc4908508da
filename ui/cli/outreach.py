"""followup partner | decline | library: saying no well and bringing value."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app.context import AppContext
from app.dto.outreach import (
    DECLINE_REASONS,
    LIBRARY_KINDS,
    DeclineInput,
    LibraryInput,
    PartnerInput,
)
from app.i18n import _
from ui.cli.output import print_json
from ui.cli.parsing import iso_date, positive_int, record_id
from ui.cli.touchpoint_json import touchpoint_json


def register(commands: Any) -> None:
    partner = commands.add_parser("partner", help=_("partners you refer declined requests to"))
    actions = partner.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_('add a partner; prints {"id": N}'))
    add.add_argument("--name", required=True)
    add.add_argument("--company", default="")
    add.add_argument("--covers", default="", help=_('fields they cover: "leasing, insurance"'))
    add.add_argument("--contact", default="")
    add.add_argument("--notes", default="")
    add.add_argument(
        "--trusted", action="store_true", help=_("only trusted partners are suggested")
    )
    add.set_defaults(handler=_partner_add)
    listing = actions.add_parser("list", help=_("the partner directory"))
    listing.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    listing.add_argument("--field", help=_("only trusted partners covering this field"))
    listing.set_defaults(handler=_partner_list)

    decline = commands.add_parser("decline", help=_("turn a request down well"))
    decline_actions = decline.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = decline_actions.add_parser("add", help=_('record a decline; prints {"id": N, ...}'))
    add.add_argument("--summary", required=True)
    add.add_argument("--reason", choices=DECLINE_REASONS, required=True)
    add.add_argument("--source", default="", help=_("how they found you"))
    add.add_argument(
        "--partner", type=record_id, help=_("the trusted partner you referred them to")
    )
    add.add_argument("--come-back", type=iso_date, help=_("not now: when to come back"))
    add.add_argument("--customer", type=record_id)
    add.set_defaults(handler=_decline_add)
    listing = decline_actions.add_parser("list", help=_("declines, newest first"))
    listing.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    listing.add_argument("--customer", type=record_id)
    listing.set_defaults(handler=_decline_list)
    _register_library(commands)


def _register_library(commands: Any) -> None:
    library = commands.add_parser("library", help=_("articles, papers, events, introductions"))
    actions = library.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_('add an item; prints {"id": N}'))
    add.add_argument("--title", required=True)
    add.add_argument("--kind", choices=LIBRARY_KINDS, default="article")
    add.add_argument("--url", default="")
    add.add_argument("--note", default="")
    add.add_argument("--tags", default="", help=_("comma-separated"))
    add.add_argument("--industries", default="", help=_("comma-separated"))
    add.add_argument("--expires", type=iso_date)
    add.set_defaults(handler=_library_add)
    listing = actions.add_parser("list", help=_("every item, newest first"))
    listing.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    listing.set_defaults(handler=_library_list)
    suggest = actions.add_parser("suggest", help=_("items for a customer they have not had yet"))
    suggest.add_argument("--customer", type=record_id, required=True)
    suggest.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    suggest.add_argument("--limit", type=positive_int, default=10)
    suggest.set_defaults(handler=_library_suggest)
    send = actions.add_parser("send", help=_("record an item as sent (completes the touchpoint)"))
    send.add_argument("item", type=record_id)
    send.add_argument("--customer", type=record_id, required=True)
    send.add_argument(
        "--touchpoint", type=record_id, help=_("the value-add touchpoint it completes")
    )
    send.set_defaults(handler=_library_send)


def _partner_add(context: AppContext, options: argparse.Namespace) -> int:
    data = PartnerInput(
        options.name, options.company, options.covers, options.contact, options.trusted,
        options.notes,
    )  # fmt: skip
    print_json({"id": context.partners.add(data).id})
    return 0


def _partner_list(context: AppContext, options: argparse.Namespace) -> int:
    partners = (
        context.partners.suggest(options.field)
        if options.field is not None
        else context.partners.find()
    )
    print_json(partners)
    return 0


def _decline_add(context: AppContext, options: argparse.Namespace) -> int:
    data = DeclineInput(
        summary=options.summary,
        reason=options.reason,
        source=options.source,
        partner_id=options.partner,
        come_back_on=options.come_back,
        customer_id=options.customer,
    )
    done = context.declines.add(data)
    zone = context.settings.get().zone
    touchpoint = touchpoint_json(done.touchpoint, zone) if done.touchpoint else None
    print_json({"id": done.id, "touchpoint": touchpoint})
    return 0


def _decline_list(context: AppContext, options: argparse.Namespace) -> int:
    zone = context.settings.get().zone
    rows = []
    for item in context.declines.find(options.customer):
        row = dataclasses.asdict(item)
        row["touchpoint"] = touchpoint_json(item.touchpoint, zone) if item.touchpoint else None
        rows.append(row)
    print_json(rows)
    return 0


def _library_add(context: AppContext, options: argparse.Namespace) -> int:
    data = LibraryInput(
        options.title, options.kind, options.url, options.note, options.tags,
        options.industries, options.expires,
    )  # fmt: skip
    print_json({"id": context.library.add(data).id})
    return 0


def _library_list(context: AppContext, _options: argparse.Namespace) -> int:
    print_json(context.library.find())
    return 0


def _library_suggest(context: AppContext, options: argparse.Namespace) -> int:
    print_json(context.library.suggest(options.customer, limit=max(1, min(options.limit, 100))))
    return 0


def _library_send(context: AppContext, options: argparse.Namespace) -> int:
    print_json(context.library.send(options.item, options.customer, options.touchpoint))
    return 0
