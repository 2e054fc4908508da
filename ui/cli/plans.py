"""followup plan list | show | restore."""

from __future__ import annotations

import argparse
from typing import Any

from app.context import AppContext
from app.dto.plans import PlanDTO
from app.i18n import _
from ui.cli.output import print_json


def plan_json(plan: PlanDTO) -> dict[str, Any]:
    return {
        "id": plan.id,
        "name": plan.name,
        "trigger": plan.trigger,
        "builtin": plan.builtin_key,
        "lateness_policy": plan.lateness_policy,
        "description": plan.description,
        "steps": [
            {
                "position": step.position,
                "kind": step.kind,
                "channel": step.channel or "preferred",
                "offset": [step.offset_amount, step.offset_unit],
                "anchor": step.anchor,
                "time": step.time_of_day.isoformat("minutes") if step.time_of_day else None,
                "roll": step.roll,
                "repeat": [step.repeat_amount, step.repeat_unit] if step.repeat_unit else None,
                "subject": step.subject,
                "body": step.body,
                # The words in other languages; a language missing here drafts in English.
                "texts": {
                    text.language: {"subject": text.subject, "body": text.body}
                    for text in step.translations
                },
            }
            for step in plan.steps
        ],
    }


def register(commands: Any) -> None:
    plan = commands.add_parser("plan", help=_("follow-up plans"))
    actions = plan.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("all plans"))
    listing.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    listing.set_defaults(handler=_list)
    show = actions.add_parser("show", help=_("one plan with its steps"))
    show.add_argument("name")
    show.add_argument("--json", action="store_true", help=_("JSON object (the default output)"))
    show.set_defaults(handler=lambda ctx, o: _print(ctx.plans.get(o.name)))
    restore = actions.add_parser("restore", help=_("put a built-in plan back as shipped"))
    restore.add_argument("key", choices=("won_sale", "lost_sale", "keep_in_touch"))
    restore.set_defaults(handler=_restore)


def _print(plan: PlanDTO) -> int:
    print_json(plan_json(plan))
    return 0


def _restore(context: AppContext, options: argparse.Namespace) -> int:
    """The plan as shipped, and how many planned follow-ups took its dates again."""
    result = context.plans.restore_builtin(options.key)
    print_json({**plan_json(result.plan), "touchpoints_moved": result.moved})
    return 0


def _list(context: AppContext, _options: argparse.Namespace) -> int:
    print_json([plan_json(plan) for plan in context.plans.all()])
    return 0
