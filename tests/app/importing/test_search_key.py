"""The import's fast search key is the one a customer added by hand gets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.importing.records import fast_search_key
from app.validation import digits_in, search_key

PART = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="Ab 0123456789+-()./@", max_size=30),
    st.sampled_from(["", "Zoë Fournier", "+49 171 0000001", "a@b.example", "٣٤٥ İstanbul"]),
)


@given(st.tuples(PART, PART, PART, PART))
def test_fast_search_key_is_search_key(parts: tuple[str, str, str, str]) -> None:
    assert fast_search_key(*parts) == search_key(*parts)


@given(PART)
def test_digits_in_keeps_every_digit_in_order(text: str) -> None:
    assert digits_in(text) == "".join(ch for ch in text if ch.isdigit())
