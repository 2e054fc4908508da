"""What a change to the data touched, as a value the faces can test (never a text)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Area(StrEnum):
    """A part of the data a screen may show."""

    CUSTOMERS = "customers"
    SALES = "sales"
    TOUCHPOINTS = "touchpoints"
    PLANS = "plans"
    SETTINGS = "settings"
    # Promises, inbound requests and declines.
    COMMITMENTS = "commitments"
    # Interactions, library items sent, feedback and partners.
    OUTREACH = "outreach"
    # Calendar accounts and what was synced to them (every sync writes here).
    ACCOUNTS = "accounts"


@dataclass(frozen=True)
class Changes:
    """One committed change: which areas it wrote, and for whose customers.

    `customer_ids` names the customers whose rows changed; `all_customers` says a bulk
    write changed customers' rows without naming them (treat every customer as touched)."""

    areas: frozenset[Area] = frozenset()
    customer_ids: frozenset[int] = frozenset()
    all_customers: bool = False

    def touches(self, *areas: Area) -> bool:
        """Whether any of `areas` changed."""
        return not self.areas.isdisjoint(areas)

    def touches_customer(self, customer_id: int) -> bool:
        """Whether rows of this customer may have changed."""
        return self.all_customers or customer_id in self.customer_ids

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.areas | other.areas,
            self.customer_ids | other.customer_ids,
            self.all_customers or other.all_customers,
        )

    def __bool__(self) -> bool:
        return bool(self.areas)


# The agenda (Today, a customer's coming follow-ups) shows these.
AGENDA_AREAS = (Area.TOUCHPOINTS, Area.CUSTOMERS, Area.SALES, Area.SETTINGS, Area.COMMITMENTS)
# What the calendar events are made of: a change here is worth a sync (a sync's own
# bookkeeping, in ACCOUNTS, is not, or each sync would ask for the next).
CALENDAR_AREAS = (Area.TOUCHPOINTS, Area.CUSTOMERS, Area.SETTINGS)
