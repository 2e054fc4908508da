"""clean_text, TEXT escaping and 75-octet folding."""

from __future__ import annotations

import pytest

from app.export.ics_text import clean_text, content_line, escape_text, text_value


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("line\u2028sep\u2029para", "line\nsep\npara"),
        ("tab\there", "tab here"),
        ("nul\x00vt\x0bff\x0cesc\x1bdel\x7f", "nulvtffescdel"),
        ("c1\x80\x85\x9fend", "c1end"),
        ("\ufeffbom", "bom"),
        ("lone \ud800 high \udfff low", "lone  high  low"),
        ('Grüße 😀 שלום ; , \\ : "q"', 'Grüße 😀 שלום ; , \\ : "q"'),
        ("nbsp\u00a0and\u200eLRM kept", "nbsp\u00a0and\u200eLRM kept"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, cleaned: str) -> None:
    assert clean_text(raw) == cleaned


def test_clean_text_is_idempotent() -> None:
    messy = "a\r\n\x00b\u2028\t\ud800c\ufeff"
    assert clean_text(clean_text(messy)) == clean_text(messy)


def test_escape_text_escapes_backslash_first() -> None:
    assert escape_text("a\\;b,c\nd") == "a\\\\\\;b\\,c\\nd"
    assert escape_text("\\n") == "\\\\n"  # a literal backslash-n stays two characters


def test_text_value_cleans_before_escaping() -> None:
    assert text_value("x\r\ny;\x00z") == "x\\ny\\;z"
    assert text_value("a\u00a0b") == "a\u00a0b"  # non-printable but kept: slow path, same text


def _physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def test_short_line_is_not_folded() -> None:
    assert content_line("SUMMARY:" + "x" * 67) == b"SUMMARY:" + b"x" * 67 + b"\r\n"


def test_ascii_line_folds_at_75_octets_with_one_space() -> None:
    line = "DESCRIPTION:" + "".join(chr(48 + i % 40) for i in range(300))
    physical = _physical_lines(content_line(line))
    assert len(physical[0]) == 75
    assert all(part.startswith(b" ") and len(part) <= 75 for part in physical[1:])
    assert all(len(part) == 75 for part in physical[1:-1])
    assert b"".join([physical[0], *(p[1:] for p in physical[1:])]).decode() == line


@pytest.mark.parametrize("char", ["ä", "€", "😀", "ש"])
@pytest.mark.parametrize("offset", range(5))
def test_folding_never_splits_a_utf8_sequence(char: str, offset: int) -> None:
    line = "SUMMARY:" + "a" * offset + char * 80
    physical = _physical_lines(content_line(line))
    assert len(physical) > 1
    for part in physical:
        assert len(part) <= 75
        part.decode("utf-8")  # raises if a sequence was cut
    assert "".join(p.decode()[1:] for p in physical[1:]) == line[len(physical[0].decode()) :]


def test_exactly_75_octets_multibyte_stays_on_one_line() -> None:
    line = "SUMMARY:" + "a" * 65 + "ä"  # 8 + 65 + 2 = 75 octets
    assert content_line(line) == line.encode() + b"\r\n"
    assert len(_physical_lines(content_line(line + "b"))) == 2
