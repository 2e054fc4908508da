"""Big vCards read in linear time: folded base64 photos are skipped, long QP notes joined once."""

from __future__ import annotations

import base64
import time

from app.importing.records import RawContact
from app.importing.vcard import read_cards


def big_card(photo_bytes: int, note_chars: int) -> str:
    """A vCard 2.1 with a base64 PHOTO folded at 74 characters and a soft-broken QP NOTE."""
    photo = base64.b64encode(bytes(range(256)) * (photo_bytes // 256)).decode()
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    # Soft line breaks between whole escapes, as writers put them (at most 76 per line).
    line = "Gr=C3=BC=C3=9Fe aus M=C3=BCnchen, Gr=C3=BC=C3=9Fe aus M=C3=BCnchen, "
    soft = "=\r\n".join([line] * (note_chars // len(line)))
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Muster;Max\r\nFN:Max Muster\r\n"
        f"PHOTO;ENCODING=BASE64;TYPE=JPEG:{folded}\r\n\r\n"
        f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{soft}\r\n"
        "TEL;CELL:+49 170 1234567\r\nEND:VCARD\r\n"
    )


def best_time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        cards = list(read_cards(text))
        best = min(best, time.perf_counter() - start)
    card = cards[0]
    assert isinstance(card, RawContact) and card.phones == ["+49 170 1234567"]
    assert card.notes.startswith("Grüße aus München")
    return best


def test_large_folded_vcard_reads_in_linear_time() -> None:
    small = big_card(500_000, 100_000)
    large = big_card(2_000_000, 400_000)
    ratio = best_time(large) / best_time(small)
    # Four times the input: about 4x when linear, 16x when quadratic.
    assert ratio < 8, f"4x input took {ratio:.1f}x the time"


def test_binary_properties_are_skipped_without_keeping_their_data() -> None:
    photo = "\r\n ".join(["QUFB" * 18] * 50)
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{photo}\r\nLOGO:data:image/png;base64,{photo}\r\n"
        f"SOUND;ENCODING=BASE64:{photo}\r\nKEY;ENCODING=b:{photo}\r\nNOTE:kept\r\nEND:VCARD\r\n"
    )
    (contact,) = read_cards(card)
    assert isinstance(contact, RawContact) and contact.notes == "kept"
