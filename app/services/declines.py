"""Saying no well: the reason, how they found you, a trusted referral, and when to come back."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.dto.outreach import DECLINE_REASONS, DeclineDTO, DeclineInput
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.messages.adhoc import COME_BACK_PREFIX
from app.rules import kit_settle
from app.rules.commitment_rows import live_customer
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import new_touchpoint, to_dto
from app.validation import check_date, clean_block, clean_line
from models.customer import Customer
from models.partner import Partner
from models.repositories import touchpoints as tp_repo
from models.responsiveness import Decline


class DeclineService:
    """Every public method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def add(self, data: DeclineInput) -> DeclineDTO:
        """Record the decline; a come-back date plans a check-in on that (working) day."""
        ctx = self._planning()
        summary = clean_block(data.summary, 5000, N_("summary"))
        if not summary:
            raise ValidationError(_("say in a few words what was asked (summary is empty)"))
        if data.reason not in DECLINE_REASONS:
            raise ValidationError(
                _("reason must be one of {choices}, not {reason!r}").format(
                    choices=", ".join(DECLINE_REASONS), reason=data.reason
                )
            )
        source = clean_line(data.source, 200, N_("source"))
        if data.come_back_on is not None:
            check_date(data.come_back_on, N_("come-back date"))
            if data.customer_id is None:
                raise ValidationError(_("a come-back date needs the customer to come back to"))
            if data.come_back_on < ctx.today:
                raise ValidationError(_("the come-back date is in the past"))
        with self._sessions.begin() as session:
            customer = None
            if data.customer_id is not None:
                customer = live_customer(session, data.customer_id)
                if customer is None:
                    raise NotFound(
                        _("customer {customer_id} does not exist").format(
                            customer_id=data.customer_id
                        )
                    )
            partner = None
            if data.partner_id is not None:
                partner = session.get(Partner, data.partner_id)
                if partner is None:
                    raise NotFound(
                        _("partner {partner_id} does not exist").format(partner_id=data.partner_id)
                    )
                if not partner.trusted:
                    raise ValidationError(
                        _(
                            "partner {name} is not marked trusted; refer only partners you trust"
                        ).format(name=partner.name)
                    )
            row = Decline(
                customer_id=data.customer_id,
                summary=summary,
                reason=data.reason,
                source=source,
                partner_id=data.partner_id,
                come_back_on=data.come_back_on,
                created_at=ctx.now,
            )
            session.add(row)
            if customer is not None and data.come_back_on is not None:
                first_line = clean_line(summary, 10_000, N_("summary"))[:200]
                touchpoint = new_touchpoint(
                    customer_id=customer.id,
                    sale_id=None,
                    step_id=None,
                    kind="check_in",
                    channel=customer.preferred_channel,
                    day=ctx.calendar.roll(data.come_back_on),
                    time_of_day=None,
                    zone=ctx.zone,
                )
                touchpoint.subject = COME_BACK_PREFIX + first_line
                session.add(touchpoint)
                session.flush()
                row.touchpoint_id = touchpoint.id
                kit_settle.settle_customer(session, customer, ctx)
            session.flush()
            return _dto(session, row)

    def find(self, customer_id: int | None = None) -> list[DeclineDTO]:
        """Newest first."""
        with self._sessions() as session:
            statement = select(Decline).order_by(Decline.created_at.desc(), Decline.id.desc())
            if customer_id is not None:
                statement = statement.where(Decline.customer_id == customer_id)
            return [_dto(session, row) for row in session.scalars(statement)]


def _dto(session: Session, row: Decline) -> DeclineDTO:
    partner = session.get(Partner, row.partner_id) if row.partner_id else None
    customer = session.get(Customer, row.customer_id) if row.customer_id else None
    touchpoint = None
    if row.touchpoint_id is not None:
        found = tp_repo.by_ids(session, [row.touchpoint_id])
        touchpoint = to_dto(found[0]) if found else None
    return DeclineDTO(
        id=row.id,
        summary=row.summary,
        reason=row.reason,
        source=row.source,
        partner_id=row.partner_id,
        partner_name=partner.name if partner else "",
        customer_id=row.customer_id,
        come_back_on=row.come_back_on,
        touchpoint=touchpoint,
        customer_name=customer.name if customer else "",
    )
