"""The built-in steps' words in other languages, put into the database from the files in
resources/plans/<lang>/: added where a step has none, renewed where we rewrote them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.plans.builtin import builtin_plan, retired_texts, text_digest
from app.plans.files import languages_with_plans, plan_texts
from models.plan import PlanStep, PlanStepText
from models.repositories import plans as repo


def seed_translations(session: Session, *, restore: str | None = None) -> int:
    """Give every built-in step the shipped words of each language with a file, where it has
    none; a text still as we once shipped it (retired_texts.json) takes today's words.

    A step whose English the user rewrote gets no shipped translation: the translation
    would say something else than their words (the draft falls back to English and says
    so). With `restore` (a built-in key), that plan's translations are put back as shipped.
    Returns how many texts were added or changed."""
    languages = languages_with_plans()
    if not languages:
        return 0  # English only: nothing to read at start-up
    retired = retired_texts()
    changed = 0
    for key, step in repo.builtin_steps(session, with_texts=True):
        shipped = builtin_plan(key).steps
        if step.position >= len(shipped) or shipped[step.position].kind != step.kind:
            continue
        english = shipped[step.position]
        own_english = (step.subject_template, step.body_template) == (english.subject, english.body)
        have = {text.language: text for text in step.texts}
        for language in languages:
            words = plan_texts(key, language)
            if words is None:
                continue
            subject, body = words.steps[step.position].subject, words.steps[step.position].body
            text = have.get(language)
            if text is None:
                if own_english:
                    set_translation(step, language, subject, body)
                    changed += 1
                continue
            renew = (
                key == restore or text_digest(text.subject_template, text.body_template) in retired
            )
            if renew and (text.subject_template, text.body_template) != (subject, body):
                text.subject_template, text.body_template = subject, body
                changed += 1
    return changed


def set_translation(step: PlanStep, language: str, subject: str, body: str) -> None:
    """The step's words in `language` (not English, which is on the step itself); none at
    all takes the language's text away, so its drafts fall back to English and say so."""
    text = next((text for text in step.texts if text.language == language), None)
    if not subject.strip() and not body.strip():
        if text is not None:
            step.texts.remove(text)
        return
    if text is None:
        step.texts.append(
            PlanStepText(language=language, subject_template=subject, body_template=body)
        )
    else:
        text.subject_template, text.body_template = subject, body
