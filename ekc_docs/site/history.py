"""The history of an example case on the site: each version, its date, how its review went,
and its PDF (the page's template `voorbeelden/history.html.j2` shows it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..case import CheckedPlan
from ..dates import date_in_words
from ..models.plan import UITKOMSTEN, agreement_ids

#: how each outcome reads on the site (the site is Dutch)
OUTCOME_WORDS = {"gelukt": "gelukt", "deels": "deels gelukt", "niet-gelukt": "niet gelukt"}


@dataclass(frozen=True)
class HistoryRow:
    versie: int
    datum: str
    uitkomsten: tuple[tuple[str, int], ...]  # (word, count) of the review of the version before
    open: int  # agreements of the version before without an outcome
    pdf: str  # the PDF's URL, relative to the page


def version_history(plans: Sequence[tuple[CheckedPlan, str]]) -> list[HistoryRow]:
    """One row per version, oldest first; `plans` are (plan, URL of its PDF)."""
    rows = []
    for checked, pdf in plans:
        plan, previous = checked.plan, checked.previous
        outcomes: dict[str, int] = {}
        missing = 0
        if plan.terugblik is not None and previous is not None:
            given = {e.id: e.uitkomst for e in plan.terugblik.afspraken}
            for ident in agreement_ids(previous):
                outcome = given.get(ident)
                if outcome is None:
                    missing += 1
                else:
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
        rows.append(
            HistoryRow(
                versie=plan.versie,
                datum=date_in_words(plan.datum, "nl_NL"),
                uitkomsten=tuple(
                    (OUTCOME_WORDS[o], outcomes[o]) for o in UITKOMSTEN if o in outcomes
                ),
                open=missing,
                pdf=pdf,
            )
        )
    return sorted(rows, key=lambda r: r.versie)
