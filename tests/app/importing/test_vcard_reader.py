"""vCard details: folding, quoted-printable soft breaks, escapes, parameters, URIs."""

from __future__ import annotations

from app.importing.records import RawContact
from app.importing.vcard import components, parse_line, read_cards, unfold


def contacts(text: str) -> list[RawContact]:
    return [item for item in read_cards(text) if isinstance(item, RawContact)]


def test_folded_lines_join_without_the_leading_space() -> None:
    assert unfold("NOTE:abc\r\n def\r\n\tghi\r\nFN:x") == ["NOTE:abcdefghi", "FN:x"]


def test_quoted_printable_soft_break_with_and_without_folding() -> None:
    lines = unfold("FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3=\r\n=BCrgen\r\nN:x")
    assert lines[0].endswith(":J=C3=BCrgen")
    prop = parse_line(unfold("FN;ENCODING=QUOTED-PRINTABLE:J=C3=\r\n =BCrgen")[0])
    assert prop is not None and prop.value == "Jürgen"


def test_quoted_printable_in_latin1_charset() -> None:
    prop = parse_line("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=F6rg")
    assert prop is not None and prop.value == "Jörg"


def test_escapes_and_structured_values() -> None:
    assert components(r"O\;Brien;Se\,án;;;") == ["O;Brien", "Se,án", "", "", ""]
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:one\\ntwo\\, three\\\\\nEND:VCARD\n"
    assert contacts(card)[0].notes == "one\ntwo, three\\"


def test_preferred_email_and_mobile_come_first() -> None:
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEMAIL;TYPE=HOME:home@x.example\n"
        "EMAIL;TYPE=WORK,PREF:work@x.example\nTEL;TYPE=WORK:+49 89 1\n"
        "TEL;TYPE=CELL:+49 170 2\nEND:VCARD\n"
    )
    contact = contacts(card)[0]
    assert contact.emails == ["work@x.example", "home@x.example"]
    assert contact.phones == ["+49 170 2", "+49 89 1"]


def test_vcard4_uri_phone_quoted_parameters_and_groups() -> None:
    card = (
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nTEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-0100'
        "\r\nitem1.EMAIL:a@b.example\r\nBDAY:--0229\r\nEND:VCARD\r\n"
    )
    contact = contacts(card)[0]
    assert contact.phones == ["+1-555-0100"] and contact.emails == ["a@b.example"]
    assert contact.birthday == "--0229"


def test_several_cards_and_a_card_cut_off() -> None:
    text = "BEGIN:VCARD\nFN:One\nEND:VCARD\nBEGIN:VCARD\nFN:Two\nBEGIN:VCARD\nFN:Three\n"
    items = list(read_cards(text))
    assert [item.name if isinstance(item, RawContact) else item for item in items] == [
        "One",
        (2, "the card has no END:VCARD (cut off?)"),
        (3, "The file looks cut off: card 3 has no END:VCARD, so none of that card was imported."),
    ]


def test_binary_photo_is_skipped() -> None:
    card = "BEGIN:VCARD\nFN:A\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\n AAAA\nEND:VCARD\n"
    assert contacts(card)[0].name == "A"
