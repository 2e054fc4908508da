"""Issue 17: a contact is never dropped for one field; every exporter's layout is recognised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.context import AppContext
from app.dto.customers import CustomerInput, CustomerQuery
from app.dto.imports import ENCODINGS
from app.importing import encodings
from app.importing.encodings import label
from app.services.importing import ImportPreview


def _new(preview: ImportPreview) -> dict[int, dict[str, Any]]:
    return {item.row: item.values for item in preview.plan.new}


def _birthday(values: dict[str, Any]) -> tuple[int | None, int | None, int | None]:
    return values["birthday_month"], values["birthday_day"], values["birthday_year"]


def test_one_unreadable_field_never_drops_a_contact(planner_de: AppContext, samples: Path) -> None:
    preview = planner_de.importing.preview(samples / "one_bad_field.vcf")
    new = _new(preview)
    # Only the card with nothing that names a person is refused.
    assert [error.row for error in preview.plan.errors] == [13]
    assert preview.plan.errors[0].error.endswith(".")
    assert set(new) == set(range(1, 13))
    assert new[1]["phone"] == "+1-555-555-5555 ext. 102"
    assert new[2]["phone"] == "" and "Phone (as in the file): pager" in new[2]["notes"]
    assert new[2]["email"] == "pager.person@example.com"
    assert new[3]["phone"] == "+49 170 1234567"
    assert _birthday(new[4]) == (3, 4, None)
    assert "Birthday (as in the file): 1850-03-04" in new[4]["notes"]
    assert _birthday(new[5]) == (7, 21, None) and new[5]["notes"] == ""
    assert _birthday(new[6]) == (5, 6, None) and new[6]["notes"] == ""
    assert _birthday(new[7]) == (4, 12, None)
    assert _birthday(new[8]) == (None, None, None) and "---15" in new[8]["notes"]
    assert _birthday(new[9]) == (None, None, None) and "circa 1800" in new[9]["notes"]
    assert new[10]["email"] == "spaceperson@example.com"
    assert "E-mail (as in the file): space person@example.com" in new[10]["notes"]
    assert new[11]["name"] == "nobody.named@example.com"
    assert (new[12]["name"], new[12]["company"]) == ("Nameless Widgets Ltd", "Nameless Widgets Ltd")
    warned = {(warning.row, warning.field) for warning in preview.plan.warnings}
    assert warned == {(2, "phone"), (4, "birthday"), (8, "birthday"), (9, "birthday"),
                      (10, "e-mail")}  # fmt: skip
    for warning in preview.plan.warnings:
        assert warning.message[0].isupper() and warning.message.endswith(".")
        assert warning.value in new[warning.row]["notes"]


def test_every_contact_with_one_bad_field_is_written(planner_de: AppContext, samples: Path) -> None:
    preview = planner_de.importing.preview(samples / "one_bad_field.vcf")
    result = planner_de.importing.run(preview)
    assert (result.added, len(result.errors)) == (12, 1)


def test_thunderbird_layout(planner_de: AppContext, samples: Path) -> None:
    preview = planner_de.importing.preview(samples / "thunderbird.csv")
    assert preview.parsed.format == "thunderbird"
    assert preview.parsed.label == "Thunderbird address book"
    new = _new(preview)
    ingrid = new[2]
    assert (ingrid["name"], ingrid["email"], ingrid["phone"], ingrid["company"]) == (
        "Ingrid Holm", "ingrid@holm.example", "+47 912 34 567", "Holm Maritime AS",
    )  # fmt: skip
    assert _birthday(ingrid) == (11, 23, 1969)
    assert "Other e-mail: i.holm@private.example" in ingrid["notes"]
    assert "Other phone: +47 22 12 34 56" in ingrid["notes"]
    assert new[3]["name"] == "only.mail@tb.example"
    assert new[4]["email"] == "dag@berg.example" and _birthday(new[4]) == (None, None, None)
    assert "Birthday (as in the file): day 7" in new[4]["notes"]
    assert [(w.row, w.field) for w in preview.plan.warnings] == [(4, "birthday")]


def test_outlook_from_exchange_takes_the_smtp_address(
    planner_de: AppContext, samples: Path
) -> None:
    preview = planner_de.importing.preview(samples / "outlook_exchange.csv")
    assert (preview.parsed.format, preview.parsed.encoding) == ("outlook", "Windows-1252")
    new = _new(preview)
    assert [(v["name"], v["email"]) for v in new.values()] == [
        ("Søren Kjær", "soeren@kjaer-lager.example"),
        ("Lea Roth", "lea.roth@roth.example"),
        ("Tom Frey", "tom@frey.example"),
    ]
    assert not preview.plan.errors and not preview.plan.warnings
    assert all("/o=" not in v["notes"] for v in new.values())


def test_truncated_file_names_the_cut_row_and_imports_none_of_it(
    planner_de: AppContext, samples: Path
) -> None:
    preview = planner_de.importing.preview(samples / "truncated.csv")
    assert list(_new(preview)) == [2]
    [error] = preview.plan.errors
    assert error.row == 3
    assert "cut off" in error.error and "row 3" in error.error
    result = planner_de.importing.run(preview)
    assert result.added == 1
    rows = planner_de.customers.page(CustomerQuery(limit=10)).rows
    assert [c.name for c in rows] == ["Ada Lovelace"]


def test_vcard_folded_inside_a_utf8_sequence(planner_de: AppContext, samples: Path) -> None:
    preview = planner_de.importing.preview(samples / "folded_utf8.vcf")
    assert preview.parsed.encoding == "UTF-8"
    [card] = preview.plan.new
    assert card.values["name"] == "Jürgen Größ"
    assert card.values["notes"] == "Grüße aus Köln — 日本語のメモ"


@pytest.mark.parametrize(
    ("file", "label", "name"),
    [("shift_jis.csv", "Shift-JIS", "山田 太郎0"), ("cp1251.csv", "Windows-1251", "Иван Петров 0")],
)
def test_legacy_encodings_are_guessed(
    planner_de: AppContext, samples: Path, file: str, label: str, name: str
) -> None:
    preview = planner_de.importing.preview(samples / file)
    assert preview.parsed.encoding == label
    assert preview.plan.new[0].values["name"] == name
    assert len(preview.plan.new) == 12 and not preview.plan.errors


def test_the_user_can_pick_another_encoding(planner_de: AppContext, samples: Path) -> None:
    preview = planner_de.importing.preview(samples / "cp1251.csv", encoding="cp1252")
    assert preview.parsed.encoding == "Windows-1252"
    assert preview.plan.new[0].values["name"] != "Иван Петров 0"
    with pytest.raises(Exception, match="unknown encoding"):
        planner_de.importing.preview(samples / "cp1251.csv", encoding="no-such-codec")


def test_duplicates_need_two_agreeing_signals(planner_de: AppContext, samples: Path) -> None:
    preview = planner_de.importing.preview(samples / "duplicates_in_file.csv")
    # Two people behind one switchboard number are two customers.
    assert list(_new(preview)) == [2, 3]
    pairs = {(dup.row, dup.earlier_row, dup.reason) for dup in preview.plan.duplicates}
    assert pairs == {
        (4, 2, "same phone and a similar name as row 2"),
        (5, 2, "same e-mail as row 2"),
    }


def test_stored_customer_matched_on_phone_only_with_a_similar_name(
    planner_de: AppContext, samples: Path
) -> None:
    planner_de.customers.add(CustomerInput(name="Empfang Kranbau", phone="+49 40 123456"))
    preview = planner_de.importing.preview(samples / "duplicates_in_file.csv")
    assert [dup.customer_id for dup in preview.plan.duplicates if dup.customer_id] == []


SAMPLES = sorted(
    path.name
    for path in (Path(__file__).resolve().parents[2] / "fixtures" / "import").iterdir()
    if path.suffix in {".csv", ".vcf"} and "utf16" not in path.name
)


@pytest.mark.parametrize("file", SAMPLES)
def test_both_line_endings_read_alike(
    planner_de: AppContext, samples: Path, tmp_path: Path, file: str
) -> None:
    data = (samples / file).read_bytes()
    lf = data.replace(b"\r\n", b"\n")
    crlf = lf.replace(b"\n", b"\r\n")
    found = []
    for name, content in (("lf", lf), ("crlf", crlf)):
        path = tmp_path / f"{name}{Path(file).suffix}"
        path.write_bytes(content)
        preview = planner_de.importing.preview(path)
        found.append(
            (
                preview.parsed.format,
                [(item.row, item.values) for item in preview.plan.new],
                preview.plan.errors,
                preview.plan.warnings,
            )
        )
    assert found[0] == found[1]


def test_the_offered_encodings_are_named_as_the_preview_names_them() -> None:
    assert [label(codec) for codec, _ in ENCODINGS] == [name for _, name in ENCODINGS]


def test_a_fold_inside_a_character_across_read_blocks(
    planner_de: AppContext, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (samples / "folded_utf8.vcf").read_bytes()
    # Blocks end after every line: each fold inside a character meets a block boundary.
    monkeypatch.setattr(encodings, "BLOCK", 1)
    [card] = planner_de.importing.preview(samples / "folded_utf8.vcf").plan.new
    assert card.values["name"] == "Jürgen Größ"
    assert card.values["notes"] == "Grüße aus Köln — 日本語のメモ"
    assert b"\r\n " in data


def test_german_thunderbird_layout(planner_de: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "adressbuch.csv"
    path.write_text(
        "Vorname,Nachname,Anzeigename,Spitzname,Primäre E-Mail-Adresse,Sekundäre E-Mail-Adresse,"
        "Tel. dienstlich,Tel. privat,Fax-Nummer,Pager-Nummer,Mobil-Tel.-Nr.,Organisation,"
        "Geburtsjahr,Geburtsmonat,Geburtstag,Notizen\n"
        "Jörg,Müller,Jörg Müller,,joerg@example.de,,089 123456,,,,0170 1234567,Müller GmbH,"
        "1971,4,17,Großkunde\n",
        encoding="utf-8",
    )
    preview = planner_de.importing.preview(path)
    assert preview.parsed.format == "thunderbird"
    [joerg] = preview.plan.new
    values = joerg.values
    assert (values["name"], values["email"], values["phone"], values["company"]) == (
        "Jörg Müller", "joerg@example.de", "0170 1234567", "Müller GmbH",
    )  # fmt: skip
    assert _birthday(values) == (4, 17, 1971)
    assert values["notes"] == "Großkunde\nOther phone: 089 123456"
