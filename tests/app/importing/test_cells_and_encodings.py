"""Huge CSV cells and files that mix UTF-8 and Windows-1252 lines."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.context import AppContext
from app.importing import dialects
from app.importing.encodings import UnreadableFile

HEADER = "First Name,Last Name,E-mail Address,Notes\r\n"


def test_a_cell_over_csvs_field_limit_is_a_row_error(context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        HEADER + "Ana,Silva,ana@acme.example,short\r\n"
        f'Ben,Ortiz,ben@acme.example,"{"x" * 200_000}"\r\n'
        "Cleo,Park,cleo@acme.example,\r\n",
        encoding="utf-8",
    )
    preview = context.importing.preview(path)
    assert [item.values["name"] for item in preview.plan.new] == ["Ana Silva", "Cleo Park"]
    assert [(e.row, e.error) for e in preview.plan.errors] == [
        (3, "notes is longer than 20000 characters")
    ]
    assert context.importing.run(preview).added == 2


def test_a_printable_long_note_keeps_the_notes_limit(context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "note.csv"
    path.write_text(HEADER + f"Ana,Silva,ana@acme.example,{'y' * 30_000}\r\n", encoding="utf-8")
    preview = context.importing.preview(path)
    assert [e.row for e in preview.plan.errors] == [2] and not preview.plan.new


def test_a_cell_beyond_any_use_names_its_row_and_writes_nothing(
    context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialects, "MAX_CELL", 1_000)
    path = tmp_path / "huge.csv"
    path.write_text(
        HEADER + "Ana,Silva,ana@acme.example,\r\n" + f"Ben,Ortiz,,{'z' * 5_000}\r\n",
        encoding="utf-8",
    )
    with pytest.raises(UnreadableFile, match=r"row 3 has a cell longer than 1,000 characters"):
        context.importing.preview(path)
    with sqlite3.connect(context.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone() == (0,)


def test_mixed_utf8_and_windows_1252_lines_are_each_decoded(
    context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        HEADER.encode()
        + "Jörg,Müller,jm@acme.example,Grüße\r\n".encode()
        + "Zoë,Fournier,zf@acme.example,Café – €\r\n".encode("cp1252")
        + "Åsa,Öberg,ao@acme.example,\r\n".encode()
    )
    preview = context.importing.preview(path)
    names = [item.values["name"] for item in preview.plan.new]
    assert names == ["Jörg Müller", "Zoë Fournier", "Åsa Öberg"]
    assert preview.plan.new[1].values["notes"] == "Café – €"
    assert preview.parsed.encoding == "UTF-8, line 3 in Windows-1252"
