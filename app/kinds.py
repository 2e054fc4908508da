"""Human names of touchpoint kinds, channels, salutations and lost reasons (marked with N_,
translated by the *_label() functions where they are shown)."""

from __future__ import annotations

from app.i18n import N_, _

KIND_LABELS = {
    "thank_you": N_("Thank-you note"),
    "delivery_check": N_("Delivery check call"),
    "check_in": N_("Check-in"),
    "value_add": N_("Value-add contact"),
    "feedback": N_("Feedback request"),
    "referral": N_("Referral / testimonial ask"),
    "birthday": N_("Birthday greeting"),
    "recovery": N_("Recovery step"),
    "request": N_("Answer request"),
}
# What a salesperson plans by hand (Add follow-up, or a contact's next step); birthdays,
# recoveries and requests come from their own records (a birthday, a promise, a request) and
# are never free-standing.
HAND_KINDS = ("check_in", "value_add", "thank_you", "delivery_check", "feedback", "referral")
CHANNEL_LABELS = {
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "text": N_("Text message"),
    "in_person": N_("In person"),
    "letter": N_("Letter"),
    "social": N_("Social network"),
}


def kind_label(kind: str) -> str:
    """A kind's name in the interface language (an unknown kind: its code, readable)."""
    if kind in KIND_LABELS:
        return _(KIND_LABELS[kind])
    return kind.replace("_", " ").capitalize()


def channel_label(channel: str) -> str:
    """A channel's name in the interface language (an unknown channel: its code)."""
    return _(CHANNEL_LABELS[channel]) if channel in CHANNEL_LABELS else channel


# How letters greet a customer (app.messages.greeting), stored on the customer; "" is the
# default, by first name.
SALUTATIONS = {
    "": N_("First name (Dear Maria)"),
    "full": N_("Full name (Dear Maria Becker)"),
    "ms": N_("Ms and surname (Dear Ms Becker)"),
    "mr": N_("Mr and surname (Dear Mr Becker)"),
    "dr": N_("Dr and surname (Dear Dr Becker)"),
}

# Why a lost sale was lost, stored on the sale; the note says more when "other".
LOST_REASON_LABELS = {
    "price": N_("Price"),
    "timing": N_("Timing"),
    "competitor": N_("Went with a competitor"),
    "no_decision": N_("No decision"),
    "other": N_("Other"),
}


def salutation_label(key: str) -> str:
    """How a salutation choice reads in the interface language ("" for an unknown key)."""
    return _(SALUTATIONS[key]) if key in SALUTATIONS else ""


def lost_reason_label(reason: str) -> str:
    """Why a sale was lost, in the interface language ("" for an unknown reason)."""
    return _(LOST_REASON_LABELS[reason]) if reason in LOST_REASON_LABELS else ""


# A follow-up's or promise's closed state inside a sentence ("follow-up 12 is already done").
STATE_WORDS = {
    "done": N_("done"),
    "skipped": N_("skipped"),
    "kept": N_("kept"),
    "broken": N_("broken"),
}


def state_word(status: str) -> str:
    """The state as a word a sentence can hold, in the interface language."""
    return _(STATE_WORDS[status]) if status in STATE_WORDS else status
