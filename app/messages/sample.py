"""Sample merge values for template previews: a made-up customer and sale, your real profile."""

from __future__ import annotations

import datetime as dt

from app.i18n import ENGLISH
from app.messages.drafts import format_day, next_steps_text
from app.messages.greeting import addressed_as, greeting
from app.messages.value_item import value_values
from app.money import money_text
from app.preferences import Preferences

SAMPLE_CUSTOMER = "Ana Silva"
SAMPLE_COMPANY = "Acme Logistics"
SAMPLE_SALE = "Two forklifts"
SAMPLE_AMOUNT_MINOR = 2_450_000
# A close today and a delivery two weeks on: typical dates for the won-sale letters.
DELIVERY_AFTER = dt.timedelta(days=14)


def sample_values(prefs: Preferences, today: dt.date, language: str = ENGLISH) -> dict[str, str]:
    """Every merge field filled as a real draft would be, for a sample customer and sale,
    in the draft's `language`."""
    delivery = today + DELIVERY_AFTER
    later = (
        (delivery + dt.timedelta(days=1), "delivery_check", "phone"),
        (delivery + dt.timedelta(weeks=3), "value_add", "email"),
        (delivery + dt.timedelta(days=30), "feedback", "email"),
    )
    steps = next_steps_text(later, language)
    return {
        "greeting": greeting(SAMPLE_CUSTOMER, "", language),
        "customer_address": addressed_as(SAMPLE_CUSTOMER, "", language),
        "customer_name": SAMPLE_CUSTOMER,
        "customer_first_name": SAMPLE_CUSTOMER.split()[0],
        "company": SAMPLE_COMPANY,
        "customer_job_title": "Fleet Manager",
        "postal_address": "12 Harbour Road\nSpringfield, IL 62704\nUnited States",
        "customer_email": "ana.silva@acme-logistics.example",
        "customer_phone": "+1 555 0100",
        "sale_description": SAMPLE_SALE,
        "sale_amount": money_text(SAMPLE_AMOUNT_MINOR, prefs.currency, locale=language),
        "closed_on": format_day(today, language),
        "delivery_date": format_day(delivery, language),
        "next_steps": steps,
        "my_name": prefs.my_name,
        "my_title": prefs.my_title,
        "my_company": prefs.my_company,
        "my_phone": prefs.my_phone,
        "my_mobile": prefs.my_mobile,
        "my_email": prefs.my_email,
        "my_website": prefs.my_website,
        "today": format_day(today, language),
        # No item chosen yet: the preview shows the slots the salesperson fills.
        **value_values(None, language),
    }
