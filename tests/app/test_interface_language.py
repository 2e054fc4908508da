"""app/ speaks the interface language: labels, refusals and storage errors, English unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.errors import BusyError, ValidationError
from app.kinds import channel_label, kind_label, lost_reason_label
from app.storage import storage_error
from app.validation import clean_line
from models.storage import FULL, StorageProblem


@pytest.fixture
def stretched() -> Iterator[None]:
    """The pseudo-locale: every marked text comes back bracketed, so an unmarked one shows."""
    i18n.use("qps")
    try:
        yield
    finally:
        i18n.use("en")


@pytest.mark.usefixtures("stretched")
def test_labels_are_translated_where_they_are_shown() -> None:
    assert kind_label("check_in") == i18n.pseudo("Check-in")
    assert channel_label("in_person") == i18n.pseudo("In person")
    assert lost_reason_label("competitor") == i18n.pseudo("Went with a competitor")
    # A code the tables do not know is shown as it is, not as a translation of nothing.
    assert kind_label("site_visit") == "Site visit"
    assert lost_reason_label("weather") == ""


def test_english_reads_as_written() -> None:
    assert kind_label("check_in") == "Check-in"
    with pytest.raises(ValidationError) as refused:
        clean_line("x" * 11, 10, "note")
    assert refused.value.message == "note is longer than 10 characters"


@pytest.mark.usefixtures("stretched")
def test_a_refusal_is_worded_when_raised_with_its_field_name_translated() -> None:
    with pytest.raises(ValidationError) as refused:
        clean_line("x" * 11, 10, "note")
    expected = i18n.pseudo("{what} is longer than {limit} characters")
    assert refused.value.message == expected.format(what=i18n.pseudo("note"), limit=10)
    assert BusyError().hint == i18n.pseudo("Try again in a moment; nothing was written.")


@pytest.mark.usefixtures("stretched")
def test_a_storage_error_names_the_failed_action_in_the_interface_language(
    tmp_path: Path,
) -> None:
    error = storage_error(
        StorageProblem(FULL, tmp_path / "planner.sqlite3", "full"), "save the change"
    )
    assert error.message.startswith("[")
    assert i18n.pseudo("save the change") in error.message
    assert error.hint.endswith(i18n.pseudo("Your data was not changed."))


def test_a_closed_state_inside_a_refusal_is_a_word_of_the_language(
    context: AppContext,
) -> None:
    customer = context.customers.add(CustomerInput(name="Ana Silva"))
    planned = context.agenda.touchpoints(None, None, customer.id, ("planned",))
    first = planned[0].id
    context.touchpoints.skip(first, "Not now")
    i18n.use("qps")
    try:
        with pytest.raises(ValidationError) as refused:
            context.touchpoints.skip(first, "Again")
    finally:
        i18n.use("en")
    assert i18n.pseudo("skipped") in refused.value.message
    assert " skipped" not in refused.value.message
