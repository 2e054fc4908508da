"""Rendering a touchpoint's message: merge values from customer, sale and profile; links."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Sequence

from app.dto.touchpoints import Draft
from app.kinds import channel_label, kind_label
from app.messages.templates import render
from app.preferences import Preferences
from models.customer import Customer
from models.sale import Sale
from models.touchpoint import Touchpoint


def format_day(day: dt.date) -> str:
    # Unambiguous in every locale: 25 Nov 2026.
    return f"{day.day} {day:%b %Y}"


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
        amount = f"{sale.amount_minor / 100:,.2f} {sale.currency}"
    steps = "\n".join(
        f"- {format_day(row.due_date)}: {kind_label(row.kind)} ({channel_label(row.channel)})"
        for row in later
    )
    return {
        "customer_name": customer.name,
        "customer_first_name": customer.name.split()[0] if customer.name.split() else "",
        "company": customer.company,
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


def build_draft(
    touchpoint: Touchpoint,
    customer: Customer,
    subject_template: str,
    body_template: str,
    values: dict[str, str],
) -> Draft:
    subject = render(subject_template, values).strip() or kind_label(touchpoint.kind)
    body = render(body_template, values).strip()
    mailto = ""
    if customer.email:
        query = urllib.parse.urlencode(
            {"subject": subject, "body": body}, quote_via=urllib.parse.quote
        )
        mailto = f"mailto:{urllib.parse.quote(customer.email, safe='@')}?{query}"
    digits = "".join(ch for ch in customer.phone if ch.isdigit() or ch == "+")
    return Draft(
        touchpoint_id=touchpoint.id,
        subject=subject,
        body=body,
        channel=touchpoint.channel,
        to_email=customer.email,
        to_phone=customer.phone,
        mailto=mailto,
        tel=f"tel:{digits}" if digits else "",
    )
