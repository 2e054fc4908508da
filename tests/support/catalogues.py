"""The texts the code marks, extracted in-process exactly as `make.py catalogues` does."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "followup.pot"
# make.py's -k N_ -k ngettext:1,2 -k pgettext:1c,2 on top of Babel's defaults (_, gettext...).
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}

# (context, msgid): a plural is keyed by its singular, as catalogues key it.
Key = tuple[str | None, str]


def marked_texts() -> dict[Key, str | tuple[str, ...]]:
    """Every text marked in app/, ui/ and models/, by key: its msgid (a tuple for plurals)."""
    config = (ROOT / "babel.cfg").read_text(encoding="utf-8")
    method_map, options_map = parse_mapping_cfg(io.StringIO(config))
    found: dict[Key, str | tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        singular = message if isinstance(message, str) else message[0]
        if singular:
            found[(context, singular)] = message
    return found


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def keys_of(catalogue: Catalog) -> set[Key]:
    """The catalogue's live entries (the header and obsolete ones left out)."""
    return {(message.context, _singular(message.id)) for message in catalogue if message.id}


def _singular(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]
