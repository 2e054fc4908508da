"""What stands between a draft and sending it: the salesperson's words, the profile, length."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import LANGUAGES, N_, _
from app.messages.forms import SMS_LENGTH, Form, slots
from app.preferences import Preferences

# The forms the customer reads; a script or a checklist stays with the salesperson.
SENT_FORMS = (Form.MESSAGE, Form.SHORT)


@dataclass(frozen=True)
class Readiness:
    """The warnings of one draft, with the two that stop or question a send."""

    warnings: tuple[str, ...]
    needs_words: bool
    needs_profile: bool


# How the warnings name a form the salesperson's words were written for.
FORM_NAMES = {
    Form.MESSAGE: N_("an e-mail or a letter"),
    Form.SHORT: N_("a text message"),
    Form.SCRIPT: N_("a call"),
    Form.CHECKLIST: N_("a checklist"),
}


def readiness(
    form: Form,
    body: str,
    prefs: Preferences,
    to_phone: str,
    channel: str,
    written_for: str = "",
    to_address: str = "",
    *,
    untranslated: str = "",
) -> Readiness:
    """Warnings in the order the salesperson would act on them, in the interface language;
    `untranslated` is the customer's language when the plan step has no text in it."""
    warnings: list[str] = []
    if untranslated:
        warnings.append(
            _("No {language} text for this step yet: drafted in English.").format(
                language=LANGUAGES.get(untranslated, untranslated)
            )
        )
    if written_for:
        warnings.append(
            _(
                "You wrote this for {written_for}; the follow-up is now {form}. "
                "Reset to the plan's text for words that fit."
            ).format(written_for=_(FORM_NAMES[Form(written_for)]), form=_(FORM_NAMES[form]))
        )
    needs_words = needs_profile = False
    if form in SENT_FORMS:
        if slots(body):
            needs_words = True
            warnings.append(_("Needs your words: write the parts in [brackets] before sending."))
        if not prefs.my_name.strip():
            needs_profile = True
            warnings.append(_("Not signed: your profile has no name."))
        if not any(value.strip() for value in (prefs.my_phone, prefs.my_mobile, prefs.my_email)):
            needs_profile = True
            warnings.append(
                _(
                    "Your profile has no phone or e-mail, "
                    "so the customer cannot see how to reach you."
                )
            )
    if form is Form.MESSAGE and channel == "letter" and not to_address.strip():
        warnings.append(_("This customer has no postal address yet."))
    if form is Form.SHORT and len(body) > SMS_LENGTH:
        warnings.append(
            _("{count} characters: longer than one text message ({limit}).").format(
                count=len(body), limit=SMS_LENGTH
            )
        )
    if form is Form.SCRIPT and channel == "phone" and not to_phone.strip():
        warnings.append(_("This customer has no phone number yet."))
    return Readiness(tuple(warnings), needs_words, needs_profile)
