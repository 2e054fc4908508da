"""Our own flag columns read back: the shortcut for a file without them reads as they would."""

from __future__ import annotations

import pytest

from app.importing.flags import read_flags


def test_no_flag_columns_read_as_four_blank_values() -> None:
    assert read_flags("", "", "", "") == read_flags(" ", " ", " ", " ")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("yes", "", "", ""), {"is_key": True, "do_not_contact": False, "salutation": ""}),
        (("", "ja", "30", "ms"), {"is_key": False, "do_not_contact": True,
                                  "keep_in_touch_days": 30, "salutation": "ms"}),
    ],
)  # fmt: skip
def test_flags_are_read(values: tuple[str, str, str, str], expected: dict[str, object]) -> None:
    assert read_flags(*values) == (expected, [])


def test_an_unreadable_flag_is_kept_for_the_notes() -> None:
    fields, unread = read_flags("maybe", "", "often", "")
    assert "is_key" not in fields and "keep_in_touch_days" not in fields
    assert len(unread) == 2 and any("maybe" in line for line in unread)
