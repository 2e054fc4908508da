"""Column layouts: Outlook's and Google's exports, recognised by their headers, and a guess."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import _

# Our field -> header names in the file, best first. email and phone take every match.
Mapping = dict[str, tuple[str, ...]]
FIELD_NAMES = (
    "name", "first_name", "middle_name", "last_name", "suffix", "company", "job_title", "email",
    "phone", "birthday", "birth_year", "birth_month", "birth_day", "notes", "source", "channel",
    # The postal address, in parts, or as one formatted block (used when no part is there).
    "street", "postal_code", "city", "region", "country", "address",
    # Our own export's columns, so a round trip keeps what steers the follow-ups.
    "key_customer", "do_not_contact", "keep_in_touch_days", "salutation", "industry", "tags",
    "language",
)  # fmt: skip

OUTLOOK: Mapping = {
    # English and German Outlook write the same layout with translated headers.
    "first_name": ("First Name", "Vorname"),
    "middle_name": ("Middle Name", "Weitere Vornamen"),
    "last_name": ("Last Name", "Nachname"),
    "suffix": ("Suffix",),
    "company": ("Company", "Firma"),
    "email": (
        "E-mail Address", "E-mail 2 Address", "E-mail 3 Address",
        "E-Mail-Adresse", "E-Mail 2: Adresse", "E-Mail 3: Adresse",
    ),
    # A salesperson calls the mobile first, then the office.
    "phone": (
        "Mobile Phone", "Business Phone", "Business Phone 2", "Primary Phone",
        "Company Main Phone", "Home Phone", "Other Phone",
        "Mobiltelefon", "Telefon geschäftlich", "Telefon geschäftlich 2", "Haupttelefon",
        "Telefon Firma", "Telefon privat", "Weiteres Telefon",
    ),
    "birthday": ("Birthday", "Geburtstag"),
    "notes": ("Notes", "Notizen"),
    "job_title": ("Job Title", "Position"),
    # The business address first; the home and other ones when it is empty (address_columns).
    "street": (
        "Business Street", "Business Street 2", "Business Street 3",
        "Home Street", "Home Street 2", "Home Street 3",
        "Other Street", "Other Street 2", "Other Street 3",
        "Straße geschäftlich", "Straße geschäftlich 2", "Straße geschäftlich 3",
        "Straße privat", "Straße privat 2", "Straße privat 3",
        "Weitere Straße", "Weitere Straße 2", "Weitere Straße 3",
    ),
    "postal_code": (
        "Business Postal Code", "Home Postal Code", "Other Postal Code",
        "Postleitzahl geschäftlich", "Postleitzahl privat", "Weitere Postleitzahl",
    ),
    "city": (
        "Business City", "Home City", "Other City",
        "Ort geschäftlich", "Ort privat", "Weiterer Ort",
    ),
    "region": (
        "Business State", "Home State", "Other State",
        "Region geschäftlich", "Region privat", "Weitere Region",
    ),
    "country": (
        "Business Country/Region", "Home Country/Region", "Other Country/Region",
        "Land/Region geschäftlich", "Land/Region privat", "Weiteres Land/Region",
    ),
    # Outlook separates categories with ";" (read as our tags' commas).
    "tags": ("Categories", "Kategorien"),
    "language": ("Language", "Sprache"),
}  # fmt: skip

# Columns an address book fills in by itself: worked out from other columns (initials, an
# e-mail's type and display name) or saying what another column is (Google's "- Label" and
# "- Type"). They are not kept in the notes: every contact would carry them.
SELF_FILLED_COLUMNS = re.compile(
    r"Initials|Initialen|E-mail(?: \d)? (?:Type|Display Name)|E-Mail(?: \d)?:? ?(?:-?Typ|"
    r"Angezeigter Name)|.+ - (?:Label|Type)",
    re.IGNORECASE,
)
# Values Outlook writes where nobody typed anything, by column (English and German).
_NO_DAY = frozenset({"0/0/00", "0.0.00", "00.00.0000", "1/1/1601", "01.01.1601"})
DEFAULT_VALUES: dict[str, frozenset[str]] = {
    "gender": frozenset({"unspecified"}), "geschlecht": frozenset({"nicht angegeben"}),
    "priority": frozenset({"normal"}), "priorität": frozenset({"normal"}),
    "private": frozenset({"false"}), "privat": frozenset({"aus", "falsch"}),
    "sensitivity": frozenset({"normal"}), "vertraulichkeit": frozenset({"normal"}),
    "anniversary": _NO_DAY, "jahrestag": _NO_DAY, "birthday": _NO_DAY,
}  # fmt: skip
# Google's own groups ("* myContacts", "* starred") in its Labels column.
SYSTEM_GROUP = "* "
# Our own customer export (app.services.data_export): its record id and creation time are
# the old database's bookkeeping, given anew on import.
_OWN_EXPORT = frozenset({"id", "name", "preferred_channel", "key_customer", "created"})
_OWN_BOOKKEEPING = frozenset({"id", "created"})


def kept_columns(headers: list[str], mapping: Mapping) -> list[tuple[str, int, frozenset[str]]]:
    """The columns no field reads that hold what the user typed, as (header, position,
    values that mean nothing was typed): their values go into the notes."""
    used = {name for columns in mapping.values() for name in columns}
    if set(headers) >= _OWN_EXPORT:
        used |= _OWN_BOOKKEEPING
    return [
        (header, position, DEFAULT_VALUES.get(header.strip().casefold(), frozenset()))
        for position, header in enumerate(headers)
        if header.strip() and header not in used and not SELF_FILLED_COLUMNS.fullmatch(header)
    ]


# Thunderbird (English and German): birthdays in three columns, the mobile in "Mobile Number".
THUNDERBIRD: Mapping = {
    "name": ("Display Name", "Anzeigename"),
    "first_name": ("First Name", "Vorname"),
    "last_name": ("Last Name", "Nachname"),
    "company": ("Organization", "Organisation"),
    "email": (
        "Primary Email", "Secondary Email",
        "Primäre E-Mail-Adresse", "Sekundäre E-Mail-Adresse",
    ),
    "phone": (
        "Mobile Number", "Work Phone", "Home Phone",
        "Mobil-Tel.-Nr.", "Tel. dienstlich", "Tel. privat",
    ),
    "birth_year": ("Birth Year", "Geburtsjahr"),
    "birth_month": ("Birth Month", "Geburtsmonat"),
    "birth_day": ("Birth Day", "Geburtstag"),
    "notes": ("Notes", "Notizen"),
}  # fmt: skip

_GOOGLE_COMMON: Mapping = {
    "suffix": ("Name Suffix",),
    "birthday": ("Birthday",),
    "notes": ("Notes",),
    "job_title": ("Organization Title", "Organization 1 - Title"),
}
GOOGLE_CLASSIC: Mapping = {
    "name": ("Name",),
    "first_name": ("Given Name",),
    "middle_name": ("Additional Name",),
    "last_name": ("Family Name",),
    "company": ("Organization 1 - Name",),
    **_GOOGLE_COMMON,
}
GOOGLE_2023: Mapping = {
    "first_name": ("First Name",),
    "middle_name": ("Middle Name",),
    "last_name": ("Last Name",),
    "company": ("Organization Name", "Organization 1 - Name"),
    **_GOOGLE_COMMON,
}

_SYNONYMS = {
    "name": ("name", "fullname", "displayname", "contact", "contactname", "customer", "kunde"),
    "first_name": ("firstname", "first", "givenname", "forename", "vorname"),
    "middle_name": ("middlename", "additionalname"),
    "last_name": ("lastname", "last", "surname", "familyname", "nachname"),
    "company": ("company", "organization", "organisation", "org", "firma", "unternehmen",
                "account", "accountname", "companyname"),
    "email": ("email", "mail", "emailaddress", "emailadresse", "email1", "email2"),
    "phone": ("phone", "telephone", "tel", "telefon", "mobile", "mobil", "handy", "cell",
              "mobilephone", "phonenumber", "businessphone", "telefonnummer"),
    "birthday": ("birthday", "birthdate", "dateofbirth", "dob", "geburtstag", "geburtsdatum"),
    "notes": ("notes", "note", "notizen", "notiz", "bemerkung", "bemerkungen", "comments"),
    "source": ("source", "leadsource", "quelle"),
    "channel": ("channel", "preferredchannel", "kanal"),
    "job_title": ("jobtitle", "position", "role", "funktion", "organizationtitle"),
    "street": ("street", "streetaddress", "address1", "address2", "addressline1",
               "addressline2", "strasse", "straße"),
    "postal_code": ("postalcode", "postcode", "zip", "zipcode", "plz", "postleitzahl"),
    "city": ("city", "town", "ort", "stadt"),
    "region": ("region", "state", "province", "county", "bundesland"),
    "country": ("country", "countryregion", "land"),
    "address": ("address", "postaladdress", "mailingaddress", "adresse", "anschrift"),
    "key_customer": ("keycustomer", "key", "iskey", "schlüsselkunde"),
    "do_not_contact": ("donotcontact", "dnc", "nichtkontaktieren"),
    "keep_in_touch_days": ("keepintouchdays", "keepintouch", "cadence"),
    "salutation": ("salutation", "greetas", "anrede"),
    "industry": ("industry", "branche"),
    "tags": ("tags", "categories", "kategorien"),
    "language": ("language", "lang", "draftlanguage", "sprache", "taal"),
}  # fmt: skip


@dataclass(frozen=True)
class Layout:
    """A recognised (or chosen) way to read the columns."""

    key: str
    label: str
    mapping: Mapping


def _numbered(headers: list[str], pattern: str) -> tuple[str, ...]:
    """Google's 'E-mail 1 - Value', 'E-mail 2 - Value', ... in their number order."""
    # Within one number, the file's column order (Google's Street before its PO Box).
    found = [
        (int(m.group(1)), n, h) for n, h in enumerate(headers) if (m := re.fullmatch(pattern, h))
    ]
    return tuple(header for _, _, header in sorted(found))


# Google's address parts besides the street lines: our field, the word in its header.
_ADDRESS = (
    ("postal_code", "Postal Code"), ("city", "City"), ("region", "Region"),
    ("country", "Country"), ("address", "Formatted"),
)  # fmt: skip


def _google(headers: list[str], base: Mapping) -> Mapping:
    return {
        **base,
        "email": _numbered(headers, r"E-mail (\d+) - Value"),
        "phone": _numbered(headers, r"Phone (\d+) - Value"),
        # Every address in number order: the first one that holds anything is taken.
        "street": _numbered(headers, r"Address (\d+) - (?:Street|Extended Address|PO Box)"),
        **{field: _numbered(headers, rf"Address (\d+) - {part}") for field, part in _ADDRESS},
    }


def _present(headers: list[str], base: Mapping) -> Mapping:
    """Only the columns this file has (English or German names of one layout)."""
    names = set(headers)
    return {field: tuple(c for c in columns if c in names) for field, columns in base.items()}


def detect_layout(headers: list[str]) -> Layout | None:
    """Outlook, Google or Thunderbird from the header line; None for any other CSV."""
    names = set(headers)
    if {"Primary Email", "Display Name"} <= names or "Primäre E-Mail-Adresse" in names:
        return Layout("thunderbird", _("Thunderbird address book"), _present(headers, THUNDERBIRD))
    if "E-mail 1 - Label" in names or "Phone 1 - Label" in names or "Organization Name" in names:
        return Layout(
            "google", _("Google Contacts (current layout)"), _google(headers, GOOGLE_2023)
        )
    if {"Given Name", "Family Name"} <= names or "E-mail 1 - Type" in names:
        return Layout("google", _("Google Contacts"), _google(headers, GOOGLE_CLASSIC))
    if {"First Name", "E-mail Address"} <= names or {"Vorname", "E-Mail-Adresse"} <= names:
        return Layout("outlook", _("Outlook contacts"), OUTLOOK)
    return None


def _squash(header: str) -> str:
    return re.sub(r"[^0-9a-zäöüß]", "", header.casefold())


def guess_mapping(headers: list[str]) -> Mapping:
    """Our fields from header names that say what they hold (English and German)."""
    guessed: dict[str, list[str]] = {}
    for header in headers:
        squashed = _squash(header)
        for field, words in _SYNONYMS.items():
            if squashed in words:
                guessed.setdefault(field, []).append(header)
                break
    return {field: tuple(found) for field, found in guessed.items()}


def has_name(mapping: Mapping) -> bool:
    return any(mapping.get(field) for field in ("name", "first_name", "last_name", "company"))
