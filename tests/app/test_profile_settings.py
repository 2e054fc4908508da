"""Profile settings sign the letters: a real e-mail address, and no invisible characters."""

from __future__ import annotations

import pytest

from app.context import AppContext
from app.errors import ValidationError
from models.repositories import settings as repo

PROFILE_TEXT = ("my_name", "my_title", "my_company", "my_phone", "my_mobile", "my_website")


@pytest.mark.parametrize(
    "text", ["sam", "sam@", "sam@forklift", "sam @forklift.example", "a@b@c.d"]
)
def test_my_email_must_be_an_address(context: AppContext, text: str) -> None:
    with pytest.raises(ValidationError, match="e-mail"):
        context.settings.set("my_email", text)
    assert context.settings.get().my_email == ""


def test_my_email_accepts_an_address_or_nothing(context: AppContext) -> None:
    assert context.settings.set("my_email", " sam@forklift.example ").my_email == (
        "sam@forklift.example"
    )
    assert context.settings.set("my_email", "").my_email == ""


@pytest.mark.parametrize("key", [*PROFILE_TEXT, "my_email"])
@pytest.mark.parametrize(
    "dirty",
    [
        "\ufeff{}",  # a BOM pasted from a file
        "{}\u200b",  # zero-width space
        "\u2060{}\u200e",  # word joiner, left-to-right mark
        "\u202e{}",  # right-to-left override
        "\u200d{}\u200c",  # joiners at the edges join nothing
    ],
)
def test_invisible_characters_are_stripped_from_profile_text(
    context: AppContext, key: str, dirty: str
) -> None:
    clean = "sam@forklift.example" if key == "my_email" else "Sam Seller"
    stored = getattr(context.settings.set(key, dirty.format(clean)), key)
    assert stored == clean


def test_joiners_inside_words_are_kept(context: AppContext) -> None:
    # Persian needs the zero-width non-joiner; emoji sequences need the joiner.
    assert context.settings.set("my_name", "می\u200cخواهم").my_name == "می\u200cخواهم"
    assert context.settings.set("my_title", "👩\u200d💼 Sales").my_title == "👩\u200d💼 Sales"


def test_stored_profile_text_is_cleaned_when_read(context: AppContext) -> None:
    """An older version or an imported file may have stored the BOM: it never signs a letter."""
    with context.sessions.begin() as session:
        repo.save(session, "my_name", "\ufeffSam Seller")
    context.settings.set_many({})
    assert context.settings.get().my_name == "Sam Seller"
