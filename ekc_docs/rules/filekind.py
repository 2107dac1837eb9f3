"""A case file given where a plan belongs (or the other way round): one clear message.

`ekc plan casus.yml` used to list every plan key as missing and every case key as unknown,
seventeen errors that hide the one mistake. The top-level keys tell the two apart.
"""

from __future__ import annotations

from typing import Literal

from ..diagnostics import Diagnostic, Severity
from ..reader import Document, Mapping

Kind = Literal["casus", "plan"]

#: keys that only one of the two file kinds has
_KEYS: dict[Kind, frozenset[str]] = {
    "casus": frozenset(
        {"casus", "toestemming", "aanmelding", "coordinator", "kinderen", "personen", "soort"}
    ),
    "plan": frozenset(
        {"afspraken", "aanspreekpunt", "vraag", "evaluatie", "als_het_anders_loopt", "akkoord"}
    ),
}
_ADVICE: dict[Kind, str] = {
    "plan": "dit is een casusbestand, geen plan: geef het plan op (plan.yml); de casus ernaast "
    "wordt er vanzelf bij gelezen",
    "casus": "dit is een planbestand, geen casus: een casusbestand zegt wie er betrokken zijn "
    "(casus, personen, kinderen …); noem een plan plan.yml",
}


def wrong_file_kind(document: Document, expected: Kind) -> Diagnostic | None:
    """The diagnostic when `document` is plainly the other kind of file than `expected`."""
    root = document.root
    if not isinstance(root, Mapping):
        return None
    keys = {key.value for key, _ in root.items}
    other: Kind = "casus" if expected == "plan" else "plan"
    if keys & _KEYS[expected] or len(keys & _KEYS[other]) < 2:
        return None
    return Diagnostic(document.display, 1, 1, Severity.ERROR, "invalid-value", _ADVICE[expected])
