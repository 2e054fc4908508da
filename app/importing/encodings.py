"""Decoding import files: BOM, UTF-16, a guessed legacy encoding, else UTF-8/cp1252 by line."""

from __future__ import annotations

import codecs
import io
import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from app.errors import KnownError
from app.i18n import _, ngettext

# Above this share of control characters the "text" is a binary file in disguise.
MAX_CONTROL_SHARE = 0.005
SAMPLE = 64_000
LISTED_LINES = 5
# Lines are read and decoded about this many bytes at a time.
BLOCK = 1 << 20


class UnreadableFile(KnownError):
    """The file cannot be read as contacts at all (binary, unknown layout, missing)."""


@dataclass(frozen=True)
class DecodedText:
    """A whole (small) text and how it was encoded."""

    text: str
    encoding: str
    truncated: bool = False


_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 (with BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


# A guess this much more chaotic than the best one still counts as as good (charset-normalizer's
# measure): short Western files fit cp1250 or cp775 as well as Windows-1252.
CHAOS_MARGIN = 0.01
# Fewer bytes beyond ASCII than this say too little to tell one legacy encoding from another
# (a lone 'ü' fits Shift-JIS as well); the default, Windows-1252, is then the best guess.
MIN_LEGACY_BYTES = 32
# How the preview names the encodings Python knows by other names.
_LABELS = {
    "utf_8": "UTF-8", "cp1252": "Windows-1252", "latin_1": "Latin-1", "shift_jis": "Shift-JIS",
    "cp932": "Shift-JIS", "euc_jp": "EUC-JP", "iso2022_jp": "ISO-2022-JP", "gb2312": "GB2312",
    "gbk": "GBK", "gb18030": "GB18030", "big5": "Big5", "euc_kr": "EUC-KR", "cp949": "EUC-KR",
    "koi8_r": "KOI8-R", "koi8_u": "KOI8-U", "mac_roman": "Mac Roman", "utf_16": "UTF-16",
    "utf_16_le": "UTF-16 LE", "utf_16_be": "UTF-16 BE",
}  # fmt: skip


def label(codec: str) -> str:
    """'cp1251' -> 'Windows-1251', 'iso8859_2' -> 'ISO-8859-2', as people know them."""
    name = codecs.lookup(codec).name.replace("-", "_")
    if name in _LABELS:
        return _LABELS[name]
    if name.startswith("cp125"):
        return "Windows-" + name[2:]
    if name.startswith("iso8859_"):
        return "ISO-8859-" + name[8:]
    return name.upper().replace("_", "-")


def checked_codec(name: str) -> str:
    """The Python codec for an encoding a user typed; UnreadableFile when there is none."""
    try:
        codec = codecs.lookup(name.strip())
    except LookupError:
        raise UnreadableFile(
            _("unknown encoding {name!r}; try utf-8, cp1252, cp1251 or shift_jis").format(name=name)
        ) from None
    return codec.name.replace("-", "_")


def guess_legacy(sample: bytes) -> str | None:
    """A legacy encoding (Shift-JIS, Windows-1251, ...) for text that is not UTF-8.

    None when Windows-1252 reads it as well as anything: our line-by-line reader then keeps
    UTF-8 lines and Windows-1252 lines apart, which one guess for the file cannot.
    """
    if sum(byte >= 0x80 for byte in sample) < MIN_LEGACY_BYTES:
        return None
    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + CHAOS_MARGIN:
            return None
    return str(best.encoding)


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Windows-1252 leaves five bytes undefined; Latin-1 gives each of them a character."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "followup-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1_for_undefined)


def _utf16_without_bom(sample: bytes) -> str | None:
    """Outlook sometimes writes UTF-16 without a BOM: ASCII text then has every other byte 0."""
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
        raise UnreadableFile(_("the file is not a text file (it looks like binary data)"))


class LineDecoder:
    """Text lines of an import file, each line in the encoding it is written in.

    Files are merged from several sources: one line in UTF-8, the next from an old
    Windows program. Deciding per line keeps both right where one choice for the
    whole file turns every line of the other kind into mojibake. Blocks of lines that
    are plain ASCII or valid UTF-8 as a whole (nearly all) are decoded in one go.
    """

    def __init__(self, head: bytes, chosen: str | None = None) -> None:
        self.codec, self.skip, self.label = "", 0, "UTF-8"
        for bom, codec, name in _BOMS:
            if head.startswith(bom):
                self.codec, self.skip, self.label = codec, len(bom), name
                break
        else:
            utf16 = _utf16_without_bom(head[:SAMPLE])
            if utf16 is not None:
                self.codec = utf16
                self.label = "UTF-16 LE" if utf16.endswith("le") else "UTF-16 BE"
        if chosen is not None:
            # The user's word wins over the guess; a BOM of that encoding is still skipped.
            codec = checked_codec(chosen)
            same = bool(self.codec) and checked_codec(self.codec) == codec
            self.skip = self.skip if same else 0
            self.codec, self.label = codec, label(codec)
        elif not self.codec and not _utf8_or_ascii(head[:SAMPLE]) and not _utf8_lines(head):
            legacy = guess_legacy(head[:SAMPLE])
            if legacy is not None:
                self.codec, self.label = legacy, label(legacy)
        self.cp1252_lines: list[int] = []
        self.utf8_seen = self.truncated = False
        _check_text("".join(self.lines(io.BytesIO(head[: SAMPLE + 4]))))
        self.cp1252_lines, self.utf8_seen, self.truncated = [], False, False

    @property
    def whole(self) -> bool:
        """One encoding for the whole file (UTF-16, a legacy one, the user's), not by line."""
        return self.codec not in ("", "utf-8")

    @property
    def encoding(self) -> str:
        """What the preview shows: the encoding, and which lines were in Windows-1252."""
        if self.whole or not self.cp1252_lines:
            return self.label
        if not self.utf8_seen and self.skip == 0:
            return "Windows-1252"
        lines = self.cp1252_lines
        listed = ", ".join(str(n) for n in lines[:LISTED_LINES])
        if len(lines) == 1:
            return _("{encoding}, line {line} in Windows-1252").format(
                encoding=self.label, line=listed
            )
        more = ", …" if len(lines) > LISTED_LINES else ""
        return ngettext(
            "{encoding}, {count:,} line in Windows-1252 (lines {lines}{more})",
            "{encoding}, {count:,} lines in Windows-1252 (lines {lines}{more})",
            len(lines),
        ).format(encoding=self.label, count=len(lines), lines=listed, more=more)

    def lines(self, handle: BinaryIO) -> Iterator[str]:
        """The lines with their line ends (CR, LF or CR LF); counts restart with every read."""
        return itertools.chain.from_iterable(self.blocks(handle))

    def blocks(self, handle: BinaryIO) -> Iterator[Iterable[str]]:
        """The lines a block at a time (iterating them is then done in C)."""
        self.cp1252_lines, self.utf8_seen, self.truncated = [], False, False
        handle.seek(self.skip)
        if self.whole:
            errors = _LATIN1_FALLBACK if self.codec == "cp1252" else "replace"
            wrapper = io.TextIOWrapper(handle, self.codec, errors=errors, newline="")
            try:
                yield wrapper
            finally:
                # The caller opened the handle and closes it; the wrapper must let go of it,
                # or its own finaliser would close it again and warn of an unclosed file.
                wrapper.detach()
            return
        number = 0
        for raw_lines in _raw_blocks(handle):
            data = b"".join(raw_lines)
            if data.isascii():
                text = data.decode("ascii")
            else:
                try:
                    text = data.decode("utf-8")
                    self.utf8_seen = True
                except UnicodeDecodeError:
                    text = "".join(self._decode_lines(number, raw_lines))
            number += len(raw_lines)
            # newline="": lines end at CR, LF or CR LF, as csv expects, and keep their ends.
            yield io.StringIO(text, newline="")

    def _decode_lines(self, number: int, raw_lines: list[bytes]) -> Iterator[str]:
        """Line by line; a vCard line folded inside a UTF-8 character is joined first.

        RFC 6350 3.2: folding works on octets, so a writer may break a line between the
        bytes of one character; the reader joins the octets, then decodes.
        """
        position = 0
        while position < len(raw_lines):
            raw = raw_lines[position]
            position += 1
            while (
                position < len(raw_lines)
                and raw_lines[position][:1] in (b" ", b"\t")
                and _ends_inside_a_character(raw)
            ):
                raw = raw.rstrip(b"\r\n") + raw_lines[position][1:]
                position += 1
            yield self._decode(number + position, raw)

    def _decode(self, number: int, raw: bytes) -> str:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A file cut off inside the last character is still UTF-8, not Windows-1252.
            if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
                try:
                    line = raw[: exc.start].decode("utf-8")
                except UnicodeDecodeError:
                    pass
                else:
                    self.truncated = self.utf8_seen = True
                    return line
            self.cp1252_lines.append(number)
            return raw.decode("cp1252", errors=_LATIN1_FALLBACK)
        self.utf8_seen = self.utf8_seen or not raw.isascii()
        return line


def _raw_blocks(handle: BinaryIO) -> Iterator[list[bytes]]:
    """Lines about BLOCK bytes at a time; a line that stops inside a UTF-8 character (a
    fold, RFC 6350 3.2) waits for the next block, so that its fold can be joined."""
    carry: list[bytes] = []
    while raw_lines := handle.readlines(BLOCK):
        raw_lines = carry + raw_lines
        carry = []
        if _ends_inside_a_character(raw_lines[-1]):
            carry = [raw_lines.pop()]
        if raw_lines:
            yield raw_lines
    if carry:
        yield carry


def _utf8_or_ascii(sample: bytes) -> bool:
    """Valid UTF-8, allowing a character cut at the end of the sample."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.start >= len(sample) - 3
    return True


# A UTF-8 lead byte's high nibble -> the length of its sequence.
_SEQUENCE_LENGTH = {0xC: 2, 0xD: 2, 0xE: 3, 0xF: 4}


def _utf8_lines(sample: bytes) -> bool:
    """Some line of the sample is UTF-8 beyond ASCII: a file merged from UTF-8 and Windows-1252."""
    for line in sample[:SAMPLE].splitlines()[:-1]:
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _ends_inside_a_character(raw: bytes) -> bool:
    """The line (without its end) stops within a UTF-8 sequence: a lead byte is left open."""
    body = raw.rstrip(b"\r\n")
    for back in range(1, min(4, len(body)) + 1):
        byte = body[-back]
        if byte & 0xC0 != 0x80:  # not a continuation byte: the lead (or ASCII)
            return _SEQUENCE_LENGTH.get(byte >> 4, 1) > back
    return False


class TextSource:
    """An import file read as lines, never whole, as often as needed (preview, then import)."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        self.stamp = _stamp(path)
        try:
            with path.open("rb") as handle:
                head = handle.read(SAMPLE + 4)
        except OSError as exc:
            raise _unreadable(path, exc) from exc
        self.decoder = LineDecoder(head, encoding)

    @property
    def encoding(self) -> str:
        return self.decoder.encoding

    @property
    def truncated(self) -> bool:
        return self.decoder.truncated

    def lines(self) -> Iterator[str]:
        if _stamp(self.path) != self.stamp:
            raise UnreadableFile(
                _("{name} changed since the preview; preview it again").format(name=self.path.name)
            )
        return itertools.chain.from_iterable(self._blocks())

    def _blocks(self) -> Iterator[Iterable[str]]:
        try:
            with self.path.open("rb") as handle:
                yield from self.decoder.blocks(handle)
        except OSError as exc:
            raise _unreadable(self.path, exc) from exc


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if path.is_dir():
        raise UnreadableFile(_("{path} is a folder, not a file").format(path=path))
    return info.st_size, info.st_mtime_ns


def _unreadable(path: Path, exc: OSError) -> UnreadableFile:
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile(_("{path} does not exist").format(path=path))
    if isinstance(exc, IsADirectoryError):
        return UnreadableFile(_("{path} is a folder, not a file").format(path=path))
    return UnreadableFile(
        _("cannot read {path}: {strerror}").format(path=path, strerror=exc.strerror)
    )


def decode(data: bytes) -> DecodedText:
    """Text of a small import file held in memory; raises UnreadableFile for binary data."""
    decoder = LineDecoder(data[: SAMPLE + 4])
    text = "".join(decoder.lines(io.BytesIO(data)))
    return DecodedText(text, decoder.encoding, decoder.truncated)
