"""Imports every mapped class so Base.metadata is complete (Alembic, tests)."""

from sqlalchemy import Table

from models.base import Base
from models.calendar_sync import CalendarAccount, SyncItem, TouchpointEvent
from models.commitment import Commitment
from models.contact_link import ContactLink
from models.customer import Customer
from models.interaction import Interaction
from models.partner import Partner
from models.plan import Plan, PlanStep, PlanStepText
from models.responsiveness import (
    Decline,
    Feedback,
    InboundRequest,
    LibraryItem,
    LibrarySend,
    ReferralAnswer,
)
from models.sale import Sale
from models.setting import Setting
from models.touchpoint import Touchpoint
from models.touchpoint_draft import TouchpointDraft
from models.undo import UndoEntry

# Worked out from other tables by triggers (models.contact_link): never exported, imported or
# salvaged, since writing their sources rebuilds them.
DERIVED_TABLES = frozenset({"contact_link"})
# Columns worked out by triggers (models.customer_dates), like the derived tables: an export
# leaves them out and an import lets the triggers fill them again.
DERIVED_COLUMNS: dict[str, frozenset[str]] = {
    "customer": frozenset({"next_due", "last_contact_at"}),
}


def source_tables() -> list[Table]:
    """The tables holding what was entered, in dependency order (the derived ones left out)."""
    return [table for table in Base.metadata.sorted_tables if table.name not in DERIVED_TABLES]


__all__ = [
    "DERIVED_COLUMNS",
    "DERIVED_TABLES",
    "Base",
    "CalendarAccount",
    "Commitment",
    "ContactLink",
    "Customer",
    "Decline",
    "Feedback",
    "InboundRequest",
    "Interaction",
    "LibraryItem",
    "LibrarySend",
    "Partner",
    "Plan",
    "PlanStep",
    "PlanStepText",
    "ReferralAnswer",
    "Sale",
    "Setting",
    "SyncItem",
    "Touchpoint",
    "TouchpointDraft",
    "TouchpointEvent",
    "UndoEntry",
    "source_tables",
]
