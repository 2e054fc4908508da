"""vCard 2.1, 3.0 and 4.0 reader: folding, parameters, quoted-printable, escapes, many cards."""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.i18n import N_, _
from app.importing.encodings import UnreadableFile
from app.importing.records import RawContact

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


@dataclass(frozen=True)
class Property:
    """One content line: NAME;PARAM=...:value, with the value decoded but still escaped."""

    name: str
    params: dict[str, tuple[str, ...]]
    value: str

    def has_type(self, kind: str) -> bool:
        return kind in self.params.get("TYPE", ()) or ("PREF" in self.params and kind == "PREF")


# Photos, sounds, keys and logos: megabytes of base64 that no customer field needs.
BINARY = frozenset({"PHOTO", "SOUND", "KEY", "LOGO"})
# NAME;PARAM="a:b";...: up to the first colon outside quotes (no backtracking).
_HEAD = re.compile(r'(?:[^":]|"[^"]*")*:')
# A head folded over more lines than this is not looked for (an unclosed quote would
# otherwise have every later piece search the whole line again).
MAX_HEAD_PIECES = 16


def _head(line: str) -> str | None:
    """The NAME;PARAMS part of a content line, or None while no colon has been seen."""
    found = _HEAD.match(line)
    return found.group()[:-1] if found else None


def _name(head: str) -> str:
    return head.split(";", 1)[0].rsplit(".", 1)[-1].strip().upper()


class _Logical:
    """One content line being joined from its physical lines, in linear time.

    Pieces are collected and joined once: joining each piece onto the growing line,
    and asking the whole line again whether it is quoted-printable, made a 400 KB
    note take half a minute. A binary property keeps only its first line.
    """

    def __init__(self, first: str) -> None:
        self.pieces = [first]
        self.head = _head(first)
        self.qp = self.skip = False
        if self.head is not None:
            self._classify(self.head)

    def _classify(self, head: str) -> None:
        upper = head.upper()
        self.qp = "QUOTED-PRINTABLE" in upper
        self.skip = _name(head) in BINARY or "ENCODING=B" in upper or ";BASE64" in upper

    def soft_break(self) -> bool:
        """vCard 2.1: a quoted-printable line ending in '=' goes on in the next line."""
        return self.qp and self.pieces[-1].endswith("=")

    def extend(self, piece: str) -> None:
        if self.skip:
            return
        if self.soft_break():
            self.pieces[-1] = self.pieces[-1][:-1]
        self.pieces.append(piece)
        if self.head is None and ":" in piece and len(self.pieces) <= MAX_HEAD_PIECES:
            # The parameters were folded too (rare): find the head in what we have.
            self.head = _head("".join(self.pieces))
            if self.head is not None:
                self._classify(self.head)

    def text(self) -> str:
        return self.pieces[0] if self.skip else "".join(self.pieces)


def unfold(text: str | Iterable[str]) -> list[str]:
    """Join folded lines (RFC 6350 3.2) and quoted-printable soft line breaks (vCard 2.1)."""
    return list(_unfolded(text))


def _unfolded(text: str | Iterable[str]) -> Iterator[str]:
    lines = _LINE_BREAK.split(text) if isinstance(text, str) else _without_ends(text)
    current: _Logical | None = None
    for line in lines:
        if current is not None and line[:1] in (" ", "\t"):
            current.extend(line[1:])
        elif current is not None and current.soft_break() and not current.skip:
            current.extend(line)
        else:
            if current is not None:
                yield current.text()
            current = _Logical(line)
    if current is not None:
        yield current.text()


def _without_ends(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield line.rstrip("\r\n")


def _split_outside_quotes(text: str, separator: str, limit: int = -1) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted and (limit < 0 or len(parts) < limit):
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def parse_line(line: str) -> Property | None:
    """A content line as a Property; None for a line that is not NAME...:VALUE."""
    head = _head(line)
    if head is None:
        return None
    value = line[len(head) + 1 :]
    name, *raw_params = _split_outside_quotes(head, ";")
    name = name.rsplit(".", 1)[-1].strip().upper()
    params: dict[str, list[str]] = {}
    for raw in raw_params:
        key, _, values = raw.partition("=")
        if not values:
            # vCard 2.1: TEL;CELL;WORK: bare types; also ENCODING values written alone.
            key, values = (
                ("ENCODING", key)
                if key.upper() in {"QUOTED-PRINTABLE", "BASE64"}
                else ("TYPE", key)
            )
        items = [v.strip().strip('"').upper() for v in _split_outside_quotes(values, ",")]
        params.setdefault(key.strip().upper(), []).extend(items)
    encoding = params.get("ENCODING", [""])[0]
    if encoding == "QUOTED-PRINTABLE":
        raw_bytes = quopri.decodestring(value.encode("latin-1", errors="replace"))
        charset = params.get("CHARSET", ["UTF-8"])[0]
        try:
            value = raw_bytes.decode(charset)
        except (LookupError, UnicodeDecodeError):
            value = raw_bytes.decode("cp1252", errors="replace")
    elif encoding in {"B", "BASE64"} or name in BINARY:
        value = ""  # photos and other binary data are not imported
    return Property(name, {key: tuple(items) for key, items in params.items()}, value)


def unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def components(text: str) -> list[str]:
    """Structured values (N, ORG) split on unescaped semicolons, then unescaped."""
    parts = re.split(r"(?<!\\);", text)
    return [unescape(part).strip() for part in parts]


def _birthday(prop: Property) -> str:
    value = prop.value.strip()
    # iCloud writes year-less birthdays as 1604 with this marker.
    if "X-APPLE-OMIT-YEAR" in prop.params and len(value) >= 10:
        return "--" + value[5:10]
    return value


# Our own export's properties (app.export.vcard_export): what steers the follow-ups.
X_FIELDS = {
    "X-FOLLOWUP-KEY-CUSTOMER": "key_customer",
    "X-FOLLOWUP-DO-NOT-CONTACT": "do_not_contact",
    "X-FOLLOWUP-KEEP-IN-TOUCH-DAYS": "keep_in_touch_days",
    "X-FOLLOWUP-CHANNEL": "channel",
    "X-FOLLOWUP-SOURCE": "source",
    "X-FOLLOWUP-SALUTATION": "salutation",
    "X-FOLLOWUP-INDUSTRY": "industry",
}


def _list_values(text: str) -> list[str]:
    """A comma-separated list value (CATEGORIES), escaped commas kept inside items."""
    return [unescape(part) for part in re.split(r"(?<!\\),", text) if part.strip()]


def _address_rank(prop: Property) -> int:
    """Preferred, then work (a salesperson writes to the office), then the card's order."""
    if prop.has_type("PREF"):
        return 0
    return 1 if prop.has_type("WORK") else 2


# Properties a contacts app shows that no customer field holds: kept in the notes, labelled.
KEPT = {
    "NICKNAME": N_("Nickname"), "URL": N_("Web page"), "ANNIVERSARY": N_("Anniversary"),
    "X-ANNIVERSARY": N_("Anniversary"), "ROLE": N_("Role"), "RELATED": N_("Related"),
    "IMPP": N_("Instant messaging"), "X-SOCIALPROFILE": N_("Social profile"),
}  # fmt: skip


def _address(prop: Property) -> tuple[str, str, str, str, str]:
    """ADR: post office box; extended address; street; locality; region; postal code; country,
    as (street lines, postal code, city, region, country)."""
    parts = [*components(prop.value), "", "", "", "", "", "", ""]
    box, extended, street, city, region, code, country = parts[:7]
    return "\n".join(line for line in (street, extended, box) if line), code, city, region, country


def _take_address(contact: RawContact, prop: Property) -> None:
    street, code, city, region, country = _address(prop)
    contact.street, contact.postal_code, contact.city = street, code, city
    contact.region, contact.country = region, country


def _language(languages: list[tuple[int, int, str]]) -> str:
    """LANG (RFC 6350 6.4.4): the one with the lowest PREF (1 is most preferred; none is
    least), else the first; its language tag as written ("nl-NL")."""
    return min(languages)[2] if languages else ""


def _pref(prop: Property) -> int:
    value = prop.params.get("PREF", ("",))[0]
    return int(value) if value.isdigit() and 1 <= int(value) <= 100 else 101


def to_contact(number: int, properties: list[Property]) -> RawContact:
    contact = RawContact(row=number)
    languages: list[tuple[int, int, str]] = []  # (PREF, order in the card, tag)
    emails: list[tuple[bool, str]] = []
    phones: list[tuple[bool, str]] = []
    addresses: list[tuple[int, Property]] = []
    for prop in properties:
        if prop.name == "FN":
            contact.name = unescape(prop.value).strip()
        elif prop.name == "N":
            parts = [*components(prop.value), "", "", "", "", ""]
            contact.last_name, contact.first_name, contact.middle_name = parts[:3]
            contact.suffix = parts[4]
        elif prop.name == "ORG":
            company, *units = components(prop.value)
            contact.company = company
            contact.keep(N_("Department"), " / ".join(unit for unit in units if unit))
        elif prop.name == "EMAIL":
            emails.append((not prop.has_type("PREF"), unescape(prop.value).strip()))
        elif prop.name == "TEL":
            value = unescape(prop.value).strip()
            value = value[4:] if value.lower().startswith("tel:") else value
            phones.append((not (prop.has_type("PREF") or prop.has_type("CELL")), value))
        elif prop.name == "BDAY":
            contact.birthday = _birthday(prop)
        elif prop.name == "NOTE":
            contact.notes = unescape(prop.value).strip()
        elif prop.name == "TITLE":
            contact.job_title = unescape(prop.value).strip()
        elif prop.name == "ADR":
            addresses.append((_address_rank(prop), prop))
        elif prop.name == "LANG":
            languages.append((_pref(prop), len(languages), unescape(prop.value).strip()))
        elif prop.name == "CATEGORIES":
            contact.tags = ", ".join(part.strip() for part in _list_values(prop.value))
        elif prop.name in X_FIELDS:
            setattr(contact, X_FIELDS[prop.name], unescape(prop.value).strip())
            contact.source_given = contact.source_given or prop.name == "X-FOLLOWUP-SOURCE"
        elif prop.name in KEPT:
            contact.keep(KEPT[prop.name], unescape(prop.value).strip())
    contact.language = _language(languages)
    if addresses:
        chosen = min(addresses, key=lambda item: item[0])[1]
        _take_address(contact, chosen)
        for _rank, other in addresses:
            if other is not chosen:
                contact.keep_address(*_address(other))
    # Preferred (and, for phones, mobile) first; otherwise the order of the card.
    contact.emails = [value for _, value in sorted(emails, key=lambda item: item[0]) if value]
    contact.phones = [value for _, value in sorted(phones, key=lambda item: item[0]) if value]
    return contact


def read_cards(text: str | Iterable[str]) -> Iterator[RawContact | tuple[int, str]]:
    """Contacts in file order; (card number, error) for a card that is cut off."""
    current: list[Property] | None = None
    number = 0
    seen = False
    for line in _unfolded(text):
        stripped = line.strip()
        upper = stripped.upper()
        if upper == "BEGIN:VCARD":
            seen = True
            if current is not None:
                yield number, _("the card has no END:VCARD (cut off?)")
            number += 1
            current = []
        elif upper == "END:VCARD" and current is not None:
            yield to_contact(number, current)
            current = None
        elif current is not None and stripped:
            prop = parse_line(line)
            if prop is not None:
                current.append(prop)
    if current is not None:
        yield (
            number,
            _(
                "The file looks cut off: card {number} has no END:VCARD, so none of that card "
                "was imported."
            ).format(number=number),
        )
    if not seen:
        raise UnreadableFile(_("the file holds no vCards (no BEGIN:VCARD line)"))
