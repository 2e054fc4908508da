"""followup customer add | list | show | edit | delete | restore."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput, CustomerQuery
from app.i18n import LANGUAGES, _
from app.kinds import SALUTATIONS
from app.validation import CHANNELS
from ui.cli.output import print_json
from ui.cli.parsing import any_int, non_negative_int, record_id

# The list's orders, as the command line names them (the service's sort keys).
SORTS = {"name": "name", "next-follow-up": "next_due", "last-contact": "last_contact"}


def customer_json(customer: CustomerDTO) -> dict[str, Any]:
    return {
        "id": customer.id,
        "name": customer.name,
        "company": customer.company,
        "email": customer.email,
        "phone": customer.phone,
        "channel": customer.channel,
        "key": customer.is_key,
        "birthday": str(customer.birthday) if customer.birthday else None,
        "source": customer.source,
        "keep_in_touch_days": customer.keep_in_touch_days,
        "do_not_contact": customer.do_not_contact,
        "notes": customer.notes,
        "industry": customer.industry,
        "tags": list(customer.tags),
        "salutation": customer.salutation or "first",
        "language": customer.language or "default",
        "job_title": customer.job_title,
        "address": {
            "street": customer.street,
            "postal_code": customer.postal_code,
            "city": customer.city,
            "region": customer.region,
            "country": customer.country,
        },
        "next_follow_up": customer.next_due,
        "last_contact": customer.last_contact,
    }


def _add_fields(parser: argparse.ArgumentParser, *, required_name: bool) -> None:
    parser.add_argument("--name", required=required_name)
    parser.add_argument("--company")
    parser.add_argument("--job-title")
    parser.add_argument("--email")
    parser.add_argument("--phone")
    parser.add_argument("--channel", choices=CHANNELS)
    parser.add_argument("--birthday", help=_("YYYY-MM-DD or MM-DD"))
    parser.add_argument("--key", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--source", help=_("how they found you"))
    parser.add_argument("--notes")
    parser.add_argument("--keep-in-touch-days", type=any_int)
    parser.add_argument("--do-not-contact", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--industry", help=_("for matching value-add library items"))
    parser.add_argument("--tags", help=_("comma-separated, for matching library items"))
    parser.add_argument(
        "--salutation",
        choices=["first", *(key for key in SALUTATIONS if key)],
        help=_("how letters greet them: first (Dear Maria, the default), full, ms, mr, dr"),
    )
    parser.add_argument(
        "--language",
        choices=[*LANGUAGES, "default"],
        help=_("the language drafts to them are written in (default: your draft language)"),
    )
    address = parser.add_argument_group(_("postal address (for letters)"))
    address.add_argument("--street", help=_("street and number; a second line after a line break"))
    address.add_argument("--postal-code")
    address.add_argument("--city")
    address.add_argument("--region", help=_("state, province or county"))
    address.add_argument("--country")


def register(commands: Any) -> None:
    customer = commands.add_parser("customer", help=_("add, list and edit customers"))
    actions = customer.add_subparsers(title="actions", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_('add a customer; prints {"id": N}'))
    _add_fields(add, required_name=True)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help=_("list customers"))
    listing.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    listing.add_argument("--search", default="")
    listing.add_argument(
        "--limit", type=non_negative_int, default=0, help=_("at most N (default: all)")
    )
    listing.add_argument(
        "--sort",
        choices=SORTS,
        default="name",
        help=_("order: by name, soonest next follow-up, or longest since the last contact"),
    )
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help=_("one customer as JSON"))
    show.add_argument("id", type=record_id)
    show.set_defaults(handler=lambda ctx, o: _print(ctx.customers.get(o.id)))

    edit = actions.add_parser("edit", help=_("change fields of a customer"))
    edit.add_argument("id", type=record_id)
    _add_fields(edit, required_name=False)
    edit.set_defaults(handler=_edit)

    delete = actions.add_parser("delete", help=_("move a customer to the trash (restorable)"))
    delete.add_argument("id", type=record_id)
    delete.set_defaults(handler=lambda ctx, o: _print(ctx.customers.delete(o.id)))

    restore = actions.add_parser("restore", help=_("bring a customer back from the trash"))
    restore.add_argument("id", type=record_id)
    restore.set_defaults(handler=lambda ctx, o: _print(ctx.customers.restore(o.id)))


def _print(customer: CustomerDTO) -> int:
    print_json(customer_json(customer))
    return 0


def _input_from(options: argparse.Namespace, base: CustomerInput) -> CustomerInput:
    changes: dict[str, Any] = {}
    for option, field in (
        ("name", "name"),
        ("company", "company"),
        ("email", "email"),
        ("phone", "phone"),
        ("channel", "channel"),
        ("birthday", "birthday"),
        ("key", "is_key"),
        ("source", "source"),
        ("notes", "notes"),
        ("keep_in_touch_days", "keep_in_touch_days"),
        ("do_not_contact", "do_not_contact"),
        ("industry", "industry"),
        ("tags", "tags"),
        ("salutation", "salutation"),
        ("language", "language"),
        ("job_title", "job_title"),
        ("street", "street"),
        ("postal_code", "postal_code"),
        ("city", "city"),
        ("region", "region"),
        ("country", "country"),
    ):
        value = getattr(options, option)
        if value is not None:
            changes[field] = value
    return dataclasses.replace(base, **changes)


def _add(context: AppContext, options: argparse.Namespace) -> int:
    created = context.customers.add(_input_from(options, CustomerInput(name="")))
    print_json({"id": created.id})
    return 0


def _edit(context: AppContext, options: argparse.Namespace) -> int:
    current = context.customers.get(options.id)
    base = current.as_input()
    return _print(context.customers.update(options.id, _input_from(options, base)))


def _list(context: AppContext, options: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    after = None
    while True:
        query = CustomerQuery(
            search=options.search, sort_by=SORTS[options.sort], after=after, limit=1000
        )
        page = context.customers.page(query)
        rows.extend(customer_json(row) for row in page.rows)
        if page.next_after is None or (options.limit and len(rows) >= options.limit):
            break
        after = page.next_after
    print_json(rows[: options.limit] if options.limit else rows)
    return 0
