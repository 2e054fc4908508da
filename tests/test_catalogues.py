"""Every shipped language has every marked text, translated whole: no gaps, no guesses,
the same placeholders and accelerators (a failing line says which language, text and fault)."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from app.i18n import ENGLISH, LANGUAGES, PLACEHOLDER
from tests.support.catalogues import LOCALE, TEMPLATE, keys_of, marked_texts, read_catalogue

SHIPPED = [code for code in LANGUAGES if code != ENGLISH]
SHOWN = 20


# A Qt accelerator: one '&' before a character; '&&' is a literal ampersand.
def _accelerators(text: str) -> int:
    """The '&' that mark a Qt accelerator; '&&' is a literal ampersand."""
    return text.replace("&&", "").count("&")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _report(language: str, faults: list[str]) -> str:
    lines = faults[:SHOWN]
    more = len(faults) - len(lines)
    tail = [f"... and {more} more" if more else ""]
    return "\n".join([f"{language}: {len(faults)} problems", *lines, *filter(None, tail)])


def _short(text: str) -> str:
    return repr(text if len(text) <= 70 else text[:67] + "...")


def faults_of(message: Message, forms: int) -> list[str]:
    """What is wrong with one entry's translation ([] when nothing is)."""
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    if message.fuzzy:
        return ["fuzzy (a guess, not shipped): translate it and remove the flag"]
    if not any(strings):
        return ["not translated (empty msgstr)"]
    if len(ids) > 1 and (len(strings) != forms or not all(strings)):
        return [f"plural has {sum(map(bool, strings))} of {forms} forms"]
    faults: list[str] = []
    for index, text in enumerate(strings):
        # Every form answers the plural msgid; form 0 (n == 1 in most languages) may also
        # answer the singular one ("one customer" with no {n}).
        sources = [ids[-1], ids[0]] if index == 0 else [ids[-1]]
        if all(_placeholders(text) != _placeholders(source) for source in sources):
            faults.append(f"placeholders {_placeholders(text)} instead of {_placeholders(ids[-1])}")
        if bool(_accelerators(text)) != bool(_accelerators(ids[0])):
            faults.append(
                f"{_accelerators(text)} '&' accelerators where the text has {_accelerators(ids[0])}"
            )
    return faults


@pytest.fixture(scope="module")
def marked() -> dict:
    return marked_texts()


@pytest.mark.parametrize("language", SHIPPED)
def test_every_marked_text_is_translated_whole(language: str, marked: dict) -> None:
    path = LOCALE / language / "LC_MESSAGES" / "followup.po"
    assert path.exists(), f"{language}: no catalogue at {path} (run python3 make.py catalogues)"
    catalogue = read_catalogue(path)
    faults = [
        f"{language}: {_short(key[1])} is marked in the code but missing from the .po "
        "(run python3 make.py catalogues)"
        for key in sorted(marked.keys() - keys_of(catalogue), key=str)
    ]
    forms = catalogue.num_plurals
    for message in catalogue:
        shown = message.id if isinstance(message.id, str) else message.id[0]
        if not shown or (message.context, shown) not in marked:
            continue  # the header, or an entry the code no longer marks (reported above)
        faults.extend(
            f"{language}: {_short(shown)}: {fault}" for fault in faults_of(message, forms)
        )
    if faults:
        pytest.fail(_report(language, faults), pytrace=False)


def test_the_committed_template_is_current(marked: dict) -> None:
    """followup.pot holds exactly the texts the code marks (python3 make.py catalogues)."""
    assert TEMPLATE.exists(), "no resources/locale/followup.pot: run python3 make.py catalogues"
    template = keys_of(read_catalogue(TEMPLATE))
    new = sorted(marked.keys() - template, key=str)
    gone = sorted(template - marked.keys(), key=str)
    faults = [f"marked but not in followup.pot: {_short(key[1])}" for key in new]
    faults += [f"in followup.pot but marked nowhere: {_short(key[1])}" for key in gone]
    if faults:
        pytest.fail(_report("followup.pot (run python3 make.py catalogues)", faults), pytrace=False)


@pytest.mark.parametrize(
    ("msgid", "msgstr", "flags", "fault"),
    [
        ("Imported {count}", "{count} geïmporteerd", (), None),
        ("Imported {count}", "{aantal} geïmporteerd", (), "placeholders ['{aantal}']"),
        ("%(n)s left", "nog %s", (), "placeholders ['%s']"),
        ("Dear {{first_name}}", "Beste", (), "placeholders []"),
        ("&File", "Bestand", (), "0 '&' accelerators"),
        ("Fish && chips", "Vis && friet", (), None),
        ("&File", "", (), "not translated"),
        ("&File", "&Bestand", ("fuzzy",), "fuzzy"),
        (("{n} customer", "{n} customers"), ("{n} klant", ""), (), "plural has 1 of 2 forms"),
        (("one customer", "{n} customers"), ("één klant", "{n} klanten"), (), None),
    ],
)
def test_each_kind_of_fault_is_caught(msgid, msgstr, flags, fault) -> None:
    found = faults_of(Message(msgid, msgstr, flags=flags), forms=2)
    if fault is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(fault), found
