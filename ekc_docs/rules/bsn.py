"""No BSN in any file: every 9-digit number that passes the 11-proef is refused."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..elfproef import find_bsn, passes_elfproef
from ..reader import Document, scalar_values
from .report import Report

__all__ = ["check_bsn", "find_bsn", "passes_elfproef"]


def check_bsn(document: Document) -> list[Diagnostic]:
    """Look at every value (not the keys) of the file, without recursion."""
    report = Report(document)
    for _, node in scalar_values(document.root):
        if len(node.value) >= 9 and (number := find_bsn(node.value)):
            report.add_at(
                node,
                "bsn",
                f"hier staat een burgerservicenummer ({_mask(number)}); een BSN hoort nooit in "
                "een plan of casus: haal het weg",
            )
    return report.items


def _mask(number: str) -> str:
    """Never print the whole number back: the output may end up in a CI log."""
    return "•" * (len(number) - 3) + number[-3:]
