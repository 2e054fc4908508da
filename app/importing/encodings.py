"""Decoding import files: BOM, UTF-16 without BOM, strict UTF-8, then Windows-1252."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from app.errors import KnownError

# Above this share of control characters the "text" is a binary file in disguise.
MAX_CONTROL_SHARE = 0.005
SAMPLE = 64_000


class UnreadableFile(KnownError):
    """The file cannot be read as contacts at all (binary, unknown layout, missing)."""


@dataclass(frozen=True)
class DecodedText:
    """The file's text and how it was encoded (shown in the preview)."""

    text: str
    encoding: str
    truncated: bool = False


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (with BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Windows-1252 leaves five bytes undefined; Latin-1 gives each of them a character."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "followup-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1_for_undefined)


def _utf16_without_bom(data: bytes) -> str | None:
    """Outlook sometimes writes UTF-16 without a BOM: ASCII text then has every other byte 0."""
    sample = data[:SAMPLE]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _check_text(text: str) -> None:
    sample = text[:SAMPLE]
    controls = sum(1 for ch in sample if ch not in "\t\r\n\f" and unicodedata.category(ch) == "Cc")
    if "\x00" in sample or controls > MAX_CONTROL_SHARE * max(len(sample), 1):
        raise UnreadableFile("the file is not a text file (it looks like binary data)")


def decode(data: bytes) -> DecodedText:
    """Text of an import file; raises UnreadableFile for binary data."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec.startswith("utf-16") and len(body) % 2:
                body = body[:-1]  # a file cut in the middle of a character
            text = body.decode(codec, errors="replace")
            _check_text(text)
            return DecodedText(text, label)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = data[: len(data) - len(data) % 2].decode(utf16, errors="replace")
        _check_text(text)
        return DecodedText(text, "UTF-16 LE" if utf16.endswith("le") else "UTF-16 BE")
    try:
        text = data.decode("utf-8")
        label, truncated = "UTF-8", False
    except UnicodeDecodeError as exc:
        # A file cut off inside the last character is still UTF-8, not Windows-1252.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            text, label, truncated = data[: exc.start].decode("utf-8"), "UTF-8", True
        else:
            text = data.decode("cp1252", errors=_LATIN1_FALLBACK)
            label, truncated = "Windows-1252", False
    _check_text(text)
    return DecodedText(text, label, truncated)
