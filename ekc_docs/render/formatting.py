"""Phone numbers as they are written in their country, and names joined in a sentence.

`date_in_words` lives in `ekc_docs.dates`; it is re-exported here for the templates.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import date_in_words


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


__all__ = ["date_in_words", "join_names", "phone_display", "phone_link"]
