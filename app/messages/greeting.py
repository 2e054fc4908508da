"""How a customer is addressed: one salutation rule per customer (first name by default),
written by the rules of the draft's language (resources/plans/<lang>/language.json)."""

from __future__ import annotations

from app.i18n import ENGLISH
from app.plans.files import LanguageRules, language_rules


def _names(name: str, rules: LanguageRules) -> dict[str, str] | None:
    words = name.split()
    if not words:
        return None
    # Hungarian writes the family name first: "Kovács Mária" is Mária of the Kovács.
    given, family = (words[-1], words[0]) if rules.family_first else (words[0], words[-1])
    return {"first": given, "last": family, "full": " ".join(words)}


def given_name(name: str, language: str = ENGLISH) -> str:
    """The customer's given name as the language's name order finds it ("" without a name)."""
    names = _names(name, language_rules(language))
    return names["first"] if names else ""


def addressed_as(name: str, salutation: str, language: str = ENGLISH) -> str:
    """The name a letter or subject uses for this customer: "Maria" or "Ms Becker"."""
    rules = language_rules(language)
    names = _names(name, rules)
    if names is None:
        return ""
    return rules.address.get(salutation, rules.address[""]).format(**names)


def greeting(name: str, salutation: str, language: str = ENGLISH) -> str:
    """The salutation line without its punctuation: "Dear Maria", or "Hello" without a name."""
    rules = language_rules(language)
    names = _names(name, rules)
    if names is None:
        return rules.greeting["none"]
    return rules.greeting.get(salutation, rules.greeting[""]).format(**names)
