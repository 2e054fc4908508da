"""What steers the follow-ups, read back from our own exports: flags, cadence, salutation."""

from __future__ import annotations

from typing import Any

from app.i18n import N_, _
from app.kinds import SALUTATIONS

_YES = frozenset({"yes", "y", "true", "1", "x", "ja", "j", "wahr", "on"})
_NO = frozenset({"", "no", "n", "false", "0", "nein", "falsch", "off"})
# Customer field -> how the notes name a value that could not be read.
_LABELS = {
    "is_key": N_("Key customer"),
    "do_not_contact": N_("Do not contact"),
    "keep_in_touch_days": N_("Keep in touch every (days)"),
    "salutation": N_("Greet as"),
}


def _unread(field: str, value: str) -> str:
    """A notes line for a value that could not be read, named in the interface language."""
    return _("{label}: {value}").format(label=_(_LABELS[field]), value=value)


def read_flags(
    key_customer: str, do_not_contact: str, keep_in_touch_days: str, salutation: str
) -> tuple[dict[str, Any], list[str]]:
    """CustomerInput fields from a contact's columns, and note lines for values that
    cannot be read (kept verbatim: the contact comes in, nothing typed is lost)."""
    if not (key_customer or do_not_contact or keep_in_touch_days or salutation):
        # The usual file has none of these columns: what four empty values read as.
        return {"is_key": False, "do_not_contact": False, "salutation": ""}, []
    fields: dict[str, Any] = {}
    unread: list[str] = []
    for field, text in (("is_key", key_customer), ("do_not_contact", do_not_contact)):
        word = text.strip().casefold()
        if word in _YES or word in _NO:
            fields[field] = word in _YES
        else:
            unread.append(_unread(field, text.strip()))
    cadence = keep_in_touch_days.strip()
    if cadence.isdigit() and 1 <= int(cadence) <= 3650:
        fields["keep_in_touch_days"] = int(cadence)
    elif cadence:
        unread.append(_unread("keep_in_touch_days", cadence))
    rule = salutation.strip().casefold()
    rule = "" if rule in ("first", "first_name") else rule
    if rule in SALUTATIONS:
        fields["salutation"] = rule
    else:
        unread.append(_unread("salutation", salutation.strip()))
    return fields, unread
