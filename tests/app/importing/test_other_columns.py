"""What an address book shows that the planner has no field for comes along in the notes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.context import AppContext


def _only(planner: AppContext, path: Path) -> dict[str, Any]:
    preview = planner.importing.preview(path)
    [row] = preview.plan.new
    return row.values


OUTLOOK_HEADER = (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
    "Business Street,Business City,Business Postal Code,Business Country/Region,"
    "Business Phone,Mobile Phone,Anniversary,Birthday,Categories,E-mail Address,E-mail Type,"
    "E-mail Display Name,Gender,Initials,Language,Notes,Priority,Private,Sensitivity,Spouse,"
    "Web Page"
)


def test_outlook_columns_without_a_field_go_into_the_notes(
    planner_de: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "outlook.csv"
    row = (
        "Dr.,Ana,,Silva,,Acme,Purchasing,Buyer,Hauptstr. 1,Berlin,10115,Germany,"
        '+49 30 1234567,+49 170 1234567,6/12/2001,0/0/00,"Clients;Trade fair",'
        "ana@acme.example,SMTP,Ana Silva (ana@acme.example),Unspecified,A.S.,nl,"
        "Met at the fair,Normal,False,Normal,Jo,https://acme.example"
    )
    path.write_text(f"{OUTLOOK_HEADER}\r\n{row}\r\n", encoding="utf-8")
    values = _only(planner_de, path)
    # Outlook's own categories and language are ours too.
    assert values["tags"] == "clients, trade fair"
    assert values["language"] == "nl"
    # What has no field is kept, labelled by its column; what Outlook fills in by itself
    # (initials, the e-mail's type and display name, "Normal", "Unspecified") is not.
    assert values["notes"].split("\n") == [
        "Met at the fair",
        "Other phone: +49 30 1234567",
        "Title: Dr.",
        "Department: Purchasing",
        "Anniversary: 6/12/2001",
        "Spouse: Jo",
        "Web Page: https://acme.example",
    ]


def test_any_csv_keeps_its_other_columns(planner_de: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Name;E-mail;Kundennummer;Status\r\nAna Silva;ana@acme.example;K-17;Normal\r\n",
        encoding="utf-8",
    )
    values = _only(planner_de, path)
    assert values["notes"] == "Kundennummer: K-17\nStatus: Normal"


def test_google_keeps_its_own_labels_not_its_system_groups(
    planner_de: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,Nickname,Organization Name,Organization Department,Labels,"
        "E-mail 1 - Label,E-mail 1 - Value,Website 1 - Label,Website 1 - Value\r\n"
        "Ana,Silva,Anita,Acme,Purchasing,* myContacts ::: Clients ::: * starred,* Work,"
        "ana@acme.example,Profile,https://acme.example/ana\r\n",
        encoding="utf-8",
    )
    values = _only(planner_de, path)
    assert values["notes"].split("\n") == [
        "Nickname: Anita",
        "Organization Department: Purchasing",
        "Labels: Clients",
        "Website 1 - Value: https://acme.example/ana",
    ]


def test_a_vcards_other_properties_go_into_the_notes(
    planner_de: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "card.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nN:Silva;Ana;;;\r\n"
        "ORG:Acme;Purchasing\r\nNICKNAME:Anita\r\nEMAIL;TYPE=WORK:ana@acme.example\r\n"
        "ADR;TYPE=WORK:;;Hauptstr. 1;Berlin;;10115;Germany\r\n"
        "ADR;TYPE=HOME:;;Gartenweg 5;Potsdam;;14467;Germany\r\n"
        "item1.URL:https://acme.example\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n"
        "ANNIVERSARY:20010612\r\nROLE:Decision maker\r\n"
        "X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.com/in/ana\r\n"
        "NOTE:Met at the fair\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    values = _only(planner_de, path)
    assert (values["street"], values["city"]) == ("Hauptstr. 1", "Berlin")
    assert values["notes"].split("\n") == [
        "Met at the fair",
        "Department: Purchasing",
        "Nickname: Anita",
        "Web page: https://acme.example",
        "Anniversary: 20010612",
        "Role: Decision maker",
        "Social profile: https://linkedin.com/in/ana",
        "Other address: Gartenweg 5, 14467 Potsdam, Germany",
    ]


def test_outlooks_other_addresses_go_into_the_notes(planner_de: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "outlook.csv"
    path.write_text(
        "First Name,Last Name,E-mail Address,Business Street,Business City,"
        "Business Postal Code,Home Street,Home Street 2,Home City,Home Postal Code,"
        "Home Country/Region\r\n"
        "Ana,Silva,ana@acme.example,Hauptstr. 1,Berlin,10115,Gartenweg 5,Haus B,Potsdam,"
        "14467,Germany\r\n",
        encoding="utf-8",
    )
    values = _only(planner_de, path)
    assert (values["street"], values["city"], values["country"]) == ("Hauptstr. 1", "Berlin", "")
    assert values["notes"] == "Other address: Gartenweg 5, Haus B, 14467 Potsdam, Germany"
