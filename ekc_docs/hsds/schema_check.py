"""Incoming services checked against Open Referral's own schema, in Dutch, at their place.

Deviations are warnings: data published by others is often a little off, and the import takes
what it can. The kaart's own checks decide what is kept.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..diagnostics import Diagnostic
from .mapping import shipped_schema
from .source import JsonSource, Loc

_TYPES = {
    "string": "tekst",
    "number": "een getal",
    "integer": "een heel getal",
    "array": "een lijst",
    "object": "een object",
    "boolean": "true of false",
}
_FORMATS = {
    "uuid": "geldige UUID",
    "email": "geldig e-mailadres",
    "uri": "geldig webadres (URI)",
    "date-time": "geldige datum met tijd",
    "date": "geldige datum",
}
#: enough to see what is wrong; a file with thousands of deviations need not list them all
MAX_PER_SERVICE = 20


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(shipped_schema("service"), format_checker=FormatChecker())


def schema_warnings(source: JsonSource, service: dict[str, Any], loc: Loc) -> list[Diagnostic]:
    found = []
    for error in _validator().iter_errors(service):
        found.append(
            source.diagnostic((*loc, *error.absolute_path), "invalid-value", _message(error))
        )
        if len(found) == MAX_PER_SERVICE:
            break
    return found


def _message(error: Any) -> str:
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "type":
        wanted = " of ".join(
            _TYPES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)
        )
        what = f"hoort {wanted} te zijn"
    elif kind == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        what = f"'{missing[0] if missing else expected[0]}' ontbreekt"
    elif kind == "enum":
        what = f"'{value}' is niet toegestaan; kies uit: {', '.join(map(str, expected))}"
    elif kind == "format":
        what = f"'{value}' is geen {_FORMATS.get(expected, 'geldige ' + str(expected))}"
    else:
        what = "dit voldoet niet aan het schema"
    return f"volgens HSDS 3.1: {what}"
