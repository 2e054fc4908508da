"""Partner directory: people in neighbouring fields; only trusted ones are suggested."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.outreach import PartnerDTO, PartnerInput
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.rules.planning_context import PlanningContext
from app.tags import join, overlaps, parse_list, split_stored
from app.validation import check_name, clean_block, clean_line
from models.partner import Partner
from models.repositories import outreach as repo


def partner_dto(row: Partner) -> PartnerDTO:
    return PartnerDTO(
        id=row.id,
        name=row.name,
        company=row.company,
        covers=split_stored(row.covers),
        contact=row.contact,
        trusted=row.trusted,
        notes=row.notes,
    )


def _apply(row: Partner, data: PartnerInput) -> None:
    """Validate every field, then write: a bad field leaves the row untouched."""
    name = check_name(data.name)
    company = clean_line(data.company, 200, N_("company"))
    covers = parse_list(data.covers, N_("fields covered"), lower=False)
    contact = clean_block(data.contact, 2000, N_("contact"))
    notes = clean_block(data.notes, 5000, N_("notes"))
    row.name, row.company, row.covers = name, company, join(covers)
    row.contact, row.notes, row.trusted = contact, notes, data.trusted


class PartnerService:
    """Every public method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def add(self, data: PartnerInput) -> PartnerDTO:
        row = Partner(created_at=self._planning().now)
        _apply(row, data)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            return partner_dto(row)

    def update(self, partner_id: int, data: PartnerInput) -> PartnerDTO:
        with self._sessions.begin() as session:
            row = self._get(session, partner_id)
            _apply(row, data)
            session.flush()
            return partner_dto(row)

    def get(self, partner_id: int) -> PartnerDTO:
        with self._sessions() as session:
            return partner_dto(self._get(session, partner_id))

    def find(self, trusted_only: bool = False) -> list[PartnerDTO]:
        with self._sessions() as session:
            return [partner_dto(row) for row in repo.partners(session, trusted_only)]

    def suggest(self, field: str) -> list[PartnerDTO]:
        """Trusted partners covering `field` (a word in common is enough)."""
        wanted = [clean_line(field, 200, N_("field"))]
        if not wanted[0]:
            raise ValidationError(_("say which field the request is about"))
        return [p for p in self.find(trusted_only=True) if overlaps(wanted, p.covers)]

    @staticmethod
    def _get(session: Session, partner_id: int) -> Partner:
        row = session.get(Partner, partner_id)
        if row is None:
            raise NotFound(_("partner {partner_id} does not exist").format(partner_id=partner_id))
        return row
