"""Issue #16 item 7: dates as people in each locale read them, never '12-11'."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from ui import dates

NOVEMBER_12 = dt.date(2026, 11, 12)


@pytest.fixture
def locale(request: pytest.FixtureRequest) -> Iterator[str]:
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    try:
        yield request.param
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("locale", "date", "birthday", "with_weekday"),
    [
        ("en_GB", "12 Nov 2026", "12 Nov", "Thu 12 Nov 2026 14:30"),
        ("en_US", "Nov 12, 2026", "Nov 12", "Thu Nov 12, 2026 2:30\u202fPM"),
        ("de_DE", "12. Nov. 2026", "12. Nov.", "Do. 12. Nov. 2026 14:30"),
        ("ja_JP", "2026年11月12日", "11月12日", "木 2026年11月12日 14:30"),
    ],
    indirect=["locale"],
)
def test_a_date_reads_in_the_users_locale(
    locale: str, date: str, birthday: str, with_weekday: str
) -> None:
    assert dates.date_text(NOVEMBER_12) == date
    assert dates.day_month_text(11, 12) == birthday
    shown = dates.date_text(NOVEMBER_12, weekday=True, time=dt.time(14, 30))
    # Qt writes the space before AM/PM as a narrow no-break space in newer locale data.
    assert shown.replace(" PM", "\u202fPM") == with_weekday


@pytest.mark.parametrize("locale", ["en_GB"], indirect=True)
def test_ranges_leave_out_this_years_year(locale: str) -> None:
    today = dt.date(2026, 11, 23)
    assert dates.range_text(dt.date(2026, 12, 24), dt.date(2026, 12, 31), today) == (
        "24 Dec – 31 Dec"
    )
    assert dates.range_text(dt.date(2026, 12, 24), dt.date(2027, 1, 2), today) == (
        "24 Dec 2026 – 2 Jan 2027"
    )
    assert dates.range_text(dt.date(2026, 12, 24), dt.date(2026, 12, 24), today) == "24 Dec"
    assert dates.day_month_text(2, 29, 1980) == "29 Feb 1980"
    assert dates.heading_text(today) == "Monday, 23 November"


@pytest.mark.parametrize(
    ("locale", "pattern"),
    [("en_GB", "dd/MM/yyyy"), ("en_US", "M/d/yyyy"), ("de_DE", "dd.MM.yyyy")],
    indirect=["locale"],
)
def test_date_fields_take_the_numbers_people_type(locale: str, pattern: str) -> None:
    assert dates.edit_format() == pattern
