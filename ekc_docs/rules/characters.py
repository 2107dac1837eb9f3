"""`unsupported-character`: a character that none of the bundled fonts can print.

Such a character would come out of the printer as an empty box (or in a stray system font):
the family would read a plan with holes in it. Spaces and invisible formatting characters
(direction marks, joiners) are never printed as glyphs and so never reported.
"""

from __future__ import annotations

import unicodedata

from ..diagnostics import Diagnostic
from ..fonts import covered_code_points
from ..reader import Document, scalar_values
from .report import Report

_INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")


def unsupported(text: str) -> list[str]:
    """The characters of `text` the bundled fonts lack, each once, in order."""
    if text.isascii():
        return []
    covered = covered_code_points()
    found: dict[str, None] = {}
    for ch in text:
        point = ord(ch)
        if point > 127 and point not in covered and unicodedata.category(ch) not in _INVISIBLE:
            found.setdefault(ch, None)
    return list(found)


def check_characters(document: Document) -> list[Diagnostic]:
    """Look at every value (not the keys) of the file, without recursion."""
    report = Report(document)
    for _, node in scalar_values(document.root):
        if missing := unsupported(node.value):
            shown = ", ".join(f"U+{ord(ch):04X} ({ch})" for ch in missing[:5])
            more = f" en nog {len(missing) - 5}" if len(missing) > 5 else ""
            which, verb = ("het teken", "staat") if len(missing) == 1 else ("de tekens", "staan")
            report.add_at(
                node,
                "unsupported-character",
                f"{which} {shown}{more} {verb} niet in de lettertypen van het plan en zou "
                "als een leeg vakje worden afgedrukt; schrijf het anders of laat het weg",
                warning=True,
            )
    return sorted(report.items, key=lambda d: (d.line, d.column))
