"""Field types shared by the models.

Every YAML scalar arrives as a string (see `reader`); these types give it its meaning and say,
in Dutch, what is wrong when it cannot have one. Contact values get their own error types so
that they surface under the contract's codes `phone`, `email`, `url` and `postcode`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic import BaseModel as _PydanticModel
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[A-Za-z0-9_-]+$"
#: limits (contract §2): a plan is a few pages, not a book
MAX_ID_LENGTH = 100
MAX_TEXT_LENGTH = 5000
MAX_PERSONEN, MAX_KINDEREN, MAX_AFSPRAKEN, MAX_VOORWAARDEN = 100, 20, 200, 50
_ID = re.compile(ID_PATTERN)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT = re.compile(r"^[0-9]{1,9}$")
_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")


class Model(_PydanticModel):
    """Base of every model: unknown keys are refused, values are never guessed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def invalid(message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError("invalid_value", message, context or None)


# --- plain values ---------------------------------------------------------------------------


def _check_id(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise invalid(
            "deze id is {length} tekens lang; een id is hoogstens {limit} tekens: kies een "
            "korte naam",
            length=len(value),
            limit=MAX_ID_LENGTH,
        )
    if not _ID.match(value):
        raise invalid(
            "'{value}' is geen geldige id: gebruik alleen letters, cijfers, '-' en '_' "
            "(geen spaties)",
            value=value,
        )
    return value


def _parse_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not _DATE.match(text):
        raise invalid(
            "'{value}' is geen datum: schrijf jaar-maand-dag, bijvoorbeeld 2026-10-10",
            value=value,
        )
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise invalid("'{value}' bestaat niet als datum", value=value) from None


def _parse_bool(value: Any) -> Any:
    if isinstance(value, str):
        if value == "true":
            return True
        if value == "false":
            return False
        raise invalid(
            "hier staat '{value}'; schrijf true (ja) of false (nee), zonder aanhalingstekens",
            value=value,
        )
    return value


def _int_between(low: int, high: int) -> Any:
    """A whole number from `low` to `high`; the message says the range (not Python's words)."""

    def parse(value: Any) -> Any:
        text = value.strip() if isinstance(value, str) else None
        if text is None:
            return value
        if not (_INT.match(text) and low <= int(text) <= high):
            shown = text if len(text) <= 20 else text[:20] + "…"
            raise invalid(
                "'{value}' kan hier niet: schrijf een heel getal van {low} tot en met {high}",
                value=shown,
                low=low,
                high=high,
            )
        return int(text)

    return parse


def _one_or_more(value: Any) -> Any:
    """`zorgen: "…"` means the same as a list with that one text."""
    return [value] if isinstance(value, str) else value


def _one_id_or_more(value: Any) -> Any:
    """`wie: ria` means the same as `wie: [ria]`; `wie: ria, joke` is a list written wrongly."""
    if isinstance(value, str):
        if "," in value:
            names = ", ".join(part.strip() for part in value.split(","))
            raise invalid(
                "'{value}' is één tekst, geen lijst: schrijf meer ids tussen blokhaken, zo: "
                "[{names}]",
                value=value,
                names=names,
            )
        return [value]
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID_LENGTH}),
]
Datum = Annotated[date, BeforeValidator(_parse_date)]
Vlag = Annotated[bool, BeforeValidator(_parse_bool)]


class FreeText:
    """Marks a field as free text in the family's words (where a ` #` would cut text off)."""


FREE_TEXT = FreeText()

Tekst = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_LENGTH), FREE_TEXT]
#: a file path, which is no free text (a comment after it cuts nothing off)
Pad = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_LENGTH)]
IdLijst = Annotated[list[Id], BeforeValidator(_one_id_or_more), Field(min_length=1)]
TekstLijst = Annotated[list[Tekst], BeforeValidator(_one_or_more)]
Leeftijd = Annotated[int, BeforeValidator(_int_between(0, 120)), Field(ge=0, le=120)]
Versie = Annotated[int, BeforeValidator(_int_between(1, 999)), Field(ge=1, le=999)]


# --- contact values -------------------------------------------------------------------------


def _check_phone(value: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise PydanticCustomError(
            "phone",
            "'{value}' is geen geldig telefoonnummer; schrijf het zoals je het belt, "
            "bijvoorbeeld 06 12345678, 038 123 45 67 of +32 2 555 12 12",
            {"value": value},
        )
    return value


def _check_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        raise PydanticCustomError(
            "email",
            "'{value}' is geen geldig e-mailadres ({reason})",
            {"value": value, "reason": _email_reason(str(exc))},
        ) from None
    return value


def _email_reason(reason: str) -> str:
    if "exactly one @-sign" in reason:
        return "er moet precies één @ in staan"
    if "must have an @-sign" in reason:
        return "er ontbreekt een @"
    if "after the @-sign" in reason:
        return "na de @ ontbreekt de naam van het domein, zoals example.org"
    if "before the @-sign" in reason:
        return "voor de @ ontbreekt de naam"
    if "period" in reason or "domain" in reason.lower():
        return "het deel na de @ klopt niet"
    return "controleer de schrijfwijze"


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or " " in value:
        raise PydanticCustomError(
            "url",
            "'{value}' is geen geldig webadres; begin met https://, bijvoorbeeld "
            "https://www.example.org",
            {"value": value},
        )
    return value


def _check_postcode(value: str) -> str:
    match = _POSTCODE.match(value.strip())
    if not match or match.group(2).upper() in ("SA", "SD", "SS"):
        raise PydanticCustomError(
            "postcode",
            "'{value}' is geen Nederlandse postcode; schrijf vier cijfers en twee letters, "
            "bijvoorbeeld 8011 AB",
            {"value": value},
        )
    return f"{match.group(1)} {match.group(2).upper()}"


@cache
def known_languages() -> frozenset[str]:
    """ISO 639-1 codes Babel knows a name for."""
    from babel import Locale

    return frozenset(str(code) for code in Locale("nl").languages if len(str(code)) == 2)


def _check_language(value: str) -> str:
    if value not in known_languages():
        raise invalid(
            "'{value}' is geen taalcode; gebruik de code van twee letters uit ISO 639-1, "
            "bijvoorbeeld nl, en, ar, tr of pl",
            value=value,
        )
    return value


Telefoon = Annotated[
    str,
    AfterValidator(_check_phone),
    WithJsonSchema({"type": "string", "examples": ["06 12345678"]}),
]
Email = Annotated[
    str, AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})
]
Url = Annotated[
    str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri"})
]
Postcode = Annotated[
    str,
    AfterValidator(_check_postcode),
    WithJsonSchema({"type": "string", "pattern": _POSTCODE.pattern}),
]
Taal = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": "^[a-z]{2}$"}),
]
