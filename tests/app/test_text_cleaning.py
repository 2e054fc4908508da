"""Cleaning user text: the printable fast path gives what the character loop gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.validation import _strip_controls


def _by_character(text: str, keep_newlines: bool) -> str:
    """The rule spelled out: tabs to spaces, separators to breaks, controls dropped."""
    kept = []
    for char in text:
        if char == "\n" and keep_newlines:
            kept.append(char)
        elif char in "\u2028\u2029":
            kept.append("\n" if keep_newlines else " ")
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) not in {"Cc", "Cs"} and char != "\ufeff":
            kept.append(char)
    return "".join(kept)


@given(st.text(), st.booleans())
def test_any_text_is_cleaned_by_the_rule(text: str, keep_newlines: bool) -> None:
    assert _strip_controls(text, keep_newlines) == _by_character(text, keep_newlines)


@given(st.text(alphabet=st.sampled_from("ab\t\n\r\x00\x1b\u2028\u2029\ufeff\u200d é")))
def test_hostile_characters_are_cleaned_by_the_rule(text: str) -> None:
    assert _strip_controls(text, True) == _by_character(text, True)
    assert _strip_controls(text) == _by_character(text, False)
