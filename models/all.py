"""Imports every mapped class so Base.metadata is complete (Alembic, tests)."""

from models.base import Base
from models.commitment import Commitment
from models.customer import Customer
from models.interaction import Interaction
from models.partner import Partner
from models.plan import Plan, PlanStep
from models.sale import Sale
from models.setting import Setting
from models.touchpoint import Touchpoint

__all__ = [
    "Base",
    "Commitment",
    "Customer",
    "Interaction",
    "Partner",
    "Plan",
    "PlanStep",
    "Sale",
    "Setting",
    "Touchpoint",
]
