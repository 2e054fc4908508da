"""Deal exports: HubSpot, Pipedrive and a Salesforce opportunities report, or columns by name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.i18n import _
from app.importing.csv_contacts import mapping_from_json

# Our field -> header names, best first (the first column with a value wins).
SaleMapping = dict[str, tuple[str, ...]]
SALE_FIELDS = (
    "email", "name", "company", "closed_on", "outcome", "amount", "currency", "description",
    "promised_delivery", "actual_delivery",
)  # fmt: skip

HUBSPOT: SaleMapping = {
    "description": ("Deal Name",),
    "outcome": ("Deal Stage",),
    "closed_on": ("Close Date",),
    "amount": ("Amount", "Amount in company currency"),
    "currency": ("Currency", "Deal currency code"),
    "company": ("Associated Company", "Associated Company (Primary)", "Company name"),
    "name": ("Associated Contact", "Contact name"),
    "email": ("Associated Contact Email", "Contact email", "Email"),
}
PIPEDRIVE: SaleMapping = {
    "description": ("Deal - Title", "Title"),
    "outcome": ("Deal - Status", "Status"),
    "closed_on": ("Deal - Won time", "Deal - Lost time", "Deal - Close date", "Won time",
                  "Lost time", "Close date"),
    "amount": ("Deal - Value", "Value"),
    "currency": ("Deal - Currency", "Currency"),
    "company": ("Organization - Name", "Deal - Organization", "Organization"),
    "name": ("Person - Name", "Deal - Contact person", "Contact person"),
    "email": ("Person - Email", "Person - Email - Work", "Person - Email - Other"),
}  # fmt: skip
SALESFORCE: SaleMapping = {
    "description": ("Opportunity Name",),
    "outcome": ("Stage",),
    "closed_on": ("Close Date",),
    "amount": ("Amount",),
    "currency": ("Opportunity Currency", "Amount Currency"),
    "company": ("Account Name",),
    "name": ("Contact: Full Name", "Primary Contact", "Contact Name"),
    "email": ("Contact: Email", "Email"),
}

_SYNONYMS = {
    "email": ("email", "emailaddress", "mail", "customeremail", "contactemail"),
    "name": ("name", "customer", "customername", "contact", "contactname", "person", "kunde"),
    "company": ("company", "organization", "organisation", "account", "accountname", "firma"),
    "closed_on": ("closedate", "closedon", "closed", "date", "saledate", "orderdate",
                  "wondate", "datum", "abschlussdatum"),
    "outcome": ("outcome", "status", "stage", "result", "wonlost", "ergebnis"),
    "amount": ("amount", "value", "total", "revenue", "price", "betrag", "umsatz"),
    "currency": ("currency", "währung", "waehrung"),
    "description": ("description", "deal", "dealname", "product", "item", "title", "order",
                    "beschreibung", "produkt"),
    "promised_delivery": ("promiseddelivery", "promiseddate", "promisedon", "deliverydate",
                          "promised", "lieferdatum", "liefertermin"),
    "actual_delivery": ("actualdelivery", "delivered", "deliveredon", "actualdeliverydate",
                        "geliefert"),
}  # fmt: skip


@dataclass(frozen=True)
class SaleLayout:
    """A recognised (or guessed) way to read a deal file's columns."""

    key: str
    label: str
    mapping: SaleMapping


def _squash(header: str) -> str:
    return re.sub(r"[^0-9a-zäöüß]", "", header.casefold())


def detect_sale_layout(headers: list[str]) -> SaleLayout | None:
    """The CRM whose export this is, from its header line; None for any other CSV."""
    names = set(headers)
    if {"Deal Name", "Deal Stage"} <= names:
        return SaleLayout("hubspot", _("HubSpot deals"), _present(HUBSPOT, names))
    if "Deal - Title" in names or {"Title", "Status", "Value", "Won time"} <= names:
        return SaleLayout("pipedrive", _("Pipedrive deals"), _present(PIPEDRIVE, names))
    if {"Opportunity Name", "Stage"} <= names:
        return SaleLayout("salesforce", _("Salesforce opportunities"), _present(SALESFORCE, names))
    return None


def guess_sale_layout(headers: list[str]) -> SaleLayout:
    """Our fields from header names that say what they hold (English and German)."""
    guessed: dict[str, list[str]] = {}
    for header in headers:
        squashed = _squash(header)
        for field, words in _SYNONYMS.items():
            if squashed in words:
                guessed.setdefault(field, []).append(header)
                break
    mapping = {field: tuple(found) for field, found in guessed.items()}
    return SaleLayout("csv", _("CSV (columns recognised by name)"), mapping)


def _present(mapping: SaleMapping, names: set[str]) -> SaleMapping:
    return {field: tuple(h for h in headers if h in names) for field, headers in mapping.items()}


def chosen_sale_layout(headers: list[str], chosen: Mapping[str, object]) -> SaleLayout:
    """The user's columns: field -> a header of the file, or a list of them (best first);
    checked as a contact file's mapping is (one line for an unknown field or header)."""
    return SaleLayout(
        "chosen", _("CSV (your columns)"), mapping_from_json(chosen, headers, SALE_FIELDS)
    )
