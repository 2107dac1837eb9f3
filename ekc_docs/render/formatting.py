"""Dates in words and phone numbers as they are written in their country."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache


@cache
def _babel_locale(locale: str) -> object:
    from babel import Locale

    return Locale.parse(locale)


def date_in_words(day: date, locale: str) -> str:
    """'26 september 2026' in Dutch, '26 September 2026' in British English."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=_babel_locale(locale))  # type: ignore[arg-type]


def phone_display(number: str) -> str:
    """Dutch numbers in the national format (06 12345678), others internationally (+32 2 …)."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return number
    if parsed.country_code == 31:
        return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def phone_link(number: str) -> str:
    """A tel: URI (E.164) so the number can be tapped in the HTML version."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return ""
    return "tel:" + str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def join_names(names: Sequence[str], and_word: str) -> str:
    """'Ria', 'Ria en Karin', 'Ria, Karin en Daan'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {and_word} {names[-1]}"
