"""`placeholder`: a value still holds the example text that `ekc new` put there (contract §6).

An untouched scaffold is valid YAML with valid values, so without this rule it would print
"Plan voor «voornaam van het kind»". The example values are listed in one place, beside the
scaffold (`ekc_docs/scaffold/voorbeeldwaarden.txt`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..diagnostics import Diagnostic
from ..reader import Document, scalar_values
from .report import Report

EXAMPLES_FILE = Path(__file__).resolve().parent.parent / "scaffold" / "voorbeeldwaarden.txt"
#: the marker of the first scaffolds; a value holding it was not filled in either
MARKER = "«VERVANG»"


@cache
def example_values() -> frozenset[str]:
    """The scaffold's example values (the list file: one a line, `#` starts a comment line)."""
    lines = EXAMPLES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


#: where `ekc versie` leaves an outcome to fill in (see `review-incomplete`)
OUTCOME = ("terugblik", "afspraken", "uitkomst")


def check_placeholders(document: Document) -> list[Diagnostic]:
    """An error at every value (not key) that is still an example value; without recursion.

    The outcomes `ekc versie` leaves to fill in (`terugblik.afspraken[].uitkomst`) are not
    reported here: an agreement without an outcome is `review-incomplete`, a warning.
    """
    examples = example_values()
    report = Report(document)
    for keys, node in scalar_values(document.root):
        if (node.value.strip() in examples or MARKER in node.value) and keys != OUTCOME:
            report.add_at(
                node,
                "placeholder",
                f"'{node.value.strip()}' is een voorbeeldwaarde van ekc new: vul de echte "
                "gegevens in (of haal de regel weg als die mag weg); tot dan wordt er geen "
                "plan afgedrukt",
            )
    return sorted(report.items)
