"""Which form a draft takes, decided by its channel: a message, a short text, a call
script or a checklist for the salesperson."""

from __future__ import annotations

import re
from enum import StrEnum

from app.dto.vocabulary import Channel, Kind


class Form(StrEnum):
    """What the salesperson holds in hand for a follow-up."""

    MESSAGE = "message"  # e-mail or letter: subject, greeting, body, signature
    SHORT = "short"  # text or social message: no subject, one SMS
    SCRIPT = "script"  # phone or visit: purpose, talking points, questions, what to note
    CHECKLIST = "checklist"  # work for the salesperson alone: nothing goes to the customer


CHANNEL_FORMS = {
    Channel.EMAIL: Form.MESSAGE,
    Channel.LETTER: Form.MESSAGE,
    Channel.TEXT: Form.SHORT,
    Channel.SOCIAL: Form.SHORT,
    Channel.PHONE: Form.SCRIPT,
    Channel.IN_PERSON: Form.SCRIPT,
}
# Of the recovery steps only the call and the documenting e-mail talk to the customer.
RECOVERY_FORMS = {"call": Form.SCRIPT, "document": Form.MESSAGE}
# One text message: 160 characters of the GSM alphabet.
SMS_LENGTH = 160
# A part of a draft the salesperson still has to write: "[an article, a tip ...]".
SLOT = re.compile(r"\[[^\[\]\n]+\]")


def channel_form(channel: str | None) -> Form:
    """The form a channel asks for; no channel (the customer's choice) reads as a message."""
    return CHANNEL_FORMS.get(Channel(channel), Form.MESSAGE) if channel else Form.MESSAGE


def adhoc_form(kind: str, channel: str, recovery_code: str | None) -> Form:
    """The form of a follow-up no plan step made: recovery steps, requests, come-backs."""
    if kind == Kind.RECOVERY:
        if recovery_code is None:  # the call after a low feedback score
            return Form.SCRIPT
        return RECOVERY_FORMS.get(recovery_code, Form.CHECKLIST)
    if kind == Kind.REQUEST:
        return Form.CHECKLIST
    return channel_form(channel)


def slots(text: str) -> list[str]:
    """The parts of a draft still waiting for the salesperson's words."""
    return SLOT.findall(text)
