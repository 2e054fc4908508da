"""The command line speaks the interface language: help, usage errors and refused values."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from app import i18n
from ui.cli.app import build_parser
from ui.cli.parsing import iso_date


@pytest.fixture
def stretched() -> Iterator[None]:
    """The pseudo-locale: every marked text comes back bracketed, so an unmarked one shows."""
    i18n.use("qps")
    try:
        yield
    finally:
        i18n.use("en")


@pytest.mark.usefixtures("stretched")
def test_help_is_in_the_interface_language() -> None:
    shown = " ".join(build_parser().format_help().split())
    assert i18n.pseudo("Follow-Up Planner: with no command it opens the window.") in shown
    assert i18n.pseudo("add, list and edit customers") in shown


@pytest.mark.usefixtures("stretched")
def test_a_usage_error_is_one_line_in_the_interface_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["customer", "show", "not-a-number"])
    line = capsys.readouterr().err
    assert line.count("\n") == 1
    assert i18n.pseudo("{text!r} is not a whole number").format(text="not-a-number") in line
    assert i18n.pseudo("{message} (see {prog} --help)").split("{prog}")[1] in line


@pytest.mark.usefixtures("stretched")
def test_a_refused_date_is_worded_in_the_interface_language() -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        iso_date("soon")
    assert str(refused.value) == i18n.pseudo("{text!r} is not a date (YYYY-MM-DD)").format(
        text="soon"
    )


@pytest.mark.usefixtures("stretched")
def test_argparse_own_words_are_in_the_interface_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = build_parser().format_help()
    assert shown.startswith(i18n.pseudo("usage: "))
    assert i18n.pseudo("options") in shown
    assert i18n.pseudo("show this help message and exit") in shown
    with pytest.raises(SystemExit):
        build_parser().parse_args(["customer", "add"])
    error = capsys.readouterr().err
    # The prefix scripts read stays as it is; what follows is translated.
    assert error.startswith("followup: error: ")
    assert i18n.pseudo("the following arguments are required: %s") % "--name" in error
