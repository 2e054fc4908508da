"""Human names of touchpoint kinds and channels (the faces translate them)."""

from __future__ import annotations

KIND_LABELS = {
    "thank_you": "Thank-you note",
    "delivery_check": "Delivery check call",
    "check_in": "Check-in",
    "value_add": "Value-add contact",
    "feedback": "Feedback request",
    "referral": "Referral / testimonial ask",
    "birthday": "Birthday greeting",
    "recovery": "Recovery step",
    "request": "Answer request",
}
# What a salesperson plans by hand (Add follow-up, or a contact's next step); birthdays,
# recoveries and requests come from their own records (a birthday, a promise, a request) and
# are never free-standing.
HAND_KINDS = ("check_in", "value_add", "thank_you", "delivery_check", "feedback", "referral")
CHANNEL_LABELS = {
    "email": "E-mail",
    "phone": "Phone",
    "text": "Text message",
    "in_person": "In person",
    "letter": "Letter",
    "social": "Social network",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def channel_label(channel: str) -> str:
    return CHANNEL_LABELS.get(channel, channel)


# How letters greet a customer (app.messages.greeting), stored on the customer; "" is the
# default, by first name.
SALUTATIONS = {
    "": "First name (Dear Maria)",
    "full": "Full name (Dear Maria Becker)",
    "ms": "Ms and surname (Dear Ms Becker)",
    "mr": "Mr and surname (Dear Mr Becker)",
    "dr": "Dr and surname (Dear Dr Becker)",
}

# Why a lost sale was lost, stored on the sale; the note says more when "other".
LOST_REASON_LABELS = {
    "price": "Price",
    "timing": "Timing",
    "competitor": "Went with a competitor",
    "no_decision": "No decision",
    "other": "Other",
}


def lost_reason_label(reason: str) -> str:
    return LOST_REASON_LABELS.get(reason, "")
