"""Search words that are phone numbers, in every form people write them: 0170…, +49170…, 0049…."""

from __future__ import annotations

import functools
import re

# A word of digits with the punctuation of phone numbers: +49, (0)170, 0170-123, 030/123.
_PHONE_WORD = re.compile(r"[+(]?\d[\d\-/().]*")
MIN_DIGITS = 3
DEFAULT_REGION = "DE"


@functools.lru_cache(maxsize=512)
def _trunk_zero(code: int) -> bool:
    """Whether numbers of this calling code are dialled with a 0 inside the country."""
    import phonenumbers  # only for searches that hold a phone number

    region = phonenumbers.region_code_for_country_code(code)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    return metadata is not None and metadata.national_prefix == "0"


def _calling_code(digits: str) -> int | None:
    """The country calling code at the start of international digits (codes are prefix-free)."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    for length in (1, 2, 3):
        if len(digits) > length and int(digits[:length]) in COUNTRY_CODE_TO_REGION_CODE:
            return int(digits[:length])
    return None


@functools.lru_cache(maxsize=64)
def _region_code(region: str) -> int:
    import phonenumbers

    return int(phonenumbers.country_code_for_region(region.split("-", 1)[0].upper()))


def needs_region(word: str) -> bool:
    """A national number (0170…): its international form depends on the user's country."""
    return is_phone_word(word) and not word.startswith("+") and word.lstrip("(").startswith("0")


def is_phone_word(word: str) -> bool:
    return bool(_PHONE_WORD.fullmatch(word)) and sum(ch.isdigit() for ch in word) >= MIN_DIGITS


def phone_forms(word: str, region: str = DEFAULT_REGION) -> tuple[str, ...]:
    """The word as typed, its digits, and the same number's other form.

    Stored search keys hold the number as written and its digits: '+49 170 1234567'
    has '491701234567', '0170 1234567' has '01701234567'. A search for either form
    must find both, so a national word also looks for the international digits and
    an international word for the national ones.
    """
    if not is_phone_word(word):
        return (word,)
    digits = "".join(filter(str.isdigit, word))
    forms = [word, digits]
    if word.startswith("+") or digits.startswith("00"):
        international = digits[2:] if digits.startswith("00") else digits
        forms.append(international)
        code = _calling_code(international)
        if code is not None and _trunk_zero(code):
            forms.append("0" + international[len(str(code)) :])
    elif digits.startswith("0") and not digits.startswith("00") and len(digits) > 1:
        code = _region_code(region or DEFAULT_REGION)
        if code and _trunk_zero(code):
            forms.append(f"{code}{digits[1:]}")
    return tuple(dict.fromkeys(forms))


def search_terms(search: str, region: str = DEFAULT_REGION) -> list[tuple[str, ...]]:
    """The words of a search (all must match), each with the forms any of which may match."""
    return [phone_forms(word, region) for word in search.casefold().split()]
