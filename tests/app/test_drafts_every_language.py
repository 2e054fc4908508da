"""Every built-in template in every language that has files in resources/plans/<lang>/
(and the Dutch test fixture), in every form, with every profile subset: no leftover
{{field}}, no English greeting in another language, nothing empty; and each language file
keeps the English step's kinds, merge fields and empty subjects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from app.i18n import ENGLISH
from app.messages.channel_texts import plan_step_texts
from app.messages.forms import Form
from app.messages.sample import sample_values
from app.messages.templates import FIELD_PATTERN, render
from app.plans import files
from app.plans.builtin import builtin_plans
from tests.app.test_draft_forms import CHANNELS, PROFILE, PROFILE_FIELDS, SUBSETS
from tests.support.plan_files import FIXTURES

D = dt.date
ENGLISH_GREETINGS = re.compile(r"\b(Dear|Hello)\b")


def _sources() -> list[tuple[str, Path]]:
    """(language, plans folder): every shipped language with files, and the test fixture."""
    shipped = files.plans_dir()
    found = [(ENGLISH, shipped)] + [(code, shipped) for code in files.languages_with_plans()]
    return [*found, ("nl", FIXTURES)]


Text = tuple[str, str, Path, str | None, str, str | None, str, str, str]


def _every_text() -> list[Text]:
    """(id, language, folder, outcome, kind, step's channel, channel, subject, body) for
    each step in each form it can take."""
    found = []
    for language, folder in _sources():
        for plan in builtin_plans():
            key = plan.builtin_key or ""
            translated = files._plan_texts(folder, key, language)
            if language != ENGLISH and translated is None:
                continue  # this language has no file for this plan (yet)
            outcome = {"won_sale": "won", "lost_sale": "lost"}.get(key)
            for step in plan.steps:
                words = (step.subject, step.body)
                if translated is not None:
                    words = (
                        translated.steps[step.position].subject,
                        translated.steps[step.position].body,
                    )
                for channel in [step.channel] if step.channel else CHANNELS:
                    where = f"{language}{'-fixture' if folder == FIXTURES else ''} {key} "
                    where += f"{step.position} {channel}"
                    found.append(
                        (
                            where,
                            language,
                            folder,
                            outcome,
                            step.kind,
                            step.channel,
                            channel or "",
                            *words,
                        )
                    )
    return found


@pytest.mark.parametrize("text", _every_text(), ids=lambda text: text[0])
def test_every_template_renders_whole_in_its_language(
    text: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    where, language, folder, outcome, kind, step_channel, channel, *template = text
    monkeypatch.setattr(files, "plans_dir", lambda: folder)
    form, subject, body = plan_step_texts(
        kind, channel, step_channel, outcome, (template[0], template[1]), language
    )
    empty = dataclasses.replace(PROFILE, **dict.fromkeys(PROFILE_FIELDS, ""))
    for filled in SUBSETS:
        prefs = dataclasses.replace(empty, **{name: getattr(PROFILE, name) for name in filled})
        values = sample_values(prefs, D(2026, 12, 3), language)
        shown_subject, shown_body = render(subject, values), render(body, values)
        assert shown_body.strip(), where
        assert bool(shown_subject.strip()) or form is not Form.SCRIPT, where
        for shown in (shown_subject, shown_body):
            assert "{{" not in shown and "}}" not in shown, (where, filled, shown)
            if language != ENGLISH:
                assert not ENGLISH_GREETINGS.search(shown), (where, shown)


def _language_files() -> list[tuple[str, Path, str]]:
    return [
        (language, folder, plan.builtin_key or "")
        for language, folder in _sources()
        if language != ENGLISH
        for plan in builtin_plans()
        if (folder / language / f"{plan.builtin_key}.json").exists()
    ]


@pytest.mark.parametrize(
    "source", _language_files(), ids=lambda s: f"{s[0]}-{s[2]}-{s[1].parent.name}"
)
def test_each_language_file_matches_the_english_plan(source: tuple[str, Path, str]) -> None:
    language, folder, key = source
    translated = files._plan_texts(folder, key, language)  # raises on other kinds
    assert translated is not None and translated.name.strip()
    english = next(plan for plan in builtin_plans() if plan.builtin_key == key)
    for step, words in zip(english.steps, translated.steps, strict=True):
        fields = {m.group(1) for m in FIELD_PATTERN.finditer(step.subject + step.body)}
        theirs = {m.group(1) for m in FIELD_PATTERN.finditer(words.subject + words.body)}
        assert theirs == fields, (key, step.position, theirs ^ fields)
        assert bool(words.subject) == bool(step.subject), (key, step.position)
        assert words.body.strip(), (key, step.position)
    rules = files._language_rules(folder, language)
    assert set(rules.greeting) == {"", "full", "ms", "mr", "dr", "none"}
    assert set(rules.address) == {"", "full", "ms", "mr", "dr"}
