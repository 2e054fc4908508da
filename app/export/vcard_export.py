"""vCard 3.0 writer: the version Outlook, Google Contacts, iCloud and phones all import."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# 3.0 rather than 4.0: desktop Outlook does not import 4.0 cards, and Google and iCloud
# read 3.0 fully; year-less birthdays use iCloud's 1604 + X-APPLE-OMIT-YEAR convention.
VERSION = "3.0"
PRODID = "-//Follow-Up Planner//Customers//EN"
OMIT_YEAR = 1604


@dataclass(frozen=True)
class ContactCard:
    """What goes into one card."""

    uid: str
    name: str
    company: str = ""
    email: str = ""
    phone: str = ""
    birthday: tuple[int, int, int | None] | None = None
    notes: str = ""
    job_title: str = ""
    # street (lines), postal code, city, region, country
    address: tuple[str, str, str, str, str] = ("", "", "", "", "")
    categories: tuple[str, ...] = ()
    # The language drafts to them are written in ("" for the user's default): LANG.
    language: str = ""
    # What steers the follow-ups, as X-FOLLOWUP-... properties (our importer reads them back;
    # other programs keep or ignore them): property name suffix -> value.
    extras: tuple[tuple[str, str], ...] = ()


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines of at most 75 octets (RFC 2425), never splitting a UTF-8 character."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def split_name(name: str) -> tuple[str, str]:
    """(family, given) for N: 'Silva, Ana' and 'Ana Silva' both give ('Silva', 'Ana')."""
    if "," in name:
        family, given = name.split(",", 1)
        return family.strip(), given.strip()
    parts = name.split()
    if len(parts) < 2:
        return name.strip(), ""
    return parts[-1], " ".join(parts[:-1])


def card(contact: ContactCard) -> str:
    family, given = split_name(contact.name)
    lines = [
        "BEGIN:VCARD",
        f"VERSION:{VERSION}",
        f"PRODID:{PRODID}",
        f"UID:{escape(contact.uid)}",
        f"FN:{escape(contact.name)}",
        f"N:{escape(family)};{escape(given)};;;",
    ]
    if contact.company:
        lines.append(f"ORG:{escape(contact.company)}")
    if contact.job_title:
        lines.append(f"TITLE:{escape(contact.job_title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET,PREF:{escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=VOICE,PREF:{escape(contact.phone)}")
    if contact.birthday is not None:
        month, day, year = contact.birthday
        if year is None:
            lines.append(f"BDAY;X-APPLE-OMIT-YEAR={OMIT_YEAR}:{OMIT_YEAR}-{month:02d}-{day:02d}")
        else:
            lines.append(f"BDAY:{year:04d}-{month:02d}-{day:02d}")
    if any(contact.address):
        street, code, city, region, country = contact.address
        parts = ("", "", street, city, region, code, country)
        lines.append("ADR;TYPE=WORK:" + ";".join(escape(part) for part in parts))
    if contact.language:
        # LANG is vCard 4.0's (RFC 6350 6.4.4); 3.0 readers keep or skip what they do not know.
        lines.append(f"LANG:{escape(contact.language)}")
    if contact.notes:
        lines.append(f"NOTE:{escape(contact.notes)}")
    if contact.categories:
        lines.append("CATEGORIES:" + ",".join(escape(item) for item in contact.categories))
    # Written even when empty: an empty source read back stays empty (not "vCard import").
    lines.extend(f"X-FOLLOWUP-{name}:{escape(value)}" for name, value in contact.extras)
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def cards(contacts: Iterable[ContactCard]) -> Iterable[str]:
    for contact in contacts:
        yield card(contact)
