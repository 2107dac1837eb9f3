"""Diagnostics themselves never repeat a BSN, whichever rule made them (contract §7)."""

from __future__ import annotations

import json

from ekc_docs.diagnostics import Diagnostic, Severity, format_json


def _diagnostic(message: str) -> Diagnostic:
    return Diagnostic("plan.yml", 3, 7, Severity.ERROR, "phone", message)


def test_a_number_passing_the_elfproef_is_masked_in_text_and_json() -> None:
    for written in ("123456782", "1234.56.782", "123 456 782"):
        diagnostic = _diagnostic(f"'{written}' is geen geldig telefoonnummer")
        assert diagnostic.message == "'[bsn]' is geen geldig telefoonnummer"
        assert written not in diagnostic.as_text()
        assert written not in format_json([diagnostic])
        assert json.loads(format_json([diagnostic]))[0]["message"].startswith("'[bsn]'")


def test_other_numbers_are_left_alone() -> None:
    for text in ("'123456789' is geen geldig telefoonnummer", "regel 1234567890", "0612345678"):
        assert _diagnostic(text).message == text
