"""Message texts of touchpoints that no plan step made: recovery steps, requests, come-backs."""

from __future__ import annotations

# Bodies by recovery step code (app.scheduling.recovery); {{fields}} as in plan templates.
RECOVERY_BODIES = {
    "find_out": (
        "Promise: {{promise}} (due {{promise_due}}).\n\n"
        "Before anyone talks to the customer, find out how the promise was made:\n"
        "- old e-mails and notes\n- the contract or order confirmation\n- who promised what"
    ),
    "options": (
        "Promise: {{promise}} (due {{promise_due}}).\n\n"
        "Brainstorm the options:\n"
        "- another source, even at a loss\n- a demo or loan unit in the meantime\n"
        "- reshuffle another customer's delivery that has slack"
    ),
    "manager": (
        "Tell your manager now, with the options, before the customer call.\n\n"
        "Promise: {{promise}} (due {{promise_due}}).\n{{recovery_note}}"
    ),
    "call": (
        "Call {{customer_name}} ({{customer_phone}}) yourself: a phone call, not an e-mail.\n\n"
        "Promise: {{promise}} (due {{promise_due}}).\n\n"
        "During the call:\n"
        "- Comfort them: let them tell their side; do not make them wrong.\n"
        "- Present the solution you chose.\n"
        "- Apologise adequately, after the solution is presented.\n"
        "- Compensate beyond the loss. Spend at least: {{compensation_floor}}\n"
        "  This customer has bought: {{customer_value}}"
    ),
    "document": (
        "Dear {{customer_first_name}},\n\n"
        "thank you for taking the time to talk with me today. As agreed, here is what we "
        "will do about {{promise}}:\n\n"
        "- \n\n"
        "I am sorry for the trouble this causes you. If anything is unclear, please call "
        "me directly.\n\n"
        "Best regards,\n{{my_name}}\n{{my_title}}, {{my_company}}\nPhone: {{my_phone}}"
    ),
    "review": (
        "Review with the team how to prevent it happening again.\n\n"
        "Promise: {{promise}} (due {{promise_due}}). Keep the e-mail thread and documents "
        "with it for later reference."
    ),
}
REQUEST_BODY = (
    "{{customer_name}} asked on {{request_received}} ({{request_channel}}):\n\n"
    "{{request_summary}}\n\nAnswer by {{request_due}}."
)
LOW_FEEDBACK_BODY = (
    "{{customer_name}} gave a low feedback score. Call them: listen first, let them tell "
    "their side, and agree what will make it right."
)
