"""The built-in words for a follow-up whose channel asks for another form than its plan
step's text: a call script when the customer prefers the phone, a short text for text
messages, a message when a call step goes out by e-mail.

Keyed by (kind, form), with (kind, form, outcome) for what differs after a lost sale.
Each is (subject, body); {{fields}} as in plan templates; [brackets] mark the words only
the salesperson can write."""

from __future__ import annotations

from app.i18n import ENGLISH, N_, translation
from app.messages.forms import Form, channel_form

Texts = tuple[str, str]

SHORTS: dict[tuple[str, ...], Texts] = {
    ("thank_you",): (
        "",
        N_(
            "{{customer_address}}, thank you for your order and for your trust! "
            "If anything comes up, just reply to this message.\n{{my_name}}"
        ),
    ),
    ("thank_you", "lost"): (
        "",
        N_(
            "{{customer_address}}, thank you for your time and for considering us. "
            "If your needs change, I am glad to help.\n{{my_name}}"
        ),
    ),
    ("delivery_check",): (
        "",
        N_(
            "{{customer_address}}, did everything arrive as promised and is it to your liking? "
            "If anything needs fixing, reply here and I will see to it first.\n{{my_name}}"
        ),
    ),
    ("value_add",): (
        "",
        N_("{{customer_address}}, I thought of you when I saw this: {{value_item}}\n{{my_name}}"),
    ),
    ("feedback",): (
        "",
        N_(
            "{{customer_address}}, how is everything working out since the delivery? "
            "What works well, and what could be better?\n{{my_name}}"
        ),
    ),
    ("referral",): (
        "",
        N_(
            "{{customer_address}}, if you are happy with our work and know someone who could "
            "use the same, I would be grateful for an introduction.\n{{my_name}}"
        ),
    ),
    ("check_in",): (
        "",
        N_(
            "{{customer_address}}, how are things with you? This may be of use to you: "
            "{{value_item}}\n{{my_name}}"
        ),
    ),
    ("check_in", "lost"): (
        "",
        N_(
            "{{customer_address}}, how is the solution you chose working out? "
            "If I can help with anything, just reply.\n{{my_name}}"
        ),
    ),
    ("birthday",): (
        "",
        N_("Happy birthday, {{customer_address}}! All the best for the year ahead.\n{{my_name}}"),
    ),
}

SCRIPTS: dict[tuple[str, ...], Texts] = {
    ("thank_you",): (
        N_("Call to say thank you"),
        N_(
            "Purpose: thank {{customer_address}} personally for the order and confirm what "
            "happens next.\n\n"
            "Talking points:\n"
            "- Thank them for the order and for their trust.\n"
            "- Confirm the order: {{sale_description}}, delivery on {{delivery_date}}.\n"
            "- Give them your direct number and e-mail for anything that comes up.\n\n"
            "Ask:\n"
            "- Is there anything you need from us before the delivery?\n\n"
            "Note afterwards:\n"
            "- Anything you promised, with the date."
        ),
    ),
    ("thank_you", "lost"): (
        N_("Call to thank them for considering us"),
        N_(
            "Purpose: thank {{customer_address}} for their time and keep the door open.\n\n"
            "Talking points:\n"
            "- Thank them for the time they gave you while deciding.\n"
            "- Say that you respect their choice.\n"
            "- Your door stays open if their needs change.\n\n"
            "Ask:\n"
            "- What made the difference in your decision?\n"
            "- May I check back in a few weeks?\n\n"
            "Note afterwards:\n"
            "- Their reason, in their words, and when to check back."
        ),
    ),
    ("delivery_check",): (
        N_("Call: did the delivery go as promised?"),
        N_(
            "Purpose: make sure {{sale_description}} arrived as promised and is to "
            "{{customer_address}}'s liking.\n\n"
            "Talking points:\n"
            "- Thank them again for the order.\n"
            "- Check the delivery against the order: on time, complete, undamaged.\n"
            "- Offer help with getting started.\n\n"
            "Ask:\n"
            "- Did everything arrive as promised?\n"
            "- Is it working the way you expected?\n"
            "- Is there anything I can take care of for you?\n\n"
            "Note afterwards:\n"
            "- Anything to fix: fix it first, then tell them it is done.\n"
            "- What they said about the delivery, in their words."
        ),
    ),
    ("value_add",): (
        N_("Call with something useful"),
        N_(
            "Purpose: bring {{customer_address}} something of value, "
            "more than just checking in.\n\n"
            "Talking points:\n"
            "- What you bring (below), and why it matters to them: {{value_why}}\n"
            "- Offer to send the link afterwards, in the way they prefer.\n\n"
            "What you bring:\n{{value_item}}\n\n"
            "Ask:\n"
            "- How is it going with {{sale_description}}?\n"
            "- Is anything coming up where I can help?\n\n"
            "Note afterwards:\n"
            "- What they need next, and anything you promised."
        ),
    ),
    ("feedback",): (
        N_("Call for feedback"),
        N_(
            "Purpose: hear how it is going with {{sale_description}} and what could be better.\n\n"
            "Talking points:\n"
            "- Thank them for their business.\n"
            "- Their answer goes straight to you, and you act on it.\n\n"
            "Ask:\n"
            "- What works well?\n"
            "- What could be better?\n"
            "- Is there anything you would like next?\n\n"
            "Note afterwards:\n"
            "- Their score from 1 to 5 and their words.\n"
            "- Anything to fix, with a date."
        ),
    ),
    ("referral",): (
        N_("Call to ask for a referral"),
        N_(
            "Purpose: ask {{customer_address}} for an introduction or a recommendation, once you "
            "know they are happy.\n\n"
            "Talking points:\n"
            "- Thank them for working with you.\n"
            "- Check they are happy with {{sale_description}} before you ask.\n\n"
            "Ask:\n"
            "- Do you know someone who could use the same?\n"
            "- Would you write a short recommendation, for example on LinkedIn?\n\n"
            "Note afterwards:\n"
            "- The names they gave you, and send a thank-you for each."
        ),
    ),
    ("check_in",): (
        N_("Call to keep in touch"),
        N_(
            "Purpose: stay in touch with {{customer_address}} and bring something useful.\n\n"
            "Talking points:\n"
            "- What you bring (below), and why it matters to them: {{value_why}}\n"
            "- Offer to send the link afterwards, in the way they prefer.\n\n"
            "What you bring:\n{{value_item}}\n\n"
            "Ask:\n"
            "- How are things with you?\n"
            "- Has anything changed in what you need?\n\n"
            "Note afterwards:\n"
            "- Their news, and when to call again."
        ),
    ),
    ("check_in", "lost"): (
        N_("Call to check back"),
        N_(
            "Purpose: learn how their choice is working out and stay in the picture.\n\n"
            "Talking points:\n"
            "- Thank them again for considering you.\n"
            "- Bring something useful, not just a question.\n\n"
            "Ask:\n"
            "- How is the solution you chose working out?\n"
            "- Have your needs or your budget changed?\n\n"
            "Note afterwards:\n"
            "- What you learnt, and when to check back."
        ),
    ),
    ("birthday",): (
        N_("Call to wish a happy birthday"),
        N_(
            "Purpose: wish {{customer_address}} a happy birthday.\n\n"
            "Talking points:\n"
            "- Your good wishes for the day and the year ahead.\n"
            "- No sales talk today.\n\n"
            "Note afterwards:\n"
            "- Anything personal they shared."
        ),
    ),
}

MESSAGES: dict[tuple[str, ...], Texts] = {
    ("delivery_check",): (
        N_("Did everything arrive as promised, {{customer_address}}?"),
        N_(
            "{{greeting}},\n\n"
            "Your delivery should be with you now. Did everything arrive as promised, and is it "
            "to your liking?\n\n"
            "If anything needs fixing, let me know and I will see to it first.\n\n"
            "Best regards,\n{{my_name}}\n{{my_title}}, {{my_company}}\nPhone: {{my_phone}}"
        ),
    ),
}

_BY_FORM = {Form.SHORT: SHORTS, Form.SCRIPT: SCRIPTS, Form.MESSAGE: MESSAGES}


def channel_texts(
    kind: str, form: Form, outcome: str | None, language: str = ENGLISH
) -> Texts | None:
    """The built-in (subject, body) for this kind in this form, if there is one, in the
    draft's language (the catalogue's words; English where it has none yet)."""
    texts = _BY_FORM.get(form, {})
    found = texts.get((kind, outcome or "")) or texts.get((kind,))
    if found is None:
        return None
    return _in(language, found[0]), _in(language, found[1])


def _in(language: str, text: str) -> str:
    # gettext("") would return the catalogue's header, not an empty subject.
    return translation(language).gettext(text) if text else text


# A message whose template has no subject still needs one the customer understands.
FALLBACK_SUBJECTS = {
    "thank_you": N_("Thank you, {{customer_address}}"),
    "delivery_check": N_("Did everything arrive as promised?"),
    "value_add": N_("Something useful for you, {{customer_address}}"),
    "feedback": N_("How is it going, {{customer_address}}?"),
    "referral": N_("A small favour, {{customer_address}}?"),
    "birthday": N_("Happy birthday, {{customer_address}}!"),
}
DEFAULT_SUBJECT = N_("A note from {{my_name}}")


def fallback_subject(kind: str, language: str = ENGLISH) -> str:
    """The subject template for a message whose own subject came out empty."""
    return _in(language, FALLBACK_SUBJECTS.get(kind, DEFAULT_SUBJECT))


def plan_step_texts(
    kind: str,
    channel: str,
    step_channel: str | None,
    outcome: str | None,
    step: Texts,
    language: str = ENGLISH,
) -> tuple[Form, str, str]:
    """(form, subject, body) for a follow-up a plan step made. The step's own text is
    written for the step's channel; when the follow-up goes out on a channel of another
    form (the customer prefers the phone), the built-in text of that form stands in."""
    form = channel_form(channel)
    if form is not channel_form(step_channel):
        texts = channel_texts(kind, form, outcome, language)
        if texts is None:
            # A kind of the user's own: their text, in the form it was written for.
            return channel_form(step_channel), *step
        return form, *texts
    return form, *step
