"""A stored name's given and family parts, as each language's letters address a person.

The customer form keeps one name. A letter needs its parts: "Geachte heer Van der Berg"
(a Dutch surname keeps its prefix, capitalised when no given name comes before it), and
"Kedves Mária" for "Kovács Mária" (Hungarian writes the family name first).
"""

from __future__ import annotations

from typing import NamedTuple

# Dutch (and Flemish) surname prefixes.
_DUTCH = (
    "van der", "van den", "van de", "van het", "van 't", "in 't", "in de", "in het", "op de",
    "op den", "uit de", "uit den", "van", "de", "den", "der", "het", "'t", "ter", "ten", "te",
)  # fmt: skip
# Longest first, so "van der" wins over "van".
_PREFIXES = tuple(sorted(_DUTCH, key=lambda prefix: -len(prefix.split())))
# Languages whose surnames carry these prefixes.
_PREFIX_LANGUAGES = frozenset({"nl"})


class NameParts(NamedTuple):
    """The given name, the family name as a letter writes it after a title, and the whole."""

    given: str
    family: str
    full: str


def name_parts(name: str, family_first: bool = False, language: str = "en") -> NameParts:
    """'Jan van der Berg' (nl) -> ('Jan', 'Van der Berg'); 'Kovács Mária' (family first) ->
    ('Mária', 'Kovács'); one word is both; nothing is nothing."""
    words = name.split()
    full = " ".join(words)
    if not words:
        return NameParts("", "", "")
    if len(words) == 1:
        return NameParts(words[0], words[0], full)
    if family_first:
        return NameParts(words[-1], words[0], full)
    if language in _PREFIX_LANGUAGES:
        lowered = [word.casefold() for word in words]
        for prefix in _PREFIXES:
            size = len(prefix.split())
            # The prefix sits between the given name(s) and the last word(s).
            for start in range(1, len(words) - size):
                if " ".join(lowered[start : start + size]) == prefix:
                    family = " ".join(words[start:])
                    return NameParts(words[0], family[:1].upper() + family[1:], full)
    return NameParts(words[0], words[-1], full)
