"""Rendering a touchpoint's message: merge values from customer, sale and profile; links."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

from app.dto.touchpoints import Draft
from app.dto.vocabulary import Kind
from app.messages.channel_texts import fallback_subject
from app.messages.forms import Form
from app.messages.greeting import addressed_as, greeting
from app.messages.readiness import readiness
from app.messages.templates import render
from app.messages.value_item import VALUE_FIELD
from app.money import money_text
from app.postal_address import format_address
from app.preferences import Preferences
from models.customer import Customer
from models.sale import Sale
from models.touchpoint import Touchpoint


def format_day(day: dt.date) -> str:
    # Unambiguous in every locale: 25 Nov 2026.
    return f"{day.day} {day:%b %Y}"


# What the customer is told will happen next, by the channel of our delivery check. The
# other follow-ups (value to bring, feedback, the referral ask) are never announced.
_DELIVERY_CHECK = {
    "phone": "I will call you",
    "in_person": "I will visit you",
    "text": "I will send you a message",
    "social": "I will send you a message",
}
_STAY_IN_TOUCH = "- I will stay in touch to make sure everything works as promised."


def next_steps_text(later: Sequence[tuple[dt.date, str, str]]) -> str:
    """The next steps as the customer will experience them, from the (day, kind, channel)
    of the follow-ups still to come: the delivery check, in the customer's words."""
    for day, kind, channel in sorted(later):
        if kind == Kind.DELIVERY_CHECK:
            how = _DELIVERY_CHECK.get(channel, "I will write to you")
            return f"- On {format_day(day)} {how} to make sure the delivery went as promised."
    return _STAY_IN_TOUCH


def merge_values(
    customer: Customer,
    sale: Sale | None,
    prefs: Preferences,
    later: Sequence[Touchpoint],
    today: dt.date,
) -> dict[str, str]:
    delivery = sale.actual_delivery or sale.promised_delivery if sale else None
    amount = ""
    if sale and sale.amount_minor is not None:
        amount = money_text(sale.amount_minor, sale.currency)
    steps = next_steps_text([(row.due_date, row.kind, row.channel) for row in later])
    return {
        "greeting": greeting(customer.name, customer.salutation),
        "customer_address": addressed_as(customer.name, customer.salutation),
        "customer_name": customer.name,
        "customer_first_name": customer.name.split()[0] if customer.name.split() else "",
        "company": customer.company,
        "customer_job_title": customer.job_title,
        "postal_address": format_address(
            customer.street, customer.postal_code, customer.city, customer.region, customer.country
        ),
        "customer_email": customer.email,
        "customer_phone": customer.phone,
        # Sentences are written around these: an empty one would leave "confirm that  arrived".
        "sale_description": (sale.description.strip() or "your order") if sale else "",
        "sale_amount": amount,
        "closed_on": format_day(sale.closed_on) if sale else "",
        "delivery_date": format_day(delivery) if delivery else "the date we agree with you",
        "next_steps": steps,
        "my_name": prefs.my_name,
        "my_title": prefs.my_title,
        "my_company": prefs.my_company,
        "my_phone": prefs.my_phone,
        "my_mobile": prefs.my_mobile,
        "my_email": prefs.my_email,
        "my_website": prefs.my_website,
        "today": format_day(today),
    }


@dataclass(frozen=True)
class DraftText:
    """What a draft says, before links and warnings: the plan's text rendered, or the
    salesperson's own words where they changed it."""

    form: Form
    subject: str
    body: str
    # The salesperson changed the subject or the body (kept with the follow-up).
    edited: bool = False
    # The form their words were written for, when it was another ("" when the same).
    written_for: str = ""
    item_id: int | None = None
    item_title: str = ""
    # The plan's text has a place for a library item (or the salesperson's own words do).
    takes_item: bool = False
    # A recovery step's whole recovery: (text, "done" / "skipped" / "now" / "later").
    checklist: tuple[tuple[str, str], ...] = ()


def rendered_text(kind: str, texts: tuple[Form, str, str], values: dict[str, str]) -> DraftText:
    """The plan's (form, subject template, body template) filled for one follow-up."""
    form, subject_template, body_template = texts
    subject = render(subject_template, values).strip()
    if not subject and form is Form.MESSAGE:
        subject = render(fallback_subject(kind), values).strip()
    body = render(body_template, values).strip()
    return DraftText(form, subject, body, takes_item=VALUE_FIELD in body_template)


def build_draft(
    touchpoint: Touchpoint, customer: Customer, text: DraftText, prefs: Preferences
) -> Draft:
    """The draft with the links its form allows and what stands between it and sending."""
    form, subject, body = text.form, text.subject, text.body
    mailto = ""
    if customer.email and form is Form.MESSAGE:
        query = urllib.parse.urlencode(
            {"subject": subject, "body": body}, quote_via=urllib.parse.quote
        )
        mailto = f"mailto:{urllib.parse.quote(customer.email, safe='@')}?{query}"
    digits = "".join(ch for ch in customer.phone if ch.isdigit() or ch == "+")
    sms = ""
    if digits and form is Form.SHORT and touchpoint.channel == "text":
        # RFC 5724: sms:<number>?body=<text>.
        sms = f"sms:{digits}?body={urllib.parse.quote(body)}"
    address = format_address(
        customer.street, customer.postal_code, customer.city, customer.region, customer.country
    )
    ready = readiness(
        form, body, prefs, customer.phone, touchpoint.channel, text.written_for, address
    )
    return Draft(
        touchpoint_id=touchpoint.id,
        subject=subject,
        body=body,
        channel=touchpoint.channel,
        to_email=customer.email,
        to_phone=customer.phone,
        mailto=mailto,
        tel=f"tel:{digits}" if digits else "",
        form=form.value,
        warnings=ready.warnings,
        needs_words=ready.needs_words,
        needs_profile=ready.needs_profile,
        sms=sms,
        kind=touchpoint.kind,
        customer_id=customer.id,
        edited=text.edited,
        item_id=text.item_id,
        item_title=text.item_title,
        takes_item=text.takes_item,
        checklist=text.checklist,
    )
