"""fill(): every %n once, from the text the translator wrote, never from an argument."""

from __future__ import annotations

from ui.texts import fill


def test_places_follow_the_translation_not_the_argument_order() -> None:
    assert fill("%1 of %2 match", 3, 10) == "3 of 10 match"
    # A translation may put the places in another order.
    assert fill("%2 közül %1 egyezik", 3, 10) == "10 közül 3 egyezik"


def test_an_argument_holding_a_place_is_shown_as_it_is() -> None:
    # Chained replace("%1", ...).replace("%2", ...) would fill the title's "%2" with "Ana".
    title = "Offer 20%2 off"
    assert fill("%1 for %2", title, "Ana") == "Offer 20%2 off for Ana"


def test_a_place_without_an_argument_stays() -> None:
    assert fill("%1 and %3", "a") == "a and %3"
