"""What HSDS needs beyond the kaart's own rules, checked before anything is exported."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..models import Kaart
from ..reader import Document
from ..rules.report import Report
from ..workspace import LoadedKaart


def check_exportable(kaart: LoadedKaart) -> list[Diagnostic]:
    """What HSDS needs beyond the kaart's own rules: a provincie wherever there are addresses."""
    diagnostics: list[Diagnostic] = []
    for k, document in kaart.kaarten:
        if k.provincie is None and any(loc.adres for s in k.voorzieningen for loc in s.locaties):
            diagnostics += _missing_province(k, document)
    return diagnostics


def _missing_province(k: Kaart, document: Document) -> list[Diagnostic]:
    report = Report(document)
    report.add(
        ("provincie",),
        "missing-key",
        f"de sleutel 'provincie' ontbreekt; de open data (HSDS) vragen bij elk adres de "
        f"provincie: voeg bijvoorbeeld 'provincie: Overijssel' toe onder 'gemeente: {k.gemeente}'",
    )
    return report.items
