"""Decoding import files by line: BOM, UTF-16 without BOM, else UTF-8 or Windows-1252 per line."""

from __future__ import annotations

import codecs
import io
import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.errors import KnownError

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
        raise UnreadableFile("the file is not a text file (it looks like binary data)")


class LineDecoder:
    """Text lines of an import file, each line in the encoding it is written in.

    Files are merged from several sources: one line in UTF-8, the next from an old
    Windows program. Deciding per line keeps both right where one choice for the
    whole file turns every line of the other kind into mojibake. Blocks of lines that
    are plain ASCII or valid UTF-8 as a whole (nearly all) are decoded in one go.
    """

    def __init__(self, head: bytes) -> None:
        self.codec, self.skip, self.label = "", 0, "UTF-8"
        for bom, codec, label in _BOMS:
            if head.startswith(bom):
                self.codec, self.skip, self.label = codec, len(bom), label
                break
        else:
            utf16 = _utf16_without_bom(head[:SAMPLE])
            if utf16 is not None:
                self.codec = utf16
                self.label = "UTF-16 LE" if utf16.endswith("le") else "UTF-16 BE"
        self.cp1252_lines: list[int] = []
        self.utf8_seen = self.truncated = False
        _check_text("".join(self.lines(io.BytesIO(head[: SAMPLE + 4]))))
        self.cp1252_lines, self.utf8_seen, self.truncated = [], False, False

    @property
    def encoding(self) -> str:
        """What the preview shows: the encoding, and which lines were in Windows-1252."""
        if self.codec.startswith("utf-16") or not self.cp1252_lines:
            return self.label
        if not self.utf8_seen and self.skip == 0:
            return "Windows-1252"
        lines = self.cp1252_lines
        listed = ", ".join(str(n) for n in lines[:LISTED_LINES])
        if len(lines) == 1:
            return f"{self.label}, line {listed} in Windows-1252"
        more = ", …" if len(lines) > LISTED_LINES else ""
        return f"{self.label}, {len(lines):,} lines in Windows-1252 (lines {listed}{more})"

    def lines(self, handle: BinaryIO) -> Iterator[str]:
        """The lines with their line ends (CR, LF or CR LF); counts restart with every read."""
        return itertools.chain.from_iterable(self.blocks(handle))

    def blocks(self, handle: BinaryIO) -> Iterator[Iterable[str]]:
        """The lines a block at a time (iterating them is then done in C)."""
        self.cp1252_lines, self.utf8_seen, self.truncated = [], False, False
        handle.seek(self.skip)
        if self.codec.startswith("utf-16"):
            wrapper = io.TextIOWrapper(handle, self.codec, errors="replace", newline="")
            try:
                yield wrapper
            finally:
                # The caller opened the handle and closes it; the wrapper must let go of it,
                # or its own finaliser would close it again and warn of an unclosed file.
                wrapper.detach()
            return
        number = 0
        while raw_lines := handle.readlines(BLOCK):
            data = b"".join(raw_lines)
            if data.isascii():
                text = data.decode("ascii")
            else:
                try:
                    text = data.decode("utf-8")
                    self.utf8_seen = True
                except UnicodeDecodeError:
                    text = "".join(
                        self._decode(number + n, raw) for n, raw in enumerate(raw_lines, 1)
                    )
            number += len(raw_lines)
            # newline="": lines end at CR, LF or CR LF, as csv expects, and keep their ends.
            yield io.StringIO(text, newline="")

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


class TextSource:
    """An import file read as lines, never whole, as often as needed (preview, then import)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = _stamp(path)
        try:
            with path.open("rb") as handle:
                head = handle.read(SAMPLE + 4)
        except OSError as exc:
            raise _unreadable(path, exc) from exc
        self.decoder = LineDecoder(head)

    @property
    def encoding(self) -> str:
        return self.decoder.encoding

    @property
    def truncated(self) -> bool:
        return self.decoder.truncated

    def lines(self) -> Iterator[str]:
        if _stamp(self.path) != self.stamp:
            raise UnreadableFile(f"{self.path.name} changed since the preview; preview it again")
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
        raise UnreadableFile(f"{path} is a folder, not a file")
    return info.st_size, info.st_mtime_ns


def _unreadable(path: Path, exc: OSError) -> UnreadableFile:
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile(f"{path} does not exist")
    if isinstance(exc, IsADirectoryError):
        return UnreadableFile(f"{path} is a folder, not a file")
    return UnreadableFile(f"cannot read {path}: {exc.strerror}")


def decode(data: bytes) -> DecodedText:
    """Text of a small import file held in memory; raises UnreadableFile for binary data."""
    decoder = LineDecoder(data[: SAMPLE + 4])
    text = "".join(decoder.lines(io.BytesIO(data)))
    return DecodedText(text, decoder.encoding, decoder.truncated)
