"""YAML syntax errors in Dutch, at the place a coordinator has to change.

The parser says where it gave up, in English; that is often a line or more after the mistake
(`naam:Joke` is noticed on the next line, an unclosed quote at the end of the file). Here the
text is looked at again to find the mistake itself, and the hint is Dutch only.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

#: `naam:Joke`: a key, a colon and no space (so YAML does not see a key at all)
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])")
#: a value that opens a quote and does not close it on the same line
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#"':][^#"':]*:\s+)?(["'])(?!.*\1\s*(?:#.*)?$)""")
_TAB_INDENT = re.compile(r"^[ ]*\t")

_HINTS = (
    (
        "mapping values are not allowed",
        "hier staat een dubbele punt die niet past; zet tekst met ': ' tussen aanhalingstekens, "
        "of controleer de inspringing",
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet, of er ontbreekt een dubbele punt na een sleutel",
    ),
    ("did not find expected '-' indicator", "de inspringing van deze lijst klopt niet"),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op; ontbreekt er een afsluitend aanhalingsteken of haakje?",
    ),
    ("found undefined alias", "verwijzingen ('*') zijn niet toegestaan"),
    (
        "found character that cannot start any token",
        "dit teken kan hier niet staan; zet de waarde tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na de sleutel"),
    ("did not find expected node content", "hier ontbreekt een waarde"),
    (
        "found unknown escape character",
        "onbekende code na een backslash; gebruik enkele aanhalingstekens of verdubbel de backslash",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet; staan alle sleutels van hetzelfde blok recht onder elkaar?",
    ),
    ("found duplicate anchor", "ankers ('&') zijn niet toegestaan"),
    (
        "while scanning a simple key",
        "een sleutel zonder dubbele punt, of een sleutel die te lang is",
    ),
    ("while scanning an anchor", "ankers ('&') zijn niet toegestaan"),
    ("while scanning an alias", "verwijzingen ('*') zijn niet toegestaan"),
    ("while parsing a flow", "een lijst of blok tussen haakjes wordt niet goed afgesloten"),
)
_TAB = "er staat een tab; spring in met spaties, niet met tabs"


def explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, Dutch message) for a parser error: at the mistake, not where YAML noticed."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    lines = text.splitlines()
    context = exc.context_mark
    first = context.line if context is not None else max(line - 2, 0)
    found = (
        _tab_indent(lines, first, line)
        or _quote_not_closed(exc, lines, line)
        or _no_space_after_colon(lines, first, line)
    )
    if found is not None:
        return found
    hint = next((h for needle, h in _HINTS if needle in detail), None)
    if "tab" in detail or "'\\t'" in detail:
        hint = _TAB
    return (
        line,
        column,
        "ongeldige YAML: " + (hint or "controleer inspringing, dubbele punten en aanhalingstekens"),
    )


def _tab_indent(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """A tab in the indentation of a line near the error."""
    for index in range(max(first, 0), min(last, len(lines))):
        found = _TAB_INDENT.match(lines[index])
        if found is not None:
            return index + 1, found.end(), f"ongeldige YAML: {_TAB}"
    return None


def _quote_not_closed(exc: Any, lines: list[str], last: int) -> tuple[int, int, str] | None:
    """The opening quote of a text that is not closed on its line (the nearest before `last`)."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        mark = exc.context_mark
        quote = lines[mark.line][mark.column] if mark.line < len(lines) else '"'
        return mark.line + 1, mark.column + 1, _unclosed(quote)
    # otherwise only when YAML stumbled right after a quote: the one meant to open a text
    # that closed an earlier, unclosed one (`vraag: "Hoe gaat het?` … `wat: "y"`)
    mark = exc.problem_mark
    if (
        mark is None
        or mark.line >= len(lines)
        or lines[mark.line][mark.column - 1 : mark.column] not in ('"', "'")
    ):
        return None
    for index in range(min(last, len(lines)) - 1, -1, -1):
        found = _OPEN_QUOTE.match(lines[index])
        if found is not None:
            return index + 1, found.start(1) + 1, _unclosed(found.group(1))
    return None


def _unclosed(quote: str) -> str:
    return (
        f"ongeldige YAML: dit aanhalingsteken ({quote}) wordt niet afgesloten; zet aan het eind "
        f"van de tekst ook een {quote}"
    )


def _no_space_after_colon(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """`naam:Joke`: YAML reads one word and misses the key; say so on that line."""
    for index in range(max(first, 0), min(last, len(lines))):
        found = _NO_SPACE.match(lines[index])
        if found is not None:
            key, rest = found.group(2), lines[index][found.end() :].strip()
            return (
                index + 1,
                found.end() + 1,
                f"ongeldige YAML: na de dubbele punt hoort een spatie: schrijf '{key}: {rest}'",
            )
    return None
