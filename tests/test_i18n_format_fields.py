"""Every translated text formatted in place names exactly the fields its msgid has.

A field renamed in the msgid but not in .format() (or the other way round) is a KeyError the
user meets as "unexpected internal error"; this finds it without running the code path."""

from __future__ import annotations

import ast
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GETTEXT = {"_", "ngettext"}


def _msgids(call: ast.expr) -> list[str]:
    """The literal msgids of _("...") / ngettext("...", "...", n), or of both branches of
    `_("a") if x else _("b")`."""
    if isinstance(call, ast.IfExp):
        return _msgids(call.body) + _msgids(call.orelse)
    if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in GETTEXT:
        return [
            a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
    return []


def _fields(msgid: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(msgid)
        if name
    }


def mismatches(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    where = path.relative_to(root)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        msgids = _msgids(node.func.value) if node.func.attr == "format" else []
        if not msgids or node.args or any(k.arg is None for k in node.keywords):
            continue
        given = {k.arg for k in node.keywords if k.arg is not None}
        for msgid in msgids:
            if missing := _fields(msgid) - given:
                found.append(f"{where}:{node.lineno}: {sorted(missing)} not given")
        if unused := given - set().union(*(_fields(m) for m in msgids)):
            found.append(f"{where}:{node.lineno}: {sorted(unused)} not in the text")
    return found


def test_every_formatted_translation_names_its_fields() -> None:
    files = sorted(p for layer in ("app", "ui", "models") for p in (ROOT / layer).rglob("*.py"))
    assert files
    assert [line for path in files for line in mismatches(path)] == []


def test_a_misnamed_field_is_found(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('_("cannot {doing}: {error}").format(doing=1, eror=2)\n', encoding="utf-8")
    assert mismatches(bad, tmp_path) == [
        "bad.py:1: ['error'] not given",
        "bad.py:1: ['eror'] not in the text",
    ]
