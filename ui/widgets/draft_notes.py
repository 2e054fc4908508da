"""The rich text the draft pane shows around the words: what the draft is for, links,
what stands before sending, and a recovery's checklist (customer data always escaped)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.i18n import N_, _
from ui.look.tones import tones

if TYPE_CHECKING:
    from app.dto.outreach import LibraryItemDTO
    from app.dto.touchpoints import Draft

# What the salesperson holds, by form (shown above the draft).
FORM_NOTES = {
    "message": N_("Message for the customer"),
    "short": N_("Short message for the customer: no subject, one text"),
    "script": N_("Call script: for you, not sent"),
    "checklist": N_("Checklist: for you, nothing goes to the customer"),
}
# A recovery step's state as a mark (the colour is never the only sign).
CHECK_MARKS = {"done": "✓", "skipped": "–", "now": "→", "later": "○"}


def form_note(form: str) -> str:
    """'Call script: for you, not sent': what the draft is, above it."""
    return _(FORM_NOTES[form]) if form in FORM_NOTES else ""


def link(url: str, text: str) -> str:
    """A rich-text link; both parts escaped (customer data may hold markup)."""
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


def warnings_html(draft: Draft) -> str:
    """What still stands between the draft and sending, a line each ("" when nothing)."""
    lines = [html.escape(_(text)) for text in draft.warnings]
    if draft.needs_profile:
        lines.append(link("profile:", _("Fill in your profile")))
    return "<br>".join(lines)


def checklist_html(steps: Sequence[tuple[str, str]]) -> str:
    """A recovery's steps with their marks: done and skipped quiet, this one in bold."""
    number = next((n for n, (_text, state) in enumerate(steps, 1) if state == "now"), 0)
    heading = _("The recovery: step {number} of {total}").format(number=number, total=len(steps))
    lines = ["<b>" + html.escape(heading) + "</b>"]
    quiet = tones().quiet.name()
    for text, state in steps:
        shown = html.escape(f"{CHECK_MARKS.get(state, '○')}  {text}")
        if state == "now":
            shown = f"<b>{shown}</b>"
        elif state in ("done", "skipped"):
            shown = f'<span style="color:{quiet}">{shown}</span>'
        lines.append(shown)
    return "<br>".join(lines)


def email_html(draft: Draft) -> str:
    """The customer's address as a mailto link, or that there is none."""
    if draft.to_email:
        return link(f"mailto:{draft.to_email}", draft.to_email)
    return html.escape(_("no e-mail address"))


def phone_html(draft: Draft) -> str:
    """The customer's number as a tel link, or that there is none."""
    return link(draft.tel, draft.to_phone) if draft.tel else html.escape(_("no phone number"))


def value_html(draft: Draft, suggestion: LibraryItemDTO | None) -> str:
    """What the follow-up brings: the chosen item, else the library's suggestion, with the
    links that change it."""
    choose = link("choose:", _("Choose…"))
    if draft.item_id is not None:
        text = _("Brings: {item}").format(item=f"<b>{html.escape(draft.item_title)}</b>")
        return " · ".join([text, choose, link("remove:", _("Take it out"))])
    if suggestion is not None:
        text = _("Suggested: {item}").format(item=f"<b>{html.escape(suggestion.title)}</b>")
        return " · ".join([text, link("suggested:", _("Put it in")), choose])
    return " · ".join([_("Nothing from your library yet"), choose])
