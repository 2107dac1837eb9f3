"""Rules across the plan versions of one case (contract §3, "Versions and the review").

The versions of a case sit side by side in its folder (`plan.yml`, `plan-2.yml` …). These rules
see all of them at once: each `versie` once, no gaps, dates in order, and a `terugblik` from
version 2 on that reviews every agreement of the version before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..models.plan import Plan, agreement_ids, implicit_id
from ..reader import Document, Loc, Mapping, Scalar
from .report import Report


@dataclass(frozen=True)
class PlanVersion:
    """One plan file of a case; `plan` is None when the file did not validate."""

    path: Path
    plan: Plan | None
    document: Document

    @property
    def versie(self) -> int | None:
        """The version number, read from the file itself when the model could not be built."""
        if self.plan is not None:
            return self.plan.versie
        root = self.document.root
        pair = root.get("versie") if isinstance(root, Mapping) else None
        if pair is None:
            return 1 if isinstance(root, Mapping) else None
        value = pair[1].value.strip() if isinstance(pair[1], Scalar) else ""
        return int(value) if value.isdigit() and len(value) < 4 else None


def natural_key(path: Path) -> tuple[object, ...]:
    """`plan.yml` < `plan-2.yml` < `plan-10.yml`: numbers in a name compare as numbers."""
    parts = re.split(r"(\d+)", path.name)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def order_versions(versions: Sequence[PlanVersion]) -> list[PlanVersion]:
    """By version number, then by file name; files without a readable number last."""
    return sorted(versions, key=lambda v: (v.versie is None, v.versie or 0, natural_key(v.path)))


def previous_versions(versions: Sequence[PlanVersion]) -> dict[Path, PlanVersion]:
    """For each file, the version just before it (the first file holding versie N-1)."""
    first: dict[int, PlanVersion] = {}
    for version in order_versions(versions):
        if version.versie is not None:
            first.setdefault(version.versie, version)
    return {
        v.path: first[v.versie - 1]
        for v in versions
        if v.versie is not None and v.versie - 1 in first
    }


# --- one plan: explicit and implicit agreement ids --------------------------------------------


def check_agreement_ids(plan: Plan, report: Report) -> None:
    """`duplicate-id` for an agreement id used twice, implicit ids (a1, a2 …) included."""
    seen: dict[str, tuple[Loc, bool]] = {}
    for i, agreement in enumerate(plan.afspraken):
        ident = agreement.id or implicit_id(i)
        loc: Loc = ("afspraken", i, "id") if agreement.id else ("afspraken", i)
        if ident not in seen:
            seen[ident] = (loc, agreement.id is None)
            continue
        first_loc, first_implicit = seen[ident]
        line, _ = report.position(first_loc)
        if agreement.id is None:
            message = (
                f"deze afspraak heeft geen id en heet daarom '{ident}' (naar haar plaats), maar "
                f"'{ident}' is al de id van de afspraak op regel {line}; geef deze afspraak een "
                "eigen id"
            )
        elif first_implicit:
            message = (
                f"de id '{ident}' is ook de id van de afspraak zonder id op regel {line} (die "
                f"heet '{ident}' naar haar plaats); kies hier een andere id of geef die afspraak "
                "een eigen id"
            )
        else:
            message = (
                f"de id '{ident}' is al gebruikt voor een afspraak op regel {line}; "
                "geef elke id een eigen naam"
            )
        report.add(loc, "duplicate-id", message)


# --- all versions of one case ---------------------------------------------------------------


def check_versions(versions: Sequence[PlanVersion]) -> list[Diagnostic]:
    """Every problem between the versions of one case, each in the file it is about."""
    ordered = order_versions(versions)
    numbers = {v.versie for v in ordered if v.versie is not None}
    previous = previous_versions(ordered)
    first_of: dict[int, PlanVersion] = {}
    diagnostics: list[Diagnostic] = []
    for version in ordered:
        report = Report(version.document)
        number = version.versie
        if number is not None:
            if number in first_of:
                _duplicate(version, first_of[number], report)
            else:
                first_of[number] = version
            if number > 1 and number - 1 not in numbers:
                report.add(
                    ("versie",),
                    "invalid-value",
                    f"dit is versie {number}, maar versie {number - 1} ontbreekt in deze map; "
                    "versies tellen door zonder gaten (1, 2, 3 …)",
                )
        if version.plan is not None:
            _check_review(version, version.plan, previous.get(version.path), report)
        diagnostics += report.items
    return diagnostics


def _duplicate(version: PlanVersion, first: PlanVersion, report: Report) -> None:
    report.add(
        ("versie",),
        "duplicate-id",
        f"versie {version.versie} staat ook in {first.path.name}; elke versie komt één keer "
        f"voor in een casus: geef dit plan het volgende nummer of haal een van beide weg",
    )


def _check_review(
    version: PlanVersion, plan: Plan, previous: PlanVersion | None, report: Report
) -> None:
    before = previous.plan if previous is not None else None
    name = previous.path.name if previous is not None else ""
    if before is not None and plan.datum < before.datum:
        report.add(
            ("datum",),
            "date-order",
            f"versie {plan.versie} ({plan.datum}) is ouder dan versie {before.versie} "
            f"({before.datum}, {name}); een nieuwe versie wordt na de vorige gemaakt",
        )
    review = plan.terugblik
    if review is None:
        if plan.versie > 1:
            report.add(
                ("terugblik",),
                "missing-key",
                f"de sleutel 'terugblik' ontbreekt: versie {plan.versie} begint met de "
                f"terugblik op versie {plan.versie - 1} (de datum van de evaluatie en hoe elke "
                "afspraak ging)",
            )
        return
    if plan.versie == 1:
        report.add(
            ("terugblik",),
            "invalid-value",
            "versie 1 heeft geen vorige versie om op terug te blikken; haal 'terugblik' weg "
            "of verhoog 'versie'",
            at_key=True,
        )
        return
    if before is None:
        return  # the previous version is missing or unreadable: reported on its own
    if review.datum < before.datum:
        report.add(
            ("terugblik", "datum"),
            "date-order",
            f"de evaluatie ({review.datum}) ligt vóór versie {before.versie} van het plan "
            f"({before.datum}); de terugblik gaat over een plan dat er al was",
        )
    known = agreement_ids(before)
    what = {ident: a.wat for ident, a in zip(known, before.afspraken, strict=True)}
    seen: dict[str, Loc] = {}
    for i, entry in enumerate(review.afspraken):
        loc: Loc = ("terugblik", "afspraken", i, "id")
        if entry.id in seen:
            line, _ = report.position(seen[entry.id])
            report.add(
                loc,
                "duplicate-id",
                f"afspraak '{entry.id}' staat al in de terugblik op regel {line}; geef elke "
                "afspraak één uitkomst",
            )
            continue
        seen[entry.id] = loc
        if not report.check_ref(loc, entry.id, known, f"afspraak van versie {before.versie}"):
            continue
        if entry.uitkomst is None:
            report.add(
                ("terugblik", "afspraken", i),
                "review-incomplete",
                f"afspraak {entry.id} van versie {before.versie} ('{_short(what[entry.id])}') "
                "heeft nog geen uitkomst; vul 'uitkomst' in: gelukt, deels of niet-gelukt",
                warning=True,
            )
    for ident in known:
        if ident not in seen:
            report.add(
                ("terugblik", "afspraken"),
                "review-incomplete",
                f"afspraak {ident} van versie {before.versie} ('{_short(what[ident])}') staat "
                f"niet in de terugblik; voeg '- id: {ident}' toe met een uitkomst (gelukt, deels "
                "of niet-gelukt)",
                warning=True,
                at_key=True,
            )


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
