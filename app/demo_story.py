"""What the demo's salesperson knows, writes and works with: notes that fit each kind of
follow-up (no 'him' under Ana), a value-add library with a line on why each item matters,
trusted partners, and the scenes of the demo's last day (a promise at risk, two requests
waiting, declines that come back)."""

from __future__ import annotations

import datetime as dt
import random

from app.clock import FixedClock
from app.context import AppContext
from app.dto.outreach import DeclineInput, LibraryInput, PartnerInput
from app.dto.sales import SaleInput

PRODUCTS = (
    "Two electric forklifts", "Pallet racking, hall 3", "Service contract 2027",
    "Reach truck with training", "Battery replacement set", "Warehouse scanner fleet",
)  # fmt: skip
# What the salesperson notes after each kind of follow-up: the person is never 'him' or 'her'
# (the sample customers carry no such thing), the words fit what was done.
NOTES: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "Sent; a short reply came back the same day.",
        "Thank-you letter posted with the order confirmation.",
    ),
    "delivery_check": (
        "Delivery on time and complete; the team is already using it.",
        "Delivered; one manual was missing, sent it the next morning.",
        "All arrived as promised. Asked for a refresher on the charging routine.",
    ),
    "check_in": (
        "Quick call: all running well, nothing needed right now.",
        "Left a voicemail; an e-mail answer came the same afternoon.",
        "Chatted about the busy season; more capacity may be needed in spring.",
    ),
    "birthday": ("Card posted.", "Card posted with a handwritten line."),
    # When the library has nothing new for the customer, the salesperson brings something else.
    "value_add": (
        "Passed on an invitation to the spring trade show; will come by the stand.",
        "Sent a note on the new service intervals; a short thank-you came back.",
    ),
    "feedback": (
        "Happy so far; asked about the service plan.",
        "Good overall; the delivery slot could have been announced earlier.",
    ),
    "referral": (
        "Gave the name of a buyer at a sister company; introduction by e-mail.",
        "Happy to be a reference; not yet ready to introduce anyone.",
    ),
    "recovery": ("Done; what was agreed is in the customer's file.",),
    "request": ("Answered by phone.",),
}
# Why the lost sales were lost, with what the customer said.
LOST_REASONS = (
    ("competitor", "Went with their usual supplier."),
    ("price", "Our offer was above their budget."),
    ("timing", "The purchase moved to next year's budget."),
    ("no_decision", "The board postponed the decision."),
)
LOST_NOTES = (
    "Thanked for the time; the door stays open.",
    "Still happy with the other supplier; glad to hear from us again.",
)
# Value to bring: the note is the line on why it matters, which goes into the draft.
LIBRARY = (
    LibraryInput(
        "What a forklift battery really costs over five years", "article",
        "https://forklift-world.example/articles/battery-costs",
        "The charging routine decides most of it, and a few habits save a new battery set.",
        "batteries, forklifts", "logistics, manufacturing",
    ),
    LibraryInput(
        "Warehouse safety checklist 2027", "paper",
        "https://forklift-world.example/papers/safety-checklist-2027",
        "The new inspection rules start next year; this list covers them in one page.",
        "safety", "",
    ),
    LibraryInput(
        "Open day: electric reach trucks in the cold store", "event",
        "https://forklift-world.example/events/cold-store-open-day",
        "You can try the trucks at minus 20 degrees before deciding on the next ones.",
        "forklifts, cold store", "food, logistics",
    ),
    LibraryInput(
        "Financing partner for fleet renewals", "introduction",
        "https://forklift-world.example/partners/fleet-finance",
        "Spreads a fleet renewal over the seasons, which suits a business with busy months.",
        "financing", "agriculture, construction",
    ),
    LibraryInput(
        "Case study: scanner fleet cuts picking errors by a third", "article",
        "https://forklift-world.example/articles/scanner-case-study",
        "A company your size, the same hall layout, and numbers from a full year.",
        "scanners, picking", "logistics, wholesale",
    ),
    LibraryInput(
        "Racking inspections: what insurers now ask for", "article",
        "https://forklift-world.example/articles/racking-inspections",
        "Insurers have started asking for yearly racking checks; this explains what counts.",
        "racking, safety", "",
    ),
    LibraryInput(
        "Forklift World newsletter, winter edition", "newsletter",
        "https://forklift-world.example/newsletter/winter",
        "Three short pieces on winter tyres, battery care in the cold and the spring show.",
        "", "",
    ),
    LibraryInput(
        "Training day for new drivers", "event",
        "https://forklift-world.example/events/driver-training",
        "New seasonal staff learn the trucks in one day, with the certificate they need.",
        "training, safety", "agriculture, hospitality, healthcare",
    ),
)  # fmt: skip
PARTNERS = (
    PartnerInput(
        "Kranservice Süd",
        "Kranservice Süd GmbH",
        "crane inspections, cranes",
        "+49 89 555 0101",
        trusted=True,
    ),
    PartnerInput(
        "Lift & Rent",
        "Lift & Rent AG",
        "short-term rental, rental",
        "+49 89 555 0202",
        trusted=True,
    ),
)


def note_for(kind: str, lost: bool, rng: random.Random) -> str:
    return rng.choice(LOST_NOTES if lost else NOTES.get(kind, ("Followed up as planned.",)))


def stock_library(context: AppContext) -> list[int]:
    """The library and the partners the salesperson has built up; the partners' ids."""
    for item in LIBRARY:
        context.library.add(item)
    return [context.partners.add(partner).id for partner in PARTNERS]


def decline_with_partner(context: AppContext, partner_id: int) -> None:
    """Early on: a request outside the field, referred to a trusted partner."""
    context.declines.add(
        DeclineInput(
            "Asked us to inspect two overhead cranes in the new hall.",
            "outside_field",
            source="website",
            partner_id=partner_id,
        )
    )


def decline_not_now(context: AppContext, customer_id: int, partner_id: int) -> None:
    """A few weeks before today: no capacity now, and a date to come back."""
    today = context.planning().today
    context.declines.add(
        DeclineInput(
            "Wanted six forklifts for the harvest weeks; none free until spring.",
            "no_capacity",
            source="existing customer",
            partner_id=partner_id,
            come_back_on=today + dt.timedelta(weeks=6),
            customer_id=customer_id,
        )
    )


def last_day(context: AppContext, walker: FixedClock, now: dt.datetime, ids: list[int]) -> None:
    """Today's open matters: a delivery promise at risk (its recovery starts now) and two
    requests waiting for an answer, received earlier today and just now."""
    rng = random.Random(len(ids))
    walker.set(now)
    today = context.planning().today
    promises = [
        row
        for row in context.commitments.find(open_only=True)
        if row.status == "on_track" and row.sale_id is not None and row.due_on >= today
    ]
    if not promises:
        customer = rng.choice(ids)
        context.sales.record(
            SaleInput(
                customer,
                today - dt.timedelta(days=10),
                "won",
                amount="48500",
                description="Reach truck with training",
                promised_delivery=today + dt.timedelta(days=5),
            )
        )
        promises = context.commitments.find(customer_id=customer, open_only=True)
    # The nearest delivery of goods (a service contract is no shipment to be late).
    at_risk = min(promises, key=lambda row: ("Service" in row.text, row.due_on))
    context.commitments.at_risk(
        at_risk.id, "The manufacturer moved the delivery by two weeks (mail of this morning)."
    )
    asking = [cid for cid in ids if cid != at_risk.customer_id]
    walker.set(now - dt.timedelta(hours=2))
    context.requests.add(
        rng.choice(asking), "Asks for a quote on a second charging station.", channel="email"
    )
    walker.set(now - dt.timedelta(minutes=20))
    context.requests.add(
        rng.choice(asking), "Called: one truck beeps when reversing uphill. What now?", "phone"
    )
    walker.set(now)
