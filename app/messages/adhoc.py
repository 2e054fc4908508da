"""Message texts of touchpoints that no plan step made: recovery steps, requests, come-backs."""

from __future__ import annotations

from app.i18n import N_, _, translation
from app.messages.forms import Form

# A follow-up that comes back to a customer we once had to say no to, "not now".
COME_BACK_PREFIX = "Come back: "
# What the customer reads as the subject when a step-less follow-up writes to them: never
# the row's own subject, which is the salesperson's label for it.
DOCUMENT_SUBJECT = N_("What we agreed, {{customer_address}}")

# Bodies by recovery step code (app.scheduling.recovery); {{fields}} as in plan templates.
RECOVERY_BODIES = {
    "find_out": N_(
        "Promise: {{promise}} (due {{promise_due}}).\n\n"
        "Before anyone talks to the customer, find out how the promise was made:\n"
        "- old e-mails and notes\n- the contract or order confirmation\n- who promised what"
    ),
    "options": N_(
        "Promise: {{promise}} (due {{promise_due}}).\n\n"
        "Brainstorm the options:\n"
        "- another source, even at a loss\n- a demo or loan unit in the meantime\n"
        "- reshuffle another customer's delivery that has slack"
    ),
    "manager": N_(
        "Tell your manager now, with the options, before the customer call.\n\n"
        "Promise: {{promise}} (due {{promise_due}}).\n{{recovery_note}}"
    ),
    "call": N_(
        "Purpose: tell {{customer_name}} yourself, by phone and not by e-mail, before they "
        "find out another way.\n\n"
        "Promise: {{promise}} (due {{promise_due}}).\n\n"
        "Talking points:\n"
        "- Comfort them: let them tell their side; do not make them wrong.\n"
        "- Present the solution you chose.\n"
        "- Apologise adequately, after the solution is presented.\n"
        "- Compensate beyond the loss. Spend at least: {{compensation_floor}}\n"
        "  This customer has bought: {{customer_value}}\n\n"
        "Ask:\n"
        "- Does this solution work for you?\n"
        "- What else can I do to make it right?\n\n"
        "Note afterwards:\n"
        "- What you agreed, point by point, for the e-mail that documents it."
    ),
    "document": N_(
        "{{greeting}},\n\n"
        "Thank you for taking the time to talk with me today. As agreed, this is what we "
        "will do:\n\n"
        "[What we agreed, one point per line, each with its date]\n\n"
        "I am sorry for the trouble this causes you. If anything is unclear, please call "
        "me directly.\n\n"
        "Best regards,\n{{my_name}}\n{{my_title}}, {{my_company}}\n"
        "Phone: {{my_phone}}\nMobile: {{my_mobile}}\nE-mail: {{my_email}}"
    ),
    "review": N_(
        "Review with the team how to prevent it happening again.\n\n"
        "Promise: {{promise}} (due {{promise_due}}). Keep the e-mail thread and documents "
        "with it for later reference."
    ),
}
REQUEST_BODY = N_(
    "{{customer_name}} asked on {{request_received}} ({{request_channel}}):\n\n"
    "{{request_summary}}\n\nAnswer by {{request_due}}."
)
LOW_FEEDBACK_BODY = N_(
    "Purpose: {{customer_name}} gave a low feedback score; hear what went wrong and agree "
    "what will make it right.\n\n"
    "Talking points:\n"
    "- Thank them for their honest answer.\n"
    "- Listen first: let them tell their side, do not make them wrong.\n\n"
    "Ask:\n"
    "- What disappointed you?\n"
    "- What would make it right for you?\n\n"
    "Note afterwards:\n"
    "- What you agreed, with a date, and fix it first."
)

# The come-back by form: (subject, body). Their request, in the salesperson's words, is in
# the script only: it was written for the salesperson, not for the customer.
COME_BACK_TEXTS = {
    Form.MESSAGE: (
        N_("Coming back to you, {{customer_address}}"),
        N_(
            "{{greeting}},\n\n"
            "When you last asked us, we could not help you right away, and I promised to come "
            "back to you.\n\n"
            "[What you can offer now, or whom you can introduce them to]\n\n"
            "Shall we talk it through? I am glad to call you.\n\n"
            "Best regards,\n{{my_name}}"
        ),
    ),
    Form.SHORT: (
        "",
        N_(
            "{{customer_address}}, as promised I am coming back to you about your request: "
            "[what you can offer now]. Shall I call you?\n{{my_name}}"
        ),
    ),
    Form.SCRIPT: (
        N_("Call to come back as agreed"),
        N_(
            "Purpose: come back to {{customer_address}} as agreed when you had to say no.\n\n"
            "What they asked for:\n{{decline_summary}}\n\n"
            "Talking points:\n"
            "- Remind them of their request and that you promised to come back.\n"
            "- [What you can offer now, or whom you can introduce them to]\n\n"
            "Ask:\n"
            "- Is this still something you need?\n"
            "- What would help you most now?\n\n"
            "Note afterwards:\n"
            "- Their answer, and the next step with a date."
        ),
    ),
}


def adhoc_words(text: str, form: Form, language: str) -> str:
    """One of these texts as it is shown: a checklist is the salesperson's own work, in the
    interface language; what is said or sent to the customer is in the customer's."""
    if not text:
        return text  # gettext("") is the catalogue's header
    if form is Form.CHECKLIST:
        return _(text)
    return translation(language).gettext(text)
