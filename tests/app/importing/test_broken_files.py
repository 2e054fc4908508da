"""Files that cannot be read at all are refused before anything is written; odd ones still read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from app.context import AppContext
from app.importing.dialects import detect_separator
from app.importing.encodings import UnreadableFile, decode

HEADER = "First Name,Last Name,E-mail Address\r\n"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (codecs.BOM_UTF8 + "Zoë".encode(), "UTF-8 (with BOM)", "Zoë"),
        ("Zoë".encode(), "UTF-8", "Zoë"),
        (codecs.BOM_UTF16_LE + "Zoë".encode("utf-16-le"), "UTF-16 LE", "Zoë"),
        (codecs.BOM_UTF16_BE + "Zoë".encode("utf-16-be"), "UTF-16 BE", "Zoë"),
        ("Name,Zoë\r\n".encode("utf-16-le"), "UTF-16 LE", "Name,Zoë\r\n"),
        ("Zoë – €".encode("cp1252"), "Windows-1252", "Zoë – €"),
        # Windows-1252 leaves 0x81 undefined; the byte still becomes a character.
        (b"M\x81ller " + b"x" * 300, "Windows-1252", "M\x81ller " + "x" * 300),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str, text: str) -> None:
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == (encoding, text)


def test_utf8_cut_inside_a_character_stays_utf8() -> None:
    decoded = decode("Jörg Müller".encode()[:-4] + "ü".encode()[:1])
    assert decoded.encoding == "UTF-8" and decoded.truncated and decoded.text == "Jörg Mü"


@pytest.mark.parametrize(
    ("line", "separator"),
    [("a;b;c", ";"), ("a,b,c", ","), ("a\tb\tc", "\t"), ('"Müller, Jörg";x;y', ";"), ("a", ",")],
)
def test_separator_detection(line: str, separator: str) -> None:
    assert detect_separator(line + "\n1,2\n") == separator


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 20, "not a text file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 500, "not a text file"),
        (b"", "empty"),
        (b"Zebra;Giraffe;Lion\r\n1;2;3\r\n", "unknown file layout"),
        (b"just one line of prose, nothing else", "unknown file layout"),
    ],
)
def test_unreadable_files_are_refused_and_nothing_is_written(
    context: AppContext, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        context.importing.preview(path)
    assert context.customers.count() == 0
    assert context.backups.entries() == []


def test_missing_file_and_folder(context: AppContext, tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="does not exist"):
        context.importing.preview(tmp_path / "nope.csv")
    with pytest.raises(UnreadableFile, match="folder"):
        context.importing.preview(tmp_path)


def test_outlook_format_forced_on_a_google_file_is_refused(
    context: AppContext, samples: Path
) -> None:
    with pytest.raises(UnreadableFile, match="Outlook"):
        context.importing.preview(samples / "google_contacts_2023.csv", "outlook")


def test_truncated_csv_keeps_the_complete_rows(context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text(
        HEADER + 'Ana,Silva,ana@acme.example\r\nBen,Ortiz,"ben@unfinished', encoding="utf-8"
    )
    preview = context.importing.preview(path)
    assert [item.values["name"] for item in preview.plan.new] == ["Ana Silva"]
    assert [error.row for error in preview.plan.errors] == [3]


def test_mapping_naming_a_missing_column_is_refused(context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Who,Mail\r\nAna,ana@acme.example\r\n", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="no column 'Name'"):
        context.importing.preview(path, "csv", {"name": "Name"})
    with pytest.raises(UnreadableFile, match="unknown field"):
        context.importing.preview(path, "csv", {"nickname": "Who"})
    preview = context.importing.preview(path, "csv", {"name": "Who", "email": ["Mail"]})
    assert preview.plan.new[0].values["email"] == "ana@acme.example"
