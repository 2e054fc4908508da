"""The customer's language read on import: vCard LANG by its PREF, a CSV Language column,
and a language drafts are not written in left out with a warning in the preview."""

from __future__ import annotations

from pathlib import Path

from app.context import AppContext
from app.dto.customers import CustomerQuery
from app.importing.records import RawContact
from app.importing.vcard import read_cards


def _cards(*bodies: str) -> str:
    return "".join(f"BEGIN:VCARD\r\nVERSION:4.0\r\n{body}END:VCARD\r\n" for body in bodies)


def test_lang_with_the_lowest_pref_wins() -> None:
    text = _cards("FN:Anna de Vries\r\nLANG;PREF=2:en\r\nLANG;PREF=1:nl-NL\r\nLANG:hu\r\n")
    contact = next(item for item in read_cards(text) if isinstance(item, RawContact))
    assert contact.language == "nl-NL"


def test_lang_without_pref_the_first_one() -> None:
    text = _cards("FN:Kovács Mária\r\nLANG:hu-HU\r\nLANG:en\r\n")
    contact = next(item for item in read_cards(text) if isinstance(item, RawContact))
    assert contact.language == "hu-HU"


def test_vcard_lang_sets_the_language_and_an_unknown_one_warns(
    context: AppContext, tmp_path: Path
) -> None:
    file = tmp_path / "cards.vcf"
    file.write_text(
        _cards(
            "FN:Anna de Vries\r\nLANG;PREF=1:nl-NL\r\nLANG;PREF=2:en\r\n",
            "FN:Jean Dupont\r\nLANG:fr-FR\r\n",
            "FN:Ben Ortiz\r\n",
        ),
        encoding="utf-8",
    )
    preview = context.importing.preview(file)
    assert [(w.row, w.field, w.value) for w in preview.plan.warnings] == [(2, "language", "fr-FR")]
    # The unknown language is said, not kept: no line in the notes.
    assert all("fr-FR" not in item.values["notes"] for item in preview.plan.new)
    context.importing.run(preview)
    rows = context.customers.page(CustomerQuery(sort_by="name")).rows
    assert {row.name: row.language for row in rows} == {
        "Anna de Vries": "nl",
        "Ben Ortiz": "",
        "Jean Dupont": "",
    }


def test_csv_language_column_by_code_or_by_name(context: AppContext, tmp_path: Path) -> None:
    file = tmp_path / "people.csv"
    file.write_text(
        "Name,E-mail,Language\nAnna de Vries,anna@x.example,nl\n"
        "Kovács Mária,maria@x.example,Magyar\nBen Ortiz,ben@x.example,\n",
        encoding="utf-8",
    )
    preview = context.importing.preview(file)
    assert not preview.plan.warnings and not preview.plan.errors
    context.importing.run(preview)
    rows = context.customers.page(CustomerQuery(sort_by="name")).rows
    assert {row.name: row.language for row in rows} == {
        "Anna de Vries": "nl",
        "Ben Ortiz": "",
        "Kovács Mária": "hu",
    }


def test_name_parts_join_in_the_order_of_the_customers_language(
    context: AppContext, tmp_path: Path
) -> None:
    """A Hungarian contact's first and last name columns become 'Kovács Mária', so that a
    Hungarian letter greets 'Kedves Mária'; everyone else keeps the given name first."""
    file = tmp_path / "contacts.csv"
    file.write_text(
        "Given name,Family name,E-mail,Language\r\n"
        "Mária,Kovács,maria@example.hu,hu\r\n"
        "Anna,Becker,anna@example.de,\r\n",
        encoding="utf-8",
    )
    context.importing.run(context.importing.preview(file))
    names = sorted(c.name for c in context.customers.page(CustomerQuery()).rows)
    assert names == ["Anna Becker", "Kovács Mária"]
