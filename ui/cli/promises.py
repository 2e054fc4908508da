"""followup commitment | request | feedback: promises kept, requests answered, scores heard."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from app.context import AppContext
from app.dto.commitments import CommitmentDTO, CommitmentInput, Recovery
from app.dto.outreach import FeedbackResult, RequestDTO
from app.i18n import N_, _
from app.validation import CHANNELS
from ui.cli.output import print_json
from ui.cli.parsing import any_int, iso_date, non_negative_int, record_id
from ui.cli.touchpoint_json import touchpoint_json


def register(commands: Any) -> None:
    _register_commitment(commands)
    request = commands.add_parser("request", help=_("inbound requests, answered in working hours"))
    actions = request.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_('log a request received now; prints {"id", "due"}'))
    add.add_argument("--customer", type=record_id, required=True)
    add.add_argument("--summary", required=True)
    add.add_argument("--channel", choices=CHANNELS, help=_("how it came in (default: preferred)"))
    add.set_defaults(handler=_request_add)
    answer = actions.add_parser("answer", help=_("mark answered; logs the contact"))
    answer.add_argument("id", type=record_id)
    answer.add_argument("--note", default="")
    answer.set_defaults(
        handler=lambda ctx, o: _print_request(ctx, ctx.requests.answer(o.id, o.note))
    )
    listing = actions.add_parser("list", help=_("unanswered requests, the one due soonest first"))
    listing.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    listing.add_argument("--all", action="store_true", help=_("answered ones too"))
    listing.add_argument("--customer", type=record_id)
    listing.set_defaults(handler=_request_list)

    feedback = commands.add_parser("feedback", help=_("record a customer's feedback score"))
    feedback_actions = feedback.add_subparsers(title="actions", metavar="ACTION", required=True)
    record = feedback_actions.add_parser("add", help=_("score 1-5 from a feedback touchpoint"))
    record.add_argument("--touchpoint", type=record_id, required=True)
    record.add_argument("--score", type=any_int, choices=range(1, 6), required=True)
    record.add_argument("--note", default="")
    record.set_defaults(handler=_feedback_add)


def _register_commitment(commands: Any) -> None:
    commitment = commands.add_parser("commitment", help=_("promises: at risk, kept, broken"))
    actions = commitment.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_('record a promise; prints {"id": N}'))
    add.add_argument("--customer", type=record_id, required=True)
    add.add_argument("--due", type=iso_date, required=True)
    add.add_argument("--text", required=True)
    add.add_argument("--sale", type=record_id)
    add.add_argument("--buffer-days", type=non_negative_int, default=0)
    add.set_defaults(handler=_commitment_add)
    listing = actions.add_parser("list", help=_("promises, soonest due first"))
    listing.add_argument("--json", action="store_true", help=_("JSON array (the default output)"))
    listing.add_argument("--customer", type=record_id)
    listing.add_argument("--open", action="store_true", help=_("only on track and at risk"))
    listing.set_defaults(handler=_commitment_list)
    at_risk = actions.add_parser("at-risk", help=_("start the recovery; its first steps are today"))
    at_risk.add_argument("id", type=record_id)
    at_risk.add_argument("--note", default="")
    at_risk.set_defaults(handler=_at_risk)
    for name, helptext in (("kept", N_("the promise was kept")), ("broken", N_("it was broken"))):
        resolve = actions.add_parser(name, help=_(helptext))
        resolve.add_argument("id", type=record_id)
        resolve.add_argument("--note", default="")
        resolve.set_defaults(handler=_resolve, kept=name == "kept")
    record = actions.add_parser("record", help=_("your delivery record: kept, broken, recovered"))
    record.add_argument("--customer", type=record_id)
    record.set_defaults(handler=_record)


def commitment_json(item: CommitmentDTO) -> dict[str, Any]:
    return {
        "id": item.id,
        "customer_id": item.customer_id,
        "customer": item.customer_name,
        "sale_id": item.sale_id,
        "text": item.text,
        "due": item.due_on.isoformat(),
        "buffer_days": item.buffer_days,
        "status": item.status,
        "outcome": item.outcome or None,
        "note": item.note,
        "recovery_started": item.recovery_started_at is not None,
    }


def _commitment_add(context: AppContext, options: argparse.Namespace) -> int:
    data = CommitmentInput(
        options.customer, options.text, options.due, options.buffer_days, options.sale
    )
    print_json({"id": context.commitments.add(data).id})
    return 0


def _commitment_list(context: AppContext, options: argparse.Namespace) -> int:
    context.commitments.check_overdue()
    items = context.commitments.find(options.customer, open_only=options.open)
    print_json([commitment_json(item) for item in items])
    return 0


def recovery_json(context: AppContext, recovery: Recovery) -> dict[str, Any]:
    zone = context.settings.get().zone
    guide = recovery.compensation
    return {
        "id": recovery.commitment.id,
        "status": recovery.commitment.status,
        "started": recovery.started,
        "touchpoints": [touchpoint_json(item, zone) for item in recovery.touchpoints],
        "checklist": [dataclasses.asdict(line) for line in recovery.checklist],
        "compensation": {
            "floor": guide.floor_minor / 100 if guide.floor_minor is not None else None,
            "currency": guide.currency,
            "customer_value": {t.currency: t.amount_minor / 100 for t in guide.customer_value},
        },
    }


def _at_risk(context: AppContext, options: argparse.Namespace) -> int:
    print_json(recovery_json(context, context.commitments.at_risk(options.id, options.note)))
    return 0


def _resolve(context: AppContext, options: argparse.Namespace) -> int:
    service = context.commitments
    done = (service.kept if options.kept else service.broken)(options.id, options.note)
    print_json(commitment_json(done))
    return 0


def _record(context: AppContext, options: argparse.Namespace) -> int:
    context.commitments.check_overdue()
    print_json(dataclasses.asdict(context.commitments.record(options.customer)))
    return 0


def request_json(item: RequestDTO, zone: dt.tzinfo) -> dict[str, Any]:
    def local(instant: dt.datetime | None) -> str | None:
        return instant.astimezone(zone).isoformat(timespec="minutes") if instant else None

    return {
        "id": item.id,
        "customer_id": item.customer_id,
        "customer": item.customer_name,
        "channel": item.channel,
        "summary": item.summary,
        "received": local(item.received_at),
        "due": local(item.due_at),
        "answered": local(item.answered_at),
        "answer_note": item.answer_note,
        "overdue": item.overdue,
        "touchpoint_id": item.touchpoint_id,
    }


def _print_request(context: AppContext, item: RequestDTO) -> int:
    print_json(request_json(item, context.settings.get().zone))
    return 0


def _request_add(context: AppContext, options: argparse.Namespace) -> int:
    item = context.requests.add(options.customer, options.summary, options.channel or "")
    zone = context.settings.get().zone
    due = item.due_at.astimezone(zone).isoformat(timespec="minutes")
    print_json({"id": item.id, "due": due, "touchpoint_id": item.touchpoint_id})
    return 0


def _request_list(context: AppContext, options: argparse.Namespace) -> int:
    zone = context.settings.get().zone
    items = context.requests.find(open_only=not options.all, customer_id=options.customer)
    print_json([request_json(item, zone) for item in items])
    return 0


def _feedback_add(context: AppContext, options: argparse.Namespace) -> int:
    result: FeedbackResult = context.feedback.record(
        options.touchpoint, options.score, options.note
    )
    zone = context.settings.get().zone
    print_json(
        {
            "id": result.id,
            "score": result.score,
            "skipped": [touchpoint_json(item, zone) for item in result.skipped],
            "added": [touchpoint_json(item, zone) for item in result.added],
            "moved": [touchpoint_json(item, zone) for item in result.moved],
        }
    )
    return 0
