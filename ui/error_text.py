"""Error messages as the window shows them: a sentence, starting with a capital letter."""

from __future__ import annotations


def shown(error: BaseException | str) -> str:
    """The message of `error` for a dialog or status line.

    Services word their messages for the command line ("followup: error: cannot ..."), in
    lower case; on its own in a window the same text starts a sentence."""
    text = str(error).strip()
    return text[:1].upper() + text[1:]
