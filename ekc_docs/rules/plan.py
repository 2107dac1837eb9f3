"""Rules for a plan read together with its case (and the sociale kaart when it names services)."""

from __future__ import annotations

from collections.abc import Collection

from ..dates import add_months, age_on
from ..diagnostics import Diagnostic
from ..models import Casus, Plan
from ..reader import Document
from .casus import member_ids
from .report import Report
from .roles import People, check_once
from .versions import check_agreement_ids

#: codes that `--concept` turns into warnings: an unfinished plan may still be printed as a draft
CONCEPT_CODES = frozenset({"condition-not-met", "missing-approval", "not-approved"})
#: the toolkit's advice for the evaluation, after New Zealand's mandatory review dates
#: (Dutch law sets no term): within 12 months, within 6 when a child is under 7
REVIEW_MONTHS, REVIEW_MONTHS_YOUNG, YOUNG_AGE = 12, 6, 7
NO_KAART = "er is geen sociale kaart gevonden; geef de map op met --kaart"


def check_plan(
    plan: Plan,
    document: Document,
    casus: Casus,
    services: Collection[str] | None,
    *,
    concept: bool = False,
    no_kaart: str = NO_KAART,
) -> list[Diagnostic]:
    """Everything a plan must satisfy given its case; `services` (ids) is None without a kaart.

    `no_kaart` says why there is no kaart (and what to do), for a plan that names a service.
    """
    report = Report(document)
    _check_agreements(plan, casus, services, report, no_kaart)
    _check_roles(plan, casus, report)
    _check_conditions(plan, casus, report, concept)
    _check_dates(plan, casus, report)
    return report.items


def _check_agreements(
    plan: Plan, casus: Casus, services: Collection[str] | None, report: Report, no_kaart: str
) -> None:
    members = member_ids(casus)
    conditions = {v.id for v in casus.voorwaarden}
    check_agreement_ids(plan, report)  # explicit ids and the implicit a1, a2 … (contract §3)
    people = People(casus)
    for i, agreement in enumerate(plan.afspraken):
        check_once(report, ("afspraken", i, "wie"), agreement.wie)
        for j, who in enumerate(agreement.wie):
            report.check_ref(
                ("afspraken", i, "wie", j), who, members, "persoon of kind in de casus"
            )
        if agreement.controle is not None:
            people.check_person(
                report, ("afspraken", i, "controle"), agreement.controle, "wie controleert"
            )
        check_once(report, ("afspraken", i, "voorwaarden"), agreement.voorwaarden or [])
        for j, condition in enumerate(agreement.voorwaarden or []):
            report.check_ref(
                ("afspraken", i, "voorwaarden", j), condition, conditions, "voorwaarde van de casus"
            )
        if agreement.hulp is None:
            continue
        if services is None:
            report.add(
                ("afspraken", i, "hulp"),
                "unknown-ref",
                f"'{agreement.hulp}' verwijst naar de sociale kaart, maar {no_kaart}",
            )
        else:
            report.check_ref(
                ("afspraken", i, "hulp"),
                agreement.hulp,
                services,
                "voorziening in de sociale kaart",
            )


def _check_roles(plan: Plan, casus: Casus, report: Report) -> None:
    people, members = People(casus), member_ids(casus)
    if people.check_person(
        report, ("aanspreekpunt",), plan.aanspreekpunt, "het aanspreekpunt"
    ) and (plan.aanspreekpunt in people.professionals):
        network = sorted(set(people.persons) - people.professionals)
        report.add(
            ("aanspreekpunt",),
            "lead-is-professional",
            f"het aanspreekpunt '{plan.aanspreekpunt}' is een professional; kies iemand uit het "
            f"eigen netwerk die het plan bewaakt, bijvoorbeeld: {', '.join(network)}",
        )
    if plan.evaluatie.bijeenroeper is not None:
        people.check_person(
            report,
            ("evaluatie", "bijeenroeper"),
            plan.evaluatie.bijeenroeper,
            "wie de evaluatie bijeenroept",
        )
    if plan.verspreid is not None:
        check_once(report, ("verspreid", "aan"), plan.verspreid.aan)
        for i, who in enumerate(plan.verspreid.aan):
            report.check_ref(("verspreid", "aan", i), who, members, "persoon of kind in de casus")
    if plan.akkoord is not None:
        _check_approver(plan.akkoord.door, casus, people, report)


def _check_approver(approver: str, casus: Casus, people: People, report: Report) -> None:
    """The akkoord comes from a professional who set at least one of the case's conditions."""
    place = "wie het akkoord geeft"
    if not people.check_professional(report, ("akkoord", "door"), approver, place):
        return
    setters = sorted({v.gesteld_door for v in casus.voorwaarden} & people.professionals)
    if setters and approver not in setters:
        report.add(
            ("akkoord", "door"),
            "wrong-role",
            f"'{approver}' stelde geen van de voorwaarden van deze casus; het akkoord komt van "
            f"wie ze stelde: {', '.join(setters)}",
        )


def _check_conditions(plan: Plan, casus: Casus, report: Report, concept: bool) -> None:
    answered = {c for a in plan.afspraken for c in a.voorwaarden or []}
    for condition in casus.voorwaarden:
        if condition.id not in answered:
            report.add(
                ("afspraken",),
                "condition-not-met",
                f'geen afspraak beantwoordt voorwaarde {condition.id}: "{condition.tekst}"; '
                f"zet 'voorwaarden: [{condition.id}]' bij de afspraak die eraan voldoet",
                warning=concept,
                at_key=True,
            )
    if plan.akkoord is None:
        if casus.voorwaarden:
            report.add(
                ("akkoord",),
                "missing-approval",
                "de casus heeft voorwaarden, dus het plan heeft een 'akkoord' nodig van de "
                "professional die ze stelde (door, datum, besluit)",
                warning=concept,
            )
        return
    if plan.akkoord.besluit != "akkoord":
        report.add(
            ("akkoord", "besluit"),
            "not-approved",
            f"het besluit is '{plan.akkoord.besluit}': het plan is nog niet goedgekeurd; vul het "
            "aan en vraag opnieuw akkoord"
            + ("" if concept else ", of druk het af als concept (--concept)"),
            warning=concept,
        )
        if plan.akkoord.toelichting is None:
            report.add(
                ("akkoord", "toelichting"),
                "missing-key",
                "bij een besluit dat niet 'akkoord' is hoort een 'toelichting': wat moet er "
                "anders of erbij?",
            )


def _check_dates(plan: Plan, casus: Casus, report: Report) -> None:
    made = plan.datum
    referral = casus.aanmelding.datum
    if made < referral:
        report.add(
            ("datum",), "date-order", f"het plan ({made}) is ouder dan de aanmelding ({referral})"
        )
    elif casus.conferentie is not None and made < casus.conferentie.datum:
        report.add(
            ("datum",),
            "date-order",
            f"het plan ({made}) ligt vóór de conferentie ({casus.conferentie.datum}); "
            "het plan wordt op of na de conferentie gemaakt",
        )
    for loc, when, what in (
        (("evaluatie", "datum"), plan.evaluatie.datum, "de evaluatie"),
        (("akkoord", "datum"), plan.akkoord.datum if plan.akkoord else None, "het akkoord"),
        (
            ("verspreid", "datum"),
            plan.verspreid.datum if plan.verspreid else None,
            "de verspreiding",
        ),
    ):
        if when is not None and (when < made or (what == "de evaluatie" and when == made)):
            report.add(
                loc, "date-order", f"{what} ({when}) ligt niet na de datum van het plan ({made})"
            )
    young = [
        k.naam
        for k in casus.kinderen
        if k.geboortedatum and age_on(k.geboortedatum, made) < YOUNG_AGE
    ]
    months = REVIEW_MONTHS_YOUNG if young else REVIEW_MONTHS
    limit = add_months(made, months)
    if plan.evaluatie.datum > limit:
        reason = f" omdat {', '.join(young)} jonger dan {YOUNG_AGE} is" if young else ""
        report.add(
            ("evaluatie", "datum"),
            "late-review",
            f"de evaluatie ({plan.evaluatie.datum}) is meer dan {months} maanden na het plan; "
            f"de toolkit raadt aan uiterlijk {limit} te evalueren{reason} (naar de verplichte "
            "evaluatietermijnen in Nieuw-Zeeland; de Nederlandse wet noemt geen termijn)",
            warning=True,
        )
