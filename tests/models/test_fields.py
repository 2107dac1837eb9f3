"""Contact values and the BSN check, as people really write them."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from ekc_docs.models.fields import Email, Postcode, Telefoon, Url
from ekc_docs.rules.bsn import find_bsn, passes_elfproef


def _error_type(annotation: object, value: str) -> str | None:
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as exc:
        return str(exc.errors()[0]["type"])
    return None


@pytest.mark.parametrize(
    "number",
    [
        "06 12345678",
        "06-12345678",
        "0612345678",
        "+31 6 1234 5678",
        "+31612345678",
        "088 123 45 67",
        "038 123 45 67",
        "020-1234567",
        "0800 1234",
        "+32 2 555 12 12",
        "+44 20 7946 0958",
        "+49 30 1234567",
        "(038) 123 45 67",
    ],
)
def test_phone_numbers_people_write(number: str) -> None:
    assert _error_type(Telefoon, number) is None


@pytest.mark.parametrize(
    "number", ["06 1234567", "12345", "geen", "06-123456789", "+31 6 1234", ""]
)
def test_malformed_phone_numbers(number: str) -> None:
    assert _error_type(Telefoon, number) == "phone"


@pytest.mark.parametrize(
    "address", ["ria@example.org", "jan.de.vries+ekc@example.org", "a@b.example.org"]
)
def test_email_addresses(address: str) -> None:
    assert _error_type(Email, address) is None


@pytest.mark.parametrize(
    "address",
    [
        "ria",
        "ria@",
        "@example.org",
        "ria@@example.org",
        "ria@example",
        "ria at example.org",
        "ria@exa mple.org",
    ],
)
def test_malformed_email_addresses(address: str) -> None:
    assert _error_type(Email, address) == "email"


@pytest.mark.parametrize(
    ("code", "normalised"), [("8011 AB", "8011 AB"), ("8011AB", "8011 AB"), ("8011 ab", "8011 AB")]
)
def test_postcodes(code: str, normalised: str) -> None:
    assert TypeAdapter(Postcode).validate_python(code) == normalised


@pytest.mark.parametrize("code", ["0801 AB", "8011", "8011 A", "8011 SS", "80111 AB", "AB 8011"])
def test_malformed_postcodes(code: str) -> None:
    assert _error_type(Postcode, code) == "postcode"


@pytest.mark.parametrize("url", ["https://www.example.org", "http://example.org/jeugd?x=1"])
def test_urls(url: str) -> None:
    assert _error_type(Url, url) is None


@pytest.mark.parametrize(
    "url",
    [
        "www.example.org",
        "ftp://example.org",
        "https://",
        "https://exa mple.org",
        "javascript:alert(1)",
        "https://localhost",
    ],
)
def test_malformed_urls(url: str) -> None:
    assert _error_type(Url, url) == "url"


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("999999999", False),
        ("999999990", True),
    ],
)
def test_elfproef(digits: str, valid: bool) -> None:
    assert passes_elfproef(digits) is valid


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("BSN 111222333.", "111222333"),
        ("bsn: 1112.22.333", "1112.22.333"),
        ("nummer 111 222 333", "111 222 333"),
        ("kenmerk 123456789", None),  # fails the 11-proef
        ("telefoon 0611122233", None),  # ten digits: a phone number, not a BSN
        ("+31 111222333", None),  # an international phone number
        ("1111222333", None),  # part of a longer number
        ("datum 2026-10-10", None),
    ],
)
def test_find_bsn(text: str, found: str | None) -> None:
    assert find_bsn(text) == found
