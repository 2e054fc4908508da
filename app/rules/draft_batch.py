"""Rendering the drafts of many touchpoints with a handful of queries (exports, sync, Today)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dto.touchpoints import Draft
from app.dto.vocabulary import Status
from app.i18n import ENGLISH, _
from app.messages.channel_texts import plan_step_texts
from app.messages.draft_language import draft_language
from app.messages.drafts import DraftText, build_draft, format_day, merge_values, rendered_text
from app.messages.forms import Form
from app.messages.value_item import BroughtItem, value_values
from app.money import money_text
from app.preferences import Preferences
from app.rules.adhoc_drafts import adhoc_parts, recovery_checklist
from models.customer import Customer
from models.plan import PlanStep, PlanStepText
from models.repositories.keep_in_touch import chunks
from models.responsiveness import LibraryItem
from models.sale import Sale
from models.touchpoint import Touchpoint
from models.touchpoint_draft import TouchpointDraft


@dataclass(frozen=True)
class TouchpointContent:
    """What a calendar event or a message needs beyond the touchpoint row itself."""

    draft: Draft
    sale_summary: str


def sale_summary(sale: Sale | None) -> str:
    if sale is None:
        return ""
    parts = [sale.description or (_("Won sale") if sale.outcome == "won" else _("Lost sale"))]
    if sale.amount_minor is not None:
        parts.append(money_text(sale.amount_minor, sale.currency))
    parts.append(_("closed {day}").format(day=format_day(sale.closed_on)))
    if sale.actual_delivery is not None:
        parts.append(_("delivered {day}").format(day=format_day(sale.actual_delivery)))
    elif sale.promised_delivery is not None:
        parts.append(
            _("delivery promised for {day}").format(day=format_day(sale.promised_delivery))
        )
    return ", ".join(parts)


Row = TypeVar("Row", Customer, Sale, PlanStep, LibraryItem)


def _by_id(session: Session, model: type[Row], ids: set[int]) -> dict[int, Row]:
    found: dict[int, Row] = {}
    for part in chunks(sorted(ids)):
        statement = select(model).where(model.id.in_(part))
        found.update({row.id: row for row in session.scalars(statement)})
    return found


def render_contents(
    session: Session,
    ids: Sequence[int],
    prefs: Preferences,
    today: dt.date,
    *,
    without_edits: bool = False,
) -> dict[int, TouchpointContent]:
    """Drafts and sale summaries for the given touchpoints, keyed by touchpoint id; with
    `without_edits`, the plan's text (with the item chosen, if any) as it would read had
    nobody changed the words."""
    rows: list[Touchpoint] = []
    for part in chunks(list(ids)):
        rows.extend(session.scalars(select(Touchpoint).where(Touchpoint.id.in_(part))))
    customers = _by_id(session, Customer, {row.customer_id for row in rows})
    sales = _by_id(session, Sale, {row.sale_id for row in rows if row.sale_id})
    steps = _by_id(session, PlanStep, {row.step_id for row in rows if row.step_id})
    planned_by_sale: dict[int, list[Touchpoint]] = defaultdict(list)
    for part in chunks(sorted(sales)):
        statement = (
            select(Touchpoint)
            .where(Touchpoint.sale_id.in_(part), Touchpoint.status == Status.PLANNED)
            .order_by(Touchpoint.due_date, Touchpoint.id)
        )
        for other in session.scalars(statement):
            planned_by_sale[other.sale_id or 0].append(other)
    step_texts = texts_of(session, set(steps))
    edits = drafts_of(session, [row.id for row in rows])
    items = _by_id(
        session, LibraryItem, {e.library_item_id for e in edits.values() if e.library_item_id}
    )
    contents = {}
    for row in rows:
        customer = customers[row.customer_id]
        sale = sales.get(row.sale_id) if row.sale_id else None
        step = steps.get(row.step_id) if row.step_id else None
        later = [
            other
            for other in planned_by_sale.get(row.sale_id or 0, [])
            if other.id != row.id and other.due_date >= row.due_date
        ]
        edit = edits.get(row.id)
        item = items.get(edit.library_item_id) if edit and edit.library_item_id else None
        language = draft_language(customer.language, prefs)
        untranslated = ""
        extra: dict[str, str] = {}
        if step is not None:
            outcome = sale.outcome if sale else None
            texts, untranslated = _plan_texts(row, step, outcome, language, step_texts)
            if untranslated:
                # No words in their language: the whole draft in English, not a Dutch
                # greeting and Dutch dates around English sentences.
                language = ENGLISH
        else:
            # Recovery steps, requests, come-backs: their text lives on the row.
            form, subject, body, extra = adhoc_parts(session, row, prefs, language)
            texts = (form, subject, body)
        values = merge_values(customer, sale, prefs, later, today, language)
        values |= value_values(brought(item), language) | extra
        text = rendered_text(row.kind, texts, values, language, untranslated)
        if row.commitment_id is not None:
            text = dataclasses.replace(text, checklist=recovery_checklist(session, row))
        if edit is not None:
            text = with_edit(text, edit, item, words=not without_edits)
        contents[row.id] = TouchpointContent(
            build_draft(row, customer, text, prefs), sale_summary(sale)
        )
    return contents


def _plan_texts(
    row: Touchpoint,
    step: PlanStep,
    outcome: str | None,
    language: str,
    translations: dict[tuple[int, str], PlanStepText],
) -> tuple[tuple[Form, str, str], str]:
    """(form, subject, body) of a plan step's follow-up in `language`, and that language when
    the step's own words are used but have none in it (then they are the English ones)."""
    own = translations.get((step.id, language))
    words = (
        (own.subject_template, own.body_template)
        if own is not None
        else (step.subject_template, step.body_template)
    )
    texts = plan_step_texts(row.kind, row.channel, step.channel, outcome, words, language)
    untranslated = own is None and language != ENGLISH and texts[1:] == words
    return texts, language if untranslated else ""


def texts_of(session: Session, step_ids: set[int]) -> dict[tuple[int, str], PlanStepText]:
    """The plan steps' texts in languages other than English, by (step id, language)."""
    found: dict[tuple[int, str], PlanStepText] = {}
    for part in chunks(sorted(step_ids)):
        statement = select(PlanStepText).where(PlanStepText.step_id.in_(part))
        found.update({(text.step_id, text.language): text for text in session.scalars(statement)})
    return found


def drafts_of(session: Session, ids: Sequence[int]) -> dict[int, TouchpointDraft]:
    """The salesperson's changes to these follow-ups' drafts, by touchpoint id."""
    found: dict[int, TouchpointDraft] = {}
    for part in chunks(sorted(ids)):
        statement = select(TouchpointDraft).where(TouchpointDraft.touchpoint_id.in_(part))
        found.update({edit.touchpoint_id: edit for edit in session.scalars(statement)})
    return found


def brought(item: LibraryItem | None) -> BroughtItem | None:
    return BroughtItem(item.title, item.url, item.note) if item is not None else None


def with_edit(
    text: DraftText, edit: TouchpointDraft, item: LibraryItem | None, *, words: bool = True
) -> DraftText:
    """The plan's text with the item chosen and, with `words`, the salesperson's own words
    where they changed them."""
    subject = edit.subject if words else None
    body = edit.body if words else None
    edited = subject is not None or body is not None
    return dataclasses.replace(
        text,
        subject=text.subject if subject is None else subject,
        body=text.body if body is None else body,
        edited=edited,
        takes_item=text.takes_item or body is not None or item is not None,
        written_for=edit.form if edited and edit.form and edit.form != text.form else "",
        item_id=item.id if item else None,
        item_title=item.title if item else "",
    )
