"""Realistic exports from Outlook, Google, iCloud, Android and spreadsheets read correctly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.context import AppContext

CASES = [
    (
        "outlook_contacts_en.csv", "outlook", "Windows-1252", "comma",
        {2: ("John Miller", "Northwind Traders", "john.miller@northwind.example",
             "+1 206 555 0101", "1980-04-17"),
         3: ("Zoë Fournier", "Café Crème SARL", "zoe@cafe-creme.example",
             "+33 1 42 68 53 00", ""),
         4: ("Bad Address", "Oops Inc", "", "", ""),
         5: ("555-0199", "", "", "555-0199", ""),
         6: ("Priya Raman", "Contoso Ltd", "priya.raman@contoso.example", "+44 7700 900123", "")},
        {4: "E-mail 'bad.address@'", 6: "Birthday '2/30/1985'"},
    ),
    (
        "outlook_contacts_de_utf16.csv", "outlook", "UTF-16 LE", "semicolon",
        {2: ("Jörg Müller", "Gabelstapler Süd GmbH", "joerg.mueller@gabelstapler-sued.example",
             "0170 1234567", "1971-04-17"),
         3: ("Anna-Lena Weiß", "Weiß & Söhne KG", "al.weiss@weiss-soehne.example",
             "+49 171 7654321", "1988-11-03"),
         4: ("Ömer Yılmaz", "Logistik Ost AG", "oemer.yilmaz@logistik-ost.example",
             "+49 30 9876543", "")},
        {4: "Birthday '31.02.1979' is not a date"},
    ),
    (
        "google_contacts_classic.csv", "google", "UTF-8", "comma",
        {2: ("Ana Silva", "Acme", "ana@acme.example", "+49 170 1234567", "1984-09-02"),
         3: ("Kenji Sato", "Sato Shoji K.K.", "kenji.sato@example.jp", "", "06-15")},
        {4: "Nothing in this row names a person"},
    ),
    (
        "google_contacts_2023.csv", "google", "UTF-8 (with BOM)", "comma",
        {2: ("Lukas Becker", "Becker Bau GmbH", "l.becker@becker-bau.example",
             "0151 23456789", "1975-12-24"),
         3: ("Maria José García", "Ibérica Maquinaria S.L.", "mj.garcia@iberica.example",
             "+34 91 123 45 67", ""),
         4: ("Tom Broken", "", "tom@broken.example", "", "")},
        {4: "Birthday '1990-13-45'"},
    ),
    (
        "icloud_contacts.vcf", "vcard", "UTF-8", "",
        {1: ("Sven Andersson", "Nordic Lift AB", "sven.andersson@nordiclift.example",
             "+46 70 123 45 67", "07-21"),
         2: ("Dr. Siobhán O'Connor", "Emerald Logistics Ltd.",
             "siobhan.oconnor@emerald-logistics.example", "+353 1 234 5678", "1979-03-17")},
        {},
    ),
    (
        "android_contacts_21.vcf", "vcard", "UTF-8", "",
        {1: ("Hans-Jürgen Müller-Lüdenscheidt", "Stapler & Co. Büroservice",
             "hj.mueller@example.de", "+491701112223", ""),
         2: ("Petra Novak", "", "petra.novak@example.cz", "+420 221 111 222", "1982-06-11")},
        {},
    ),
    (
        "contacts_v4.vcf", "vcard", "UTF-8", "",
        {1: ("Aisha Khan", "Crescent Trading FZE", "aisha.khan@crescent.example",
             "+971-50-123-4567", "04-17"),
         2: ("Bad Email", "", "", "", "")},
        {2: "E-mail 'not-an-address'", 3: "END:VCARD"},
    ),
    (
        "generic_semicolon_cp1252.csv", "csv", "Windows-1252", "semicolon",
        {2: ("Günther Schäfer", "Schäfer Fördertechnik", "g.schaefer@foerdertechnik.example",
             "0711 987654", "1966-08-05"),
         3: ("Renée Dubois", "Dubois Frères", "renee@dubois.example", "", "")},
        {},
    ),
]  # fmt: skip


def _birthday(values: dict[str, object]) -> str:
    if values["birthday_month"] is None:
        return ""
    day = f"{values['birthday_month']:02d}-{values['birthday_day']:02d}"
    return f"{values['birthday_year']}-{day}" if values["birthday_year"] else day


@pytest.mark.parametrize(("file", "fmt", "encoding", "separator", "rows", "errors"), CASES)
def test_sample_file_is_recognised_and_read(
    planner_de: AppContext,
    samples: Path,
    file: str,
    fmt: str,
    encoding: str,
    separator: str,
    rows: dict[int, tuple[str, ...]],
    errors: dict[int, str],
) -> None:
    preview = planner_de.importing.preview(samples / file)
    assert (preview.parsed.format, preview.parsed.encoding) == (fmt, encoding)
    assert preview.parsed.separator == separator
    found = {
        item.row: (
            item.values["name"], item.values["company"], item.values["email"],
            item.values["phone"], _birthday(item.values),
        )
        for item in preview.plan.new
    }  # fmt: skip
    assert found == rows
    # A row is refused only when nothing names a person (or it was cut off); a value
    # that cannot be read is a warning, and the row comes in with it in the notes.
    said = [(error.row, error.error) for error in preview.plan.errors]
    said += [(warning.row, warning.message) for warning in preview.plan.warnings]
    assert {row for row, _ in said} == set(errors)
    for row, message in said:
        assert errors[row] in message


def test_notes_keep_line_breaks_and_extra_numbers(planner_de: AppContext, samples: Path) -> None:
    preview = planner_de.importing.preview(samples / "outlook_contacts_en.csv")
    john = preview.plan.new[0].values
    assert john["notes"].splitlines() == [
        "Met at the Hannover fair.",
        "Prefers calls before 10.",
        "Other phone: (206) 555-0100",
        # Outlook's Title column, which no field holds.
        "Title: Mr.",
    ]
    assert john["source"] == "Outlook import"
    android = planner_de.importing.preview(samples / "android_contacts_21.vcf")
    assert (
        android.plan.new[0]
        .values["notes"]
        .startswith("Erster Kontakt auf der CeMAT.\nGrüße an die Familie.")
    )


def test_custom_csv_with_mapping_file_is_remembered(planner_de: AppContext, samples: Path) -> None:
    mapping = json.loads((samples / "custom_columns.mapping.json").read_text(encoding="utf-8"))
    preview = planner_de.importing.preview(samples / "custom_columns.csv", "csv", mapping)
    assert [item.values["source"] for item in preview.plan.new] == ["Trade show", "Website"]
    planner_de.importing.run(preview)
    # The same header set next time: the stored mapping is used without being passed.
    again = planner_de.importing.preview(samples / "custom_columns.csv")
    assert again.parsed.label == "CSV (remembered column mapping)"
    assert [item.reason for item in again.plan.duplicates] == ["same e-mail", "same e-mail"]
