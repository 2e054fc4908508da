"""Imports every mapped class so Base.metadata is complete (Alembic, tests)."""

from models.base import Base
from models.calendar_sync import CalendarAccount, SyncItem, TouchpointEvent
from models.commitment import Commitment
from models.contact_link import ContactLink
from models.customer import Customer
from models.interaction import Interaction
from models.partner import Partner
from models.plan import Plan, PlanStep
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

__all__ = [
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
    "ReferralAnswer",
    "Sale",
    "Setting",
    "SyncItem",
    "Touchpoint",
    "TouchpointDraft",
    "TouchpointEvent",
    "UndoEntry",
]
