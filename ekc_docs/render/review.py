"""The review at the front of a later version, as plain data: "Hoe het ging" and "Wat er
veranderd is". The comparison itself is `ekc_docs.comparison`, the same one `ekc verschil` uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..comparison import compare_plans, describe
from ..models import Plan
from ..models.plan import UITKOMSTEN, agreement_ids
from .formatting import date_in_words
from .templates import Catalogue

#: outcome → catalogue key of its word; '' is an agreement that got no outcome
OUTCOME_WORDS = {
    "gelukt": "uitkomst_gelukt",
    "deels": "uitkomst_deels",
    "niet-gelukt": "uitkomst_niet_gelukt",
    "": "uitkomst_geen",
}


@dataclass(frozen=True)
class ReviewedAgreement:
    wat: str
    uitkomst: str  # gelukt | deels | niet-gelukt | '' (no outcome)
    woord: str
    toelichting: str


@dataclass(frozen=True)
class FieldChange:
    veld: str
    van: str
    naar: str


@dataclass(frozen=True)
class ChangeItem:
    label: str  # "Afspraak 3" in this version; empty for a stopped agreement
    wat: str
    velden: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Review:
    vorige_versie: int
    datum: str
    afspraken: tuple[ReviewedAgreement, ...]
    telling: tuple[tuple[str, str, int], ...]  # (uitkomst, word, count), outcomes that occur
    wat_we_leerden: str
    nieuw: tuple[ChangeItem, ...]
    gewijzigd: tuple[ChangeItem, ...]
    gestopt: tuple[ChangeItem, ...]


def build_review(
    plan: Plan,
    previous: Plan | None,
    names: Mapping[str, str],
    services: Mapping[str, str],
    t: Catalogue,
) -> Review | None:
    """The review of `previous` recorded in `plan`; None for a first version."""
    if plan.terugblik is None or previous is None:
        return None
    outcomes = {e.id: e for e in plan.terugblik.afspraken}
    reviewed = []
    for ident, agreement in zip(agreement_ids(previous), previous.afspraken, strict=True):
        entry = outcomes.get(ident)
        outcome = (entry.uitkomst or "") if entry is not None else ""
        reviewed.append(
            ReviewedAgreement(
                wat=agreement.wat,
                uitkomst=outcome,
                woord=t(OUTCOME_WORDS[outcome]),
                toelichting=(entry.toelichting or "") if entry is not None else "",
            )
        )
    counts = tuple(
        (o, t(OUTCOME_WORDS[o]), n)
        for o in (*UITKOMSTEN, "")
        if (n := sum(1 for r in reviewed if r.uitkomst == o))
    )
    comparison = compare_plans(previous, plan)
    numbers = {ident: i for i, ident in enumerate(agreement_ids(plan), start=1)}

    def label(ident: str) -> str:
        return t("afspraak_nummer", nummer=numbers[ident])

    def value(field: str, v: str | tuple[str, ...] | None) -> str:
        table = services if field == "hulp" else names
        return describe(field, v, lambda _f, i: table.get(i, i), t("geen_waarde"), t("en"))

    return Review(
        vorige_versie=previous.versie,
        datum=date_in_words(plan.terugblik.datum, t.locale),
        afspraken=tuple(reviewed),
        telling=counts,
        wat_we_leerden=plan.terugblik.wat_we_leerden or "",
        nieuw=tuple(ChangeItem(label(i), a.wat) for i, a in comparison.new),
        gewijzigd=tuple(
            ChangeItem(
                label(c.id),
                c.after.wat,
                tuple(
                    FieldChange(
                        t(f"veld_{f.field}"), value(f.field, f.before), value(f.field, f.after)
                    )
                    for f in c.fields
                ),
            )
            for c in comparison.changed
        ),
        gestopt=tuple(ChangeItem("", a.wat) for _, a in comparison.stopped),
    )
