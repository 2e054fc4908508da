"""followup draft [edit|reset] ID: a follow-up's message in its form, and your own words for it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.dto.touchpoints import Draft
from app.errors import ValidationError
from app.i18n import _
from ui.cli.output import print_json
from ui.cli.parsing import record_id

ACTIONS = ("edit", "reset")
# A message body read from a file is a letter, not a book.
BODY_FILE_LIMIT = 1_000_000


def register(commands: Any) -> None:
    draft = commands.add_parser(
        "draft",
        help=_("a follow-up's message; edit or reset it"),
        usage="followup draft [edit|reset] ID [--json] [--subject S] [--body-file FILE|-] "
        "[--item ITEM_ID | --no-item]",
        description=_(
            "Show a follow-up's draft in its form (message, short text, call script "
            "or checklist). 'edit' keeps your own subject, body or library item with the "
            "follow-up (used by Today, the .ics file and calendar sync); 'reset' brings the "
            "plan's text back."
        ),
    )
    draft.add_argument("words", nargs="+", metavar="[edit|reset] ID")
    draft.add_argument("--json", action="store_true", help=_("the draft as JSON"))
    draft.add_argument("--subject", help=_("edit: the new subject"))
    draft.add_argument(
        "--body-file", metavar="FILE|-", help=_("edit: the new message, from a file or stdin (-)")
    )
    item = draft.add_mutually_exclusive_group()
    item.add_argument("--item", type=record_id, help=_("edit: the library item to bring"))
    item.add_argument("--no-item", action="store_true", help=_("edit: take the item out"))
    draft.set_defaults(handler=_draft)


def _draft(context: AppContext, options: argparse.Namespace) -> int:
    action, touchpoint_id = _words(options.words)
    editing = options.subject is not None or options.body_file or options.item or options.no_item
    if editing and action != "edit":
        raise ValidationError(
            _("--subject, --body-file, --item and --no-item go with 'draft edit'")
        )
    drafts = context.drafts
    if action == "reset":
        draft = drafts.reset(touchpoint_id)
    elif action == "edit":
        if not editing:
            raise ValidationError(
                _("say what to change: --subject, --body-file, --item or --no-item")
            )
        draft = drafts.draft(touchpoint_id)
        if options.item or options.no_item:
            draft = drafts.bring(touchpoint_id, options.item)
        if options.subject is not None or options.body_file:
            body = _read_body(options.body_file) if options.body_file else None
            draft = drafts.edit(touchpoint_id, subject=options.subject, body=body)
    else:
        draft = drafts.draft(touchpoint_id)
    _show(draft, options.json)
    return 0


def _words(words: list[str]) -> tuple[str, int]:
    if len(words) == 1:
        return "", _id(words[0])
    if len(words) == 2 and words[0] in ACTIONS:
        return words[0], _id(words[1])
    raise ValidationError(_("expected ID, 'edit ID' or 'reset ID' (see followup draft --help)"))


def _id(text: str) -> int:
    try:
        return record_id(text)
    except argparse.ArgumentTypeError as exc:
        raise ValidationError(str(exc)) from exc


def _read_body(name: str) -> str:
    if name == "-":
        return sys.stdin.read(BODY_FILE_LIMIT + 1)[: BODY_FILE_LIMIT + 1]
    path = Path(name).expanduser()
    if not path.is_file():
        raise ValidationError(_("{name!r} is not a file").format(name=name))
    if path.stat().st_size > BODY_FILE_LIMIT:
        raise ValidationError(_("{name!r} is too big for a message").format(name=name))
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(_("{name!r} is not UTF-8 text").format(name=name)) from exc


def _show(draft: Draft, as_json: bool) -> None:
    if as_json:
        print_json(draft)
        return
    # A short text has no subject; a script's or checklist's heading is the salesperson's.
    if draft.form == "message":
        print(_("Subject: {subject}").format(subject=draft.subject) + f"\n\n{draft.body}")
    elif draft.subject and draft.form != "short":
        print(f"{draft.subject}\n\n{draft.body}")
    else:
        print(draft.body)
    for warning in draft.warnings:
        # Beside the text, not in it: the text can be piped into a mail program as it is.
        sys.stderr.write(f"followup: note: {warning}\n")
