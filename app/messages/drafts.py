"""Rendering a touchpoint's message: merge values from customer, sale and profile; links."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

from app.dto.touchpoints import Draft
from app.dto.vocabulary import Kind
from app.i18n import ENGLISH, N_, PSEUDO, normalise, translation
from app.messages.channel_texts import fallback_subject
from app.messages.forms import Form
from app.messages.greeting import addressed_as, given_name, greeting
from app.messages.readiness import readiness
from app.messages.templates import render
from app.messages.value_item import VALUE_FIELD
from app.money import money_text
from app.postal_address import format_address
from app.preferences import Preferences
from models.customer import Customer
from models.sale import Sale
from models.touchpoint import Touchpoint


def format_day(day: dt.date, language: str = ENGLISH) -> str:
    """A day as a letter in `language` writes it: CLDR's long form ("3. december 2026")."""
    if normalise(language) in (None, ENGLISH, PSEUDO):
        # Unambiguous in every locale, and what English drafts have always said: 25 Nov 2026.
        return f"{day.day} {day:%b %Y}"
    from babel.dates import format_date

    return format_date(day, format="long", locale=language)


# What the customer is told will happen next, by the channel of our delivery check, each a
# whole sentence for the translators. The other follow-ups (value to bring, feedback, the
# referral ask) are never announced.
_DELIVERY_CHECK = {
    "phone": N_("- On {day} I will call you to make sure the delivery went as promised."),
    "in_person": N_("- On {day} I will visit you to make sure the delivery went as promised."),
    "text": N_("- On {day} I will send you a message to make sure the delivery went as promised."),
    "social": N_(
        "- On {day} I will send you a message to make sure the delivery went as promised."
    ),
}
_WRITE_TO_YOU = N_("- On {day} I will write to you to make sure the delivery went as promised.")
_STAY_IN_TOUCH = N_("- I will stay in touch to make sure everything works as promised.")
# Sentences are written around these: an empty one would leave "confirm that  arrived".
_YOUR_ORDER = N_("your order")
_DATE_TO_AGREE = N_("the date we agree with you")


def next_steps_text(later: Sequence[tuple[dt.date, str, str]], language: str = ENGLISH) -> str:
    """The next steps as the customer will experience them, from the (day, kind, channel)
    of the follow-ups still to come: the delivery check, in the customer's words."""
    words = translation(language).gettext
    for day, kind, channel in sorted(later):
        if kind == Kind.DELIVERY_CHECK:
            sentence = words(_DELIVERY_CHECK.get(channel, _WRITE_TO_YOU))
            return sentence.format(day=format_day(day, language))
    return words(_STAY_IN_TOUCH)


def merge_values(
    customer: Customer,
    sale: Sale | None,
    prefs: Preferences,
    later: Sequence[Touchpoint],
    today: dt.date,
    language: str = ENGLISH,
) -> dict[str, str]:
    """Every merge field for one follow-up, written in the draft's language."""
    words = translation(language).gettext
    delivery = sale.actual_delivery or sale.promised_delivery if sale else None
    amount = ""
    if sale and sale.amount_minor is not None:
        amount = money_text(sale.amount_minor, sale.currency, locale=language)
    steps = next_steps_text([(row.due_date, row.kind, row.channel) for row in later], language)
    return {
        "greeting": greeting(customer.name, customer.salutation, language),
        "customer_address": addressed_as(customer.name, customer.salutation, language),
        "customer_name": customer.name,
        "customer_first_name": given_name(customer.name, language),
        "company": customer.company,
        "customer_job_title": customer.job_title,
        "postal_address": format_address(
            customer.street, customer.postal_code, customer.city, customer.region, customer.country
        ),
        "customer_email": customer.email,
        "customer_phone": customer.phone,
        "sale_description": (sale.description.strip() or words(_YOUR_ORDER)) if sale else "",
        "sale_amount": amount,
        "closed_on": format_day(sale.closed_on, language) if sale else "",
        "delivery_date": format_day(delivery, language) if delivery else words(_DATE_TO_AGREE),
        "next_steps": steps,
        "my_name": prefs.my_name,
        "my_title": prefs.my_title,
        "my_company": prefs.my_company,
        "my_phone": prefs.my_phone,
        "my_mobile": prefs.my_mobile,
        "my_email": prefs.my_email,
        "my_website": prefs.my_website,
        "today": format_day(today, language),
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
    # The customer's language when the plan step has no text in it (drafted in English).
    untranslated: str = ""


def rendered_text(
    kind: str,
    texts: tuple[Form, str, str],
    values: dict[str, str],
    language: str = ENGLISH,
    untranslated: str = "",
) -> DraftText:
    """The plan's (form, subject template, body template) filled for one follow-up."""
    form, subject_template, body_template = texts
    subject = render(subject_template, values).strip()
    if not subject and form is Form.MESSAGE:
        subject = render(fallback_subject(kind, language), values).strip()
    body = render(body_template, values).strip()
    return DraftText(
        form, subject, body, takes_item=VALUE_FIELD in body_template, untranslated=untranslated
    )


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
        form,
        body,
        prefs,
        customer.phone,
        touchpoint.channel,
        text.written_for,
        address,
        untranslated=text.untranslated,
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
