"""Merge-field templates: {{field}} placeholders, checked when saved, rendered for a touchpoint."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.dto.plans import FieldProblem
from app.errors import ValidationError
from app.i18n import N_, _

FIELD_PATTERN = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# Every field a template may use, with what it holds (shown in the template editor, in the
# interface language: translate with _() where shown).
MERGE_FIELDS: dict[str, str] = {
    "greeting": N_("The salutation by the customer's rule, without the comma: Dear Maria"),
    "customer_address": N_("The customer as the salutation names them: Maria, or Ms Becker"),
    "customer_name": N_("The customer's full name"),
    "customer_first_name": N_("The customer's first name"),
    "company": N_("The customer's company"),
    "customer_job_title": N_("The customer's job title"),
    "postal_address": N_("The customer's postal address, one line each (for letters)"),
    "customer_email": N_("The customer's e-mail"),
    "customer_phone": N_("The customer's phone"),
    "sale_description": N_("What was sold"),
    "sale_amount": N_("The sale's amount with currency"),
    "closed_on": N_("The day the sale closed"),
    "delivery_date": N_("The actual, else the promised, delivery date"),
    "next_steps": N_("What happens next, as the customer will see it (the delivery check)"),
    "value_item": N_(
        "What you bring, with its link: the library item you choose for this follow-up"
    ),
    "value_why": N_("Why it matters to them: the line you wrote for the library item"),
    "my_name": N_("Your name"),
    "my_title": N_("Your title"),
    "my_company": N_("Your company"),
    "my_phone": N_("Your phone"),
    "my_mobile": N_("Your mobile"),
    "my_email": N_("Your e-mail"),
    "my_website": N_("Your web site"),
    "today": N_("Today's date"),
}


def find_problems(text: str) -> list[FieldProblem]:
    """Unknown or malformed {{fields}} in text."""
    problems = [
        FieldProblem(match.group(1), match.start(), match.end())
        for match in FIELD_PATTERN.finditer(text)
        if match.group(1) not in MERGE_FIELDS
    ]
    # A lone "{{" without its closing pair is a typo the user wants to hear about too.
    stripped = FIELD_PATTERN.sub(lambda m: " " * len(m.group(0)), text)
    for match in re.finditer(r"\{\{|\}\}", stripped):
        problems.append(FieldProblem(match.group(0), match.start(), match.end()))
    return sorted(problems, key=lambda problem: problem.start)


def check_template(text: str, what: str) -> str:
    """Raise ValidationError naming the first unknown field; the text is returned unchanged."""
    problems = find_problems(text)
    if problems:
        names = ", ".join(dict.fromkeys(f"{{{{{p.name}}}}}" for p in problems))
        raise ValidationError(
            _("{what} uses unknown merge field(s): {names}").format(what=what, names=names),
            _("Known fields: {fields}.").format(fields=", ".join(MERGE_FIELDS)),
        )
    return text


# What is left of a line once its (empty) fields are gone: a label, punctuation or nothing.
LABEL_ONLY = re.compile(r"[\s,;|/·-]*(?:[\w .&/-]*:)?[\s,;|/·-]*")


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill the fields (missing values become empty). A line whose fields are all empty and
    that holds nothing else but a label ("Mobile: ") is dropped, so letters never show
    blank contact lines; the separator beside an empty field goes with it, so
    "{{my_title}}, {{my_company}}" reads "Forklift World" without a title. A line that
    introduced lines now all gone ("You can reach me directly:") ends its sentence instead."""
    lines: list[str] = []
    intro: int | None = None  # the kept line ending in ":" whose block is being dropped
    for line in text.split("\n"):
        names = [match.group(1) for match in FIELD_PATTERN.finditer(line)]
        if names and not any(values.get(name) for name in names):
            rest = FIELD_PATTERN.sub("", line)
            if LABEL_ONLY.fullmatch(rest):
                if intro is None and lines and lines[-1].rstrip().endswith(":"):
                    intro = len(lines) - 1
                continue
        if intro is not None and not line.strip():
            lines[intro] = _end_sentence(lines[intro])
        intro = None
        lines.append(_fill_line(line, values))
    if intro is not None:
        lines[intro] = _end_sentence(lines[intro])
    return "\n".join(lines)


def _end_sentence(line: str) -> str:
    return line.rstrip()[:-1] + "."


def _fill_line(line: str, values: Mapping[str, str]) -> str:
    """One line filled; an empty value takes with it the separator that joined it to the
    next value (or, at the end of the line, to the one before)."""
    parts: list[str] = []  # text, value, text, value, ..., text
    last = 0
    for match in FIELD_PATTERN.finditer(line):
        parts += [line[last : match.start()], values.get(match.group(1), "")]
        last = match.end()
    parts.append(line[last:])
    for index in range(1, len(parts), 2):
        if parts[index]:
            continue
        before, after = parts[index - 1], parts[index + 1]
        if before.endswith("(") and after.startswith(")"):
            # "Call {{name}} ({{phone}})" without a phone: no "()" left behind.
            parts[index - 1], parts[index + 1] = before[:-1].rstrip(), after[1:]
            continue
        starts = not before.strip() or _SEPARATOR_END.search(before)
        if starts and _SEPARATOR_START.match(after):
            # "{{title}}, {{company}}" without a title, "a, {{x}}, b" without x.
            parts[index + 1] = _SEPARATOR_START.sub("", after, count=1)
        elif (not after.strip() or _SENTENCE_END.match(after)) and _SEPARATOR_END.search(before):
            # "{{title}}, {{company}}" without a company; "How is it going, {{name}}?"
            # without a name closes the sentence where the name would have been.
            parts[index - 1] = _SEPARATOR_END.sub("", before, count=1)
    return "".join(parts)


# A separator between two values: ", " " · " " | " " / " "; ".
_SEPARATOR_START = re.compile(r"\s*[,;|/·]\s*")
_SEPARATOR_END = re.compile(r"\s*[,;|/·]\s*$")
# What ends a sentence right after a field: "?", "!", "." (then the line or a space).
_SENTENCE_END = re.compile(r"[?!.](?:\s|$)")
