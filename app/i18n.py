"""The languages the planner speaks: one gettext route for the interface, the CLI and drafts.

Every layer marks its texts the same way (`_`, `N_`, `ngettext` from here) and one extraction
(Babel) builds one catalogue per language under resources/locale. app/ has no Qt, so Qt's own
translator could not reach the drafts and plan names there; gettext reaches all three faces,
and ui/ adds Qt's translator only for Qt's own dialogs (qtbase_*.qm).

`use()` picks the interface language for the whole process; `translation(code)` gives any
language's catalogue, for a draft written in the customer's language whatever the interface.
"""

from __future__ import annotations

import functools
import gettext
import io
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "followup"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
ENGLISH = "en"
# Each language by its own name, as a speaker looks for it in a list.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "nl": "Nederlands",
    "uk": "Українська",
    "ms": "Bahasa Melayu",
    "et": "Eesti",
    "hu": "Magyar",
}
# Not a language: every text stretched by 40 % in brackets, to see layouts that break.
PSEUDO = "qps"
STRETCH = 0.4


class PseudoTranslations(gettext.NullTranslations):
    """Every text 40 % longer, accented and bracketed; placeholders and mnemonics kept."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


# {name}, {0}, %(name)s, %s, %d and {{merge_field}}: what a translation must keep as it is.
PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}|\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdifr%]")
_ACCENTS = str.maketrans("AaCcEeIiNnOoUuYy", "ÅåÇçÉéÎîÑñÖöÛûÝý")


def pseudo(message: str) -> str:
    """'[Ådd çüstömér~~~~]': what a layout must survive; empty stays empty."""
    if not message:
        return message
    parts: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(message):
        parts.append(message[last : match.start()].translate(_ACCENTS))
        parts.append(match.group(0))
        last = match.end()
    parts.append(message[last:].translate(_ACCENTS))
    text = "".join(parts)
    visible = len(message.replace("&", ""))
    return f"[{text}{'~' * math.ceil(visible * STRETCH)}]"


def normalise(code: str | None) -> str | None:
    """'nl_NL.UTF-8', 'uk-UA' or 'HU' as a language we ship ('nl', 'uk', 'hu'), else None."""
    if not code:
        return None
    base = re.split(r"[_.@\-]", code.strip(), maxsplit=1)[0].lower()
    if base == PSEUDO:
        return PSEUDO
    return base if base in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The first shipped language the system asks for (LANGUAGE, LC_ALL, ...), else English."""
    env = os.environ if environ is None else environ
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for code in env.get(key, "").split(":"):
            if found := normalise(code):
                return found
    import locale  # only when the environment names no language: most starts never need it

    try:
        found = normalise(locale.getlocale()[0])
    except ValueError:
        found = None
    return found or ENGLISH


@functools.cache
def translation(code: str) -> gettext.NullTranslations:
    """One language's catalogue (English: the texts as written); unknown codes read English."""
    language = normalise(code)
    if language == PSEUDO:
        return PseudoTranslations()
    if language is None or language == ENGLISH:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if source.exists() and (
        not compiled.exists() or source.stat().st_mtime > compiled.stat().st_mtime
    ):
        # A catalogue edited since `make.py` compiled it (or never compiled: a plain pytest
        # run) is compiled here, in memory: a stale .mo never speaks for its .po.
        return gettext.GNUTranslations(io.BytesIO(compile_po(source)))
    if compiled.exists():
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    return gettext.NullTranslations()


def compile_po(source: Path) -> bytes:
    """A .po file as .mo bytes (Babel; fuzzy entries are left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        catalog = read_po(handle)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


_current: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH


def use(code: str | None) -> str:
    """Speak this language from now on (None or unknown: the system's); returns the code used."""
    global _current, _language
    _language = normalise(code) or system_language()
    _current = translation(_language)
    return _language


def current() -> str:
    """The interface language in use ('en' until use() is called)."""
    return _language


def _(message: str) -> str:
    """The interface's translation of a text."""
    return _current.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Marks a text for extraction; it is translated where it is shown, with _()."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The interface's translation of a text whose form depends on a count."""
    return _current.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A short text that means different things in different places ('Open' file, 'Open' state)."""
    return _current.pgettext(context, message)
