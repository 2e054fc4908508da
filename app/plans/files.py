"""The per-language files in resources/plans/<lang>/: each built-in plan's texts and how a
customer is addressed in that language (language.json), parsed and checked against English."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.i18n import ENGLISH, LANGUAGES
from app.paths import resources_dir
from app.plans.builtin import builtin_plan


def plans_dir() -> Path:
    """Where the plan files are (a function, so a test can point at its own copy)."""
    return resources_dir() / "plans"


@dataclass(frozen=True)
class StepText:
    """One step's words in one language."""

    kind: str
    subject: str
    body: str


@dataclass(frozen=True)
class PlanTexts:
    """A built-in plan's texts in one language (steps in the English plan's order)."""

    key: str
    name: str
    description: str
    steps: tuple[StepText, ...]


@dataclass(frozen=True)
class LanguageRules:
    """How a letter in one language greets and names a customer (formats: language.json)."""

    family_first: bool
    greeting: dict[str, str]
    address: dict[str, str]


class PlanFileError(ValueError):
    """A per-language file that does not match the format or the English plan."""


def plan_texts(key: str, language: str) -> PlanTexts | None:
    """The built-in plan `key` in `language`, or None when that language has no file for it."""
    return _plan_texts(plans_dir(), key, language)


def language_rules(language: str) -> LanguageRules:
    """The addressing rules of `language`; English's for a language without its own file."""
    return _language_rules(plans_dir(), language)


def languages_with_plans() -> tuple[str, ...]:
    """The shipped languages other than English that have at least one plan file."""
    return _languages_with_plans(plans_dir())


@cache
def _languages_with_plans(folder: Path) -> tuple[str, ...]:
    def has_plans(code: str) -> bool:
        return any(path.name != "language.json" for path in (folder / code).glob("*.json"))

    return tuple(code for code in LANGUAGES if code != ENGLISH and has_plans(code))


@cache
def _plan_texts(folder: Path, key: str, language: str) -> PlanTexts | None:
    path = folder / language / f"{key}.json"
    if language == ENGLISH or not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    kinds = [step.kind for step in builtin_plan(key).steps]
    steps = tuple(StepText(s["kind"], s["subject"], s["body"]) for s in raw["steps"])
    if raw.get("key") != key or [step.kind for step in steps] != kinds:
        # The steps are matched to English by position: another order would put a
        # thank-you's words on a delivery check.
        raise PlanFileError(f"{path}: its steps do not match the English plan's kinds {kinds}")
    return PlanTexts(key, raw["name"], raw.get("description", ""), steps)


@cache
def _language_rules(folder: Path, language: str) -> LanguageRules:
    path = folder / language / "language.json"
    if not path.exists():
        path = folder / ENGLISH / "language.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    order = raw.get("name_order", "given_first")
    if order not in ("given_first", "family_first"):
        raise PlanFileError(f"{path}: name_order is {order!r}")
    return LanguageRules(order == "family_first", dict(raw["greeting"]), dict(raw["address"]))
