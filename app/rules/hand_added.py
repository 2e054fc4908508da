"""Follow-ups added by hand: the checks and the row, apart from any plan."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.dto.touchpoints import NewFollowUp
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.kinds import HAND_KINDS, kind_label
from app.rules.commitment_rows import live_customer
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import new_touchpoint
from app.validation import check_channel, check_date, clean_line
from models.touchpoint import Touchpoint


def add_by_hand(
    session: Session, data: NewFollowUp, ctx: PlanningContext
) -> tuple[Touchpoint, str]:
    """The new planned row (pinned: the date is the user's), and a warning line when that
    date is not a working day."""
    customer = live_customer(session, data.customer_id)
    if customer is None:
        raise NotFound(
            _("Customer {customer_id} does not exist.").format(customer_id=data.customer_id)
        )
    if customer.do_not_contact:
        raise ValidationError(
            _("{name} is marked do not contact; no follow-up added.").format(name=customer.name)
        )
    if data.kind not in HAND_KINDS:
        choices = ", ".join(HAND_KINDS)
        raise ValidationError(
            _("Kind {kind!r} cannot be added by hand; use one of {choices}.").format(
                kind=data.kind, choices=choices
            )
        )
    check_date(data.due_date, N_("date"))
    if data.due_date < ctx.today:
        raise ValidationError(_("A follow-up cannot be added in the past; choose today or later."))
    at = data.time_of_day
    start, end = ctx.calendar.work_start, ctx.calendar.work_end
    if at is not None and not start <= at <= end:
        raise ValidationError(
            _(
                "{at:%H:%M} is outside working hours ({start:%H:%M}–{end:%H:%M}); choose "
                "a time between them or none."
            ).format(at=at, start=start, end=end)
        )
    channel = check_channel(data.channel) if data.channel else customer.preferred_channel
    # Keep-in-touch takes a planned check-in with no subject as its own (and keeps only one):
    # a hand-added one always carries a subject, its kind's name when there is no note.
    subject = clean_line(data.note, 300, N_("note")) or kind_label(data.kind)
    row = new_touchpoint(
        customer_id=customer.id,
        sale_id=None,
        step_id=None,
        kind=data.kind,
        channel=channel,
        day=data.due_date,
        time_of_day=at,
        zone=ctx.zone,
        pinned=True,
    )
    row.subject = subject
    session.add(row)
    session.flush()
    warning = ""
    if not ctx.calendar.is_working_day(data.due_date):
        warning = _("{day} is a day off; the follow-up stays on it.").format(
            day=f"{data.due_date:%A %d %B %Y}"
        )
    return row, warning
