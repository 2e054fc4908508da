"""CSV that spreadsheets open safely, vCards that read back, exports that stay in their folder."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import vobject

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.errors import KnownError
from app.export.csv_export import neutralise
from app.importing.records import RawContact
from app.importing.vcard import read_cards


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+1+2", "'+1+2"),
        ("+49 170 1234567", "+49 170 1234567"),
        ("+1 (206) 555-0100", "+1 (206) 555-0100"),
        ("+44 20 7946 0958 ext 12", "+44 20 7946 0958 ext 12"),
        ("Ana = Silva", "Ana = Silva"),
        ("0170 1234567", "0170 1234567"),
        ("+(49) 170 1234567", "+(49) 170 1234567"),
        ("+(0)170.1234567", "+(0)170.1234567"),
        ("+49 (170) 123-4567", "+49 (170) 123-4567"),
        # Phone-like, but a spreadsheet computes them: arithmetic over numbers is a formula.
        ("-(1)/(2)-3-4-5", "'-(1)/(2)-3-4-5"),
        ("+49-170-1234567", "'+49-170-1234567"),
        ("+49/170/1234567", "'+49/170/1234567"),
        ("+491701234567", "'+491701234567"),
        ("-1234567", "'-1234567"),
        ("+(49)-170-1234567", "'+(49)-170-1234567"),
        ("+ 49 - 170", "'+ 49 - 170"),
        ("-12345 x12", "'-12345 x12"),  # a reference to cell X12, intersected
    ],
)
def test_formula_cells_are_neutralised_but_phone_numbers_stay(value: str, shown: str) -> None:
    assert neutralise(value) == shown


def test_customer_csv_opens_in_excel_with_bom_and_hostile_cells_defused(
    context: AppContext, tmp_path: Path
) -> None:
    context.customers.add(
        CustomerInput(name="=cmd|' /C calc'!A0", company="@Evil", phone="+49 170 1234567",
                      notes="Line one\nLine two")
    )  # fmt: skip
    result = context.data_export.export_csv("customers", tmp_path / "customers.csv")
    raw = result.file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:5] == ["id", "name", "company", "email", "phone"]
    assert rows[1][1:5] == ["'=cmd|' /C calc'!A0", "'@Evil", "", "+49 170 1234567"]
    assert rows[1][11] == "Line one\nLine two"


def test_csv_encoding_and_separator_choices(context: AppContext, tmp_path: Path) -> None:
    context.customers.add(CustomerInput(name="Jörg Müller", company="Süd; GmbH"))
    result = context.data_export.export_csv(
        "customers", tmp_path / "c.csv", encoding="windows-1252", delimiter=";"
    )
    text = result.file.read_bytes().decode("cp1252")
    assert 'Jörg Müller;"Süd; GmbH"' in text


@pytest.mark.parametrize(
    ("out", "name"),
    [
        ("con.csv", "_con.csv"),
        ("..", "calendar.csv"),
        ("re\u202eport.csv", "re_port.csv"),
        ("a:b*?.csv", "a_b_.csv"),
    ],
)
def test_file_names_are_sanitised_and_stay_in_the_folder(
    context: AppContext, tmp_path: Path, out: str, name: str
) -> None:
    folder = tmp_path / "exports"
    result = context.data_export.export_csv("customers", folder / out)
    assert result.file == folder.resolve() / name
    assert [p.name for p in folder.iterdir()] == [name]


def test_export_refuses_to_follow_a_planted_link(context: AppContext, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "customers.vcf").symlink_to(outside)
    with pytest.raises(KnownError, match="link"):
        context.data_export.export_vcard(folder / "customers.vcf")
    assert outside.read_text(encoding="utf-8") == "precious"


def test_vcard_export_reads_back_in_vobject_and_in_our_importer(
    context: AppContext, tmp_path: Path
) -> None:
    context.customers.add(
        CustomerInput(name="Siobhán O'Connor", company="Emerald; Logistics", email="s@e.example",
                      phone="+353 1 234 5678", birthday="03-17",
                      notes="A long note, with commas; semicolons\nand a second line " * 3)
    )  # fmt: skip
    context.customers.add(CustomerInput(name="Ben Ortiz", birthday="1980-12-24"))
    result = context.data_export.export_vcard(tmp_path / "customers.vcf")
    text = result.file.read_bytes().decode("utf-8")
    assert result.count == 2 and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    parsed = list(vobject.readComponents(text))
    assert parsed[0].fn.value == "Siobhán O'Connor" and parsed[0].version.value == "3.0"
    again = [item for item in read_cards(text) if isinstance(item, RawContact)]
    assert (again[0].company, again[0].birthday) == ("Emerald; Logistics", "--03-17")
    assert again[0].notes.startswith("A long note, with commas; semicolons\nand a second")
    assert (again[1].name, again[1].birthday) == ("Ben Ortiz", "1980-12-24")
