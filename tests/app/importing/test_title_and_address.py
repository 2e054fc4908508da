"""Job title and postal address come in from vCards and the Google and Outlook layouts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerQuery


def imported(context: AppContext, path: Path) -> list[CustomerDTO]:
    preview = context.importing.preview(path)
    assert not preview.plan.errors, preview.plan.errors
    context.importing.run(preview)
    return list(context.customers.page(CustomerQuery(sort_by="created_at")).rows)


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def address(customer: CustomerDTO) -> tuple[str, str, str, str, str]:
    return (customer.street, customer.postal_code, customer.city, customer.region,
            customer.country)  # fmt: skip


VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Becker\r\nN:Becker;Maria;;;\r\n"
    "TITLE:Head of Purchasing\\, DACH\r\n"
    "ADR;TYPE=HOME:;;Privatweg 1;Starnberg;;82319;Germany\r\n"
    "ADR;TYPE=WORK:Postfach 12;Gebäude B;Hauptstraße 5\\nHof;München;Bayern;80331;Germany\r\n"
    "CATEGORIES:Forklifts,Safety\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ben Ortiz\r\n"
    "ADR;PREF=1:;;1 Main St;Springfield;IL;62704;USA\r\n"
    "ADR;TYPE=work:;;9 Office Rd;Chicago;IL;60601;USA\r\nEND:VCARD\r\n"
)


def test_vcard_title_and_the_work_or_preferred_address(
    planner_de: AppContext, tmp_path: Path
) -> None:
    for ending in ("\r\n", "\n"):
        path = tmp_path / "contacts.vcf"
        path.write_text(VCARD.replace("\r\n", ending), encoding="utf-8", newline="")
        context = planner_de
        maria, ben = imported(context, path)[-2:]
        assert maria.job_title == "Head of Purchasing, DACH"
        assert address(maria) == ("Hauptstraße 5\nHof\nGebäude B\nPostfach 12", "80331",
                                  "München", "Bayern", "Germany")  # fmt: skip
        assert maria.tags == ("forklifts", "safety")
        assert address(ben) == ("1 Main St", "62704", "Springfield", "IL", "USA")
        for customer in (maria, ben):
            context.customers.delete(customer.id)


def test_google_takes_the_first_address_that_holds_anything(
    planner_de: AppContext, tmp_path: Path
) -> None:
    row = {
        "Name": "Ana Silva", "Given Name": "Ana", "Family Name": "Silva",
        "Organization 1 - Name": "Acme", "Organization 1 - Title": "Fleet Manager",
        "E-mail 1 - Type": "* Work", "E-mail 1 - Value": "ana@acme.example",
        "Address 1 - Type": "Work", "Address 1 - Formatted": "", "Address 1 - Street": "",
        "Address 1 - City": "", "Address 1 - PO Box": "", "Address 1 - Region": "",
        "Address 1 - Postal Code": "", "Address 1 - Country": "",
        "Address 2 - Type": "Home", "Address 2 - Formatted": "Rua 1\nLisboa",
        "Address 2 - Street": "Rua 1", "Address 2 - City": "Lisboa", "Address 2 - PO Box": "",
        "Address 2 - Region": "", "Address 2 - Postal Code": "1100-148",
        "Address 2 - Country": "Portugal",
    }  # fmt: skip
    formatted_only = {
        **dict.fromkeys(row, ""), "Name": "Cleo Park", "Given Name": "Cleo",
        "Address 1 - Formatted": "221B Baker Street\nLondon NW1 6XE\nUK",
    }  # fmt: skip
    ana, cleo = imported(planner_de, write_csv(tmp_path / "google.csv", [row, formatted_only]))
    assert ana.job_title == "Fleet Manager"
    assert address(ana) == ("Rua 1", "1100-148", "Lisboa", "", "Portugal")
    assert cleo.postal_address == "221B Baker Street\nLondon NW1 6XE\nUK"


def test_outlook_takes_the_business_address_else_the_home_one(
    planner_de: AppContext, tmp_path: Path
) -> None:
    blank = {
        "First Name": "", "Last Name": "", "Company": "", "Job Title": "",
        "Business Street": "", "Business Street 2": "", "Business City": "",
        "Business State": "", "Business Postal Code": "", "Business Country/Region": "",
        "Home Street": "", "Home City": "", "Home State": "", "Home Postal Code": "",
        "Home Country/Region": "", "E-mail Address": "",
    }  # fmt: skip
    office = {**blank, "First Name": "Dan", "Last Name": "Wu", "Job Title": "Buyer",
              "Business Street": "1 Dock Rd", "Business Street 2": "Gate 3",
              "Business City": "Leeds", "Business Postal Code": "LS1 1AA",
              "Home Street": "5 Elm St", "Home City": "York"}  # fmt: skip
    # Only the home city is known: the business address's empty parts are not mixed in.
    home = {**blank, "First Name": "Eve", "Last Name": "Roe", "Home City": "York",
            "Home Country/Region": "UK", "Business State": ""}  # fmt: skip
    dan, eve = imported(planner_de, write_csv(tmp_path / "outlook.csv", [office, home]))
    assert dan.job_title == "Buyer"
    assert address(dan) == ("1 Dock Rd\nGate 3", "LS1 1AA", "Leeds", "", "")
    assert address(eve) == ("", "", "York", "", "UK")


def test_german_outlook_address(planner_de: AppContext, tmp_path: Path) -> None:
    row = {"Vorname": "Jürgen", "Nachname": "Koch", "E-Mail-Adresse": "j@koch.example",
           "Position": "Einkauf", "Straße geschäftlich": "Hafenstraße 2",
           "Ort geschäftlich": "Hamburg", "Postleitzahl geschäftlich": "20457",
           "Land/Region geschäftlich": "Deutschland"}  # fmt: skip
    [juergen] = imported(planner_de, write_csv(tmp_path / "outlook_de.csv", [row]))
    assert juergen.job_title == "Einkauf"
    assert address(juergen) == ("Hafenstraße 2", "20457", "Hamburg", "", "Deutschland")


def test_flags_that_cannot_be_read_go_into_the_notes(
    planner_de: AppContext, tmp_path: Path
) -> None:
    row = {"name": "Fay Lind", "key_customer": "yes", "do_not_contact": "maybe",
           "keep_in_touch_days": "monthly", "salutation": "Herr",
           "notes": "Met at fair"}  # fmt: skip
    [fay] = imported(planner_de, write_csv(tmp_path / "ours.csv", [row]))
    assert fay.is_key and not fay.do_not_contact and fay.keep_in_touch_days is None
    assert fay.salutation == ""
    assert fay.notes == (
        "Met at fair\nDo not contact: maybe\nKeep in touch every (days): monthly\nGreet as: Herr"
    )


def test_a_merge_fills_title_and_a_missing_address_but_never_mixes_two(
    planner_de: AppContext, tmp_path: Path
) -> None:
    from app.dto.customers import CustomerInput

    ana = planner_de.customers.add(CustomerInput(name="Ana Silva", email="ana@acme.example"))
    ben = planner_de.customers.add(
        CustomerInput(name="Ben Ortiz", email="ben@ortiz.example", city="Porto")
    )
    rows = [
        {"name": "Ana Silva", "email": "ana@acme.example", "job title": "CFO",
         "street": "Rua 1", "city": "Lisboa", "zip": "1100-148"},
        {"name": "Ben Ortiz", "email": "ben@ortiz.example", "job title": "",
         "street": "9 Office Rd", "city": "Chicago", "zip": "60601"},
    ]  # fmt: skip
    path = write_csv(tmp_path / "again.csv", rows)
    result = planner_de.importing.run(planner_de.importing.preview(path), "merge")
    assert result.merged == 2
    ana_after, ben_after = (planner_de.customers.get(c.id) for c in (ana, ben))
    assert ana_after.job_title == "CFO"
    assert address(ana_after) == ("Rua 1", "1100-148", "Lisboa", "", "")
    assert address(ben_after) == ("", "", "Porto", "", "")


def test_imported_titles_and_cities_are_found_by_search(
    planner_de: AppContext, tmp_path: Path
) -> None:
    rows = [{"name": "Gil Reyes", "job title": "Fleet Buyer", "city": "Valencia"}]
    imported(planner_de, write_csv(tmp_path / "people.csv", rows))
    for text in ("fleet buyer", "valencia"):
        found = planner_de.customers.page(CustomerQuery(search=text)).rows
        assert [c.name for c in found] == ["Gil Reyes"], text
