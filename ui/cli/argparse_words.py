"""argparse's own words (usage, options, its refusals) in the CLI's language.

argparse asks the standard library's gettext domain for them, where no catalogue of ours
is; pointing its `_` and `ngettext` at app.i18n's puts them through our catalogues, so
`followup --help` and a mistyped command speak the chosen language like everything else.
"""

from __future__ import annotations

import argparse

from app import i18n
from app.i18n import N_

# The texts argparse shows a person, as it words them, marked so that the extraction puts
# them in every catalogue. "%(prog)s: error: %(message)s" stays as it is: scripts read the
# "followup: error:" prefix.
WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def speak_argparse() -> None:
    """argparse's texts through the interface language's catalogue from now on."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
