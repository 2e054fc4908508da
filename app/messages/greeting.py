"""How a customer is addressed: one salutation rule per customer (first name by default),
written by the rules of the draft's language (resources/plans/<lang>/language.json)."""

from __future__ import annotations

from app.i18n import ENGLISH
from app.messages.name_parts import name_parts
from app.plans.files import LanguageRules, language_rules


def _names(name: str, rules: LanguageRules, language: str) -> dict[str, str] | None:
    # Hungarian writes the family name first ("Kovács Mária"); a Dutch surname keeps its
    # prefix ("mevrouw De Vries"): name_parts knows each language's way.
    parts = name_parts(name, rules.family_first, language)
    if not parts.full:
        return None
    return {"first": parts.given, "last": parts.family, "full": parts.full}


def given_name(name: str, language: str = ENGLISH) -> str:
    """The customer's given name as the language's name order finds it ("" without a name)."""
    names = _names(name, language_rules(language), language)
    return names["first"] if names else ""


def addressed_as(name: str, salutation: str, language: str = ENGLISH) -> str:
    """The name a letter or subject uses for this customer: "Maria" or "Ms Becker"."""
    rules = language_rules(language)
    names = _names(name, rules, language)
    if names is None:
        return ""
    return rules.address.get(salutation, rules.address[""]).format(**names)


def greeting(name: str, salutation: str, language: str = ENGLISH) -> str:
    """The salutation line without its punctuation: "Dear Maria", or "Hello" without a name."""
    rules = language_rules(language)
    names = _names(name, rules, language)
    if names is None:
        return rules.greeting["none"]
    return rules.greeting.get(salutation, rules.greeting[""]).format(**names)
