"""followup settings show | set: the profile that signs letters and the calendar rules."""

from __future__ import annotations

import argparse
from typing import Any

from app.context import AppContext
from app.i18n import _
from app.setting_choices import currency_name, holiday_region_name, time_zone_label
from ui.cli.output import print_json


def register(commands: Any) -> None:
    settings = commands.add_parser("settings", help=_("your profile and preferences"))
    actions = settings.add_subparsers(title="actions", metavar="ACTION", required=True)
    show = actions.add_parser("show", help=_("all settings"))
    show.add_argument("--json", action="store_true", help=_("JSON object (the default output)"))
    show.set_defaults(handler=_show)
    change = actions.add_parser(
        "set", help=_("change one setting; calendar rules re-plan planned follow-ups")
    )
    change.add_argument("key")
    change.add_argument("value")
    change.set_defaults(handler=_set)


def _show(context: AppContext, _options: argparse.Namespace) -> int:
    shown = context.settings.as_display()
    # The stored codes stay as scripts know them; what they name is beside them.
    prefs = context.settings.get()
    shown["names"] = {
        "timezone": time_zone_label(prefs.timezone, context.clock.now()),
        "holiday_country": holiday_region_name(prefs.holiday_country) or "none",
        "currency": currency_name(prefs.currency),
    }
    print_json(shown)
    return 0


def _set(context: AppContext, options: argparse.Namespace) -> int:
    change = context.change_settings({options.key: options.value})
    shown: dict[str, object] = {options.key: context.settings.as_display()[options.key]}
    if change.moved is not None:
        shown["touchpoints_moved"] = change.moved
    print_json(shown)
    return 0
