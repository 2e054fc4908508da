"""Would a spreadsheet compute this phone-like cell? A recogniser for arithmetic formulas."""

from __future__ import annotations

import re

# After a leading = + - @ a spreadsheet parses the cell as a formula. A phone number uses the
# same characters as arithmetic, so "+49-170-1234567" is a subtraction and
# "-(1)/(2)-3-4-5" a division. A cell is left readable only when it is NOT a well-formed
# expression: "+49 170 1234567" (two numbers with no operator between them) is refused by
# Excel and LibreOffice alike and so stays text.
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_][A-Za-z0-9_.]*)|([-+*/^&%()]))")
_BINARY = set("+-*/^&")


def _tokens(text: str) -> list[tuple[str, str, bool]] | None:
    """(kind, text, space before) for each token; None when something else is in there."""
    found: list[tuple[str, str, bool]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            return None if text[position:].strip() else found
        spaced = match.group(0)[:1].isspace()
        number, name, symbol = match.groups()
        kind = "num" if number else "name" if name else symbol
        found.append((kind, match.group(0).strip(), spaced))
        position = match.end()
    return found


class _Parser:
    """expr := term (op term)*; term := (+|-)* primary %*; primary := num | name | ( expr )."""

    def __init__(self, tokens: list[tuple[str, str, bool]]) -> None:
        self.tokens = tokens
        self.at = 0

    def kind(self) -> str:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else ""

    def expression(self) -> bool:
        if not self.term():
            return False
        while True:
            if self.kind() in _BINARY:
                self.at += 1
            elif self._intersection():
                pass  # Excel's space operator between names: valid syntax, so a formula
            else:
                return True
            if not self.term():
                return False

    def _intersection(self) -> bool:
        if self.kind() not in ("name", "(") or not self.tokens[self.at][2]:
            return False
        previous = self.tokens[self.at - 1][0]
        return previous == "name" or self.kind() == "name"

    def term(self) -> bool:
        while self.kind() in ("+", "-"):
            self.at += 1
        if self.kind() in ("num", "name"):
            self.at += 1
        elif self.kind() == "(":
            self.at += 1
            if not self.expression() or self.kind() != ")":
                return False
            self.at += 1
        else:
            return False
        while self.kind() == "%":
            self.at += 1
        return True


def is_formula(text: str) -> bool:
    """True when `text`, read as a spreadsheet formula (after its = + - or @), is well formed."""
    body = text[1:] if text[:1] in ("=", "@") else text
    tokens = _tokens(body)
    if not tokens:
        return tokens is None  # unknown characters: assume the worst
    parser = _Parser(tokens)
    return parser.expression() and parser.at == len(tokens)
