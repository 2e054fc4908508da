"""Does an imported contact look like a customer we have? Two signals that agree, never one.

The same e-mail address is one person; a phone is shared (a switchboard, a family line), so a
phone counts only with a similar name; a name counts only with the same company.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import NamedTuple

import phonenumbers

from app.i18n import _
from app.validation import digits_in

# Legal forms say nothing about which company it is: "Acme GmbH" is "ACME".
_LEGAL_FORMS = {
    "gmbh", "ag", "kg", "ohg", "ug", "se", "ev", "inc", "incorporated", "ltd", "limited",
    "llc", "llp", "plc", "corp", "corporation", "co", "company", "sa", "sarl", "sas",
    "srl", "spa", "bv", "nv", "ab", "as", "oy", "kft", "sro", "mbh", "haftungsbeschrankt",
}  # fmt: skip


# Countries whose national numbers start with a trunk 0 that the international form drops.
TRUNK_ZERO = frozenset({"DE", "AT", "CH", "FR", "GB", "NL", "BE", "SE", "FI", "IE", "LU"})


class Existing(NamedTuple):
    """The parts of a customer that matching looks at (a tuple: one is made for every row)."""

    id: int
    name: str
    company: str
    email: str
    phone: str


def _plain(text: str) -> str:
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_WORDS = re.compile(r"\w+")
# A phone of these characters only needs no parsing for its common shapes.
_PLAIN_PHONE = re.compile(r"[+0-9 ./\-]+")


def name_key(name: str) -> str:
    """Word order, case, accents and punctuation do not matter: 'Müller, Jörg' = 'jorg muller'."""
    return " ".join(sorted(_WORDS.findall(_plain(name))))


# Names at least this alike (difflib's ratio) are one person written two ways.
SIMILAR_NAMES = 0.8
# A shared word this long ("schmidt" in "A. Schmidt" and "Anna Schmidt") makes names similar.
SHARED_WORD = 3


def similar_names(first: str, second: str) -> bool:
    """'A. Schmidt' ~ 'Anna Schmidt' and 'Jörg Müller' ~ 'Muller, Jorg'; not 'Peter Weber'."""
    one, two = name_key(first), name_key(second)
    if not one or not two:
        return False
    if one == two or {w for w in one.split() if len(w) >= SHARED_WORD} & set(two.split()):
        return True
    return difflib.SequenceMatcher(None, one, two).ratio() >= SIMILAR_NAMES


@functools.lru_cache(maxsize=1 << 14)
def company_key(company: str) -> str:
    """Cached: a file names the same companies again and again."""
    words = [word for word in _WORDS.findall(_plain(company)) if word not in _LEGAL_FORMS]
    return " ".join(words)


@functools.lru_cache(maxsize=4_096)
def phone_key(phone: str, region: str) -> str:
    """E.164 when phonenumbers understands it (so 0170 ... = +49 170 ...), else the digits.

    Cached: a row's number is matched and then indexed, one right after the other, and
    parsing is the slowest step of a 100,000-row preview. A small cache is enough for
    that, and does not grow with the file.
    """
    if not phone.strip():
        return ""
    digits = digits_in(phone)
    if _PLAIN_PHONE.fullmatch(phone):
        # The common shapes need no parsing (the slowest step of a big preview):
        # international, or national with a trunk 0 that E.164 drops.
        if phone.startswith("+") and 8 <= len(digits) <= 15:
            return "+" + digits
        if phone.startswith("00") and 10 <= len(digits) <= 17:
            return "+" + digits[2:]
        if region in TRUNK_ZERO and digits.startswith("0") and 7 <= len(digits) <= 14:
            return f"+{phonenumbers.country_code_for_region(region)}{digits[1:]}"
    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and phonenumbers.is_possible_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    # Too few digits match too much by accident (extensions, short codes).
    return digits if len(digits) >= 6 else ""


class Keys(NamedTuple):
    """What a contact is matched on: e-mail, phone (E.164) and the hash of name+company."""

    email: str
    phone: str
    person: int | None


class DuplicateIndex:
    """Existing (and already accepted) customers by e-mail, phone and name+company.

    The keys are kept as their hashes: the index holds every row of a file, and the key
    strings were most of an import's memory. Two different keys with one 64-bit hash
    are a one-in-billions chance in a file of millions of rows, and would only propose
    a duplicate for the user to look at (the index lives in one process, so the
    per-process hash seed is the same for every lookup).
    """

    def __init__(self, region: str) -> None:
        self.region = region
        self._email: dict[int, int] = {}
        # One id per number, or the ids of everyone sharing it (a switchboard).
        self._phone: dict[int, int | list[int]] = {}
        self._person: dict[int, int] = {}
        self.names: dict[int, str] = {}

    def keys(self, name: str, company: str, email: str, phone: str) -> Keys:
        """A row's keys, worked out once for finding it and then for adding it."""
        person = (name_key(name), company_key(company))
        return Keys(
            email.strip().casefold(),
            phone_key(phone, self.region),
            hash(person) if all(person) else None,
        )

    def add(self, item: Existing, keys: Keys | None = None) -> None:
        found = keys or self.keys(item.name, item.company, item.email, item.phone)
        self.names[item.id] = item.name
        if found.email:
            self._email.setdefault(hash(found.email), item.id)
        if found.phone:
            key = hash(found.phone)
            held = self._phone.setdefault(key, item.id)
            if held != item.id:
                self._phone[key] = [*held, item.id] if isinstance(held, list) else [held, item.id]
        if found.person is not None:
            self._person.setdefault(found.person, item.id)

    def find(self, name: str, keys: Keys) -> tuple[int, str] | None:
        """(customer id, why) for the first rule that matches, strongest first."""
        if keys.email and (hit := self._email.get(hash(keys.email))) is not None:
            return hit, _("same e-mail")
        if keys.phone and (held := self._phone.get(hash(keys.phone))) is not None:
            for hit in held if isinstance(held, list) else (held,):
                if similar_names(name, self.names[hit]):
                    return hit, _("same phone and a similar name")
        if keys.person is not None and (hit := self._person.get(keys.person)) is not None:
            return hit, _("same name and company")
        return None
