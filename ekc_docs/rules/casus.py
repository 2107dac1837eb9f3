"""Rules inside a case file: ids, references, roles and the order of dates."""

from __future__ import annotations

from collections.abc import Collection

from ..diagnostics import Diagnostic
from ..models import Casus
from ..reader import Document
from .report import Report
from .roles import People, check_once

MAX_DAYS_TO_CONFERENCE = 42


def person_ids(casus: Casus) -> set[str]:
    return {p.id for p in casus.personen}


def member_ids(casus: Casus) -> set[str]:
    """Everyone who can do something in a plan: the people and the children."""
    return person_ids(casus) | {k.id for k in casus.kinderen}


def professional_ids(casus: Casus) -> set[str]:
    return {p.id for p in casus.personen if p.kring == "professional"}


def check_casus(
    casus: Casus, document: Document, languages: Collection[str] | None = None
) -> list[Diagnostic]:
    """Everything about a case that one field alone cannot say.

    `languages` are those the printed plan can be made in (a catalogue exists for each).
    """
    report = Report(document)
    if languages is not None and casus.taal not in languages:
        report.add(
            ("taal",),
            "invalid-value",
            f"het plan kan (nog) niet in de taal '{casus.taal}' worden gemaakt; mogelijk zijn: "
            f"{', '.join(sorted(languages))}",
        )
    _check_ids(casus, report)
    _check_subject(casus, report)
    _check_people(casus, report)
    _check_dates(casus, report)
    return report.items


def _check_ids(casus: Casus, report: Report) -> None:
    ids = [(("kinderen", i, "id"), k.id) for i, k in enumerate(casus.kinderen)]
    ids += [(("personen", i, "id"), p.id) for i, p in enumerate(casus.personen)]
    report.check_unique(ids, "een kind of persoon")
    report.check_unique(
        [(("voorwaarden", i, "id"), v.id) for i, v in enumerate(casus.voorwaarden)],
        "een voorwaarde",
    )


def _check_subject(casus: Casus, report: Report) -> None:
    """A familiegroepsplan is about children, a persoonlijk plan about one adult."""
    if casus.soort == "familiegroepsplan":
        if not casus.kinderen:
            report.add(
                ("kinderen",),
                "missing-key",
                "een familiegroepsplan gaat over kinderen: zet minstens één kind onder "
                "'kinderen' (of kies 'soort: persoonlijk-plan' voor een volwassene)",
            )
        if casus.hoofdpersoon is not None:
            report.add(
                ("hoofdpersoon",),
                "invalid-value",
                "'hoofdpersoon' hoort bij een persoonlijk plan; bij een familiegroepsplan staan "
                "de kinderen in het midden (laat 'hoofdpersoon' weg of kies "
                "'soort: persoonlijk-plan')",
            )
    elif casus.hoofdpersoon is None:
        report.add(
            ("hoofdpersoon",),
            "missing-key",
            "een persoonlijk plan gaat over één volwassene: zet diens id bij 'hoofdpersoon'",
        )
    else:
        People(casus).check_person(report, ("hoofdpersoon",), casus.hoofdpersoon, "de hoofdpersoon")


def _check_people(casus: Casus, report: Report) -> None:
    people = People(casus)
    for i, person in enumerate(casus.personen):
        if person.kring == "professional" and person.organisatie is None:
            report.add(
                ("personen", i, "organisatie"),
                "missing-key",
                f"{person.naam} is een professional: vul bij 'organisatie' in waar "
                f"{person.naam} werkt",
            )
    check_once(report, ("toestemming", "door"), casus.toestemming.door)
    for i, who in enumerate(casus.toestemming.door):
        people.check_consent(report, ("toestemming", "door", i), who, casus.toestemming.datum)
    people.check_person(
        report, ("aanmelding", "aanmelder"), casus.aanmelding.aanmelder, "de aanmelder"
    )
    for i, condition in enumerate(casus.voorwaarden):
        people.check_professional(
            report,
            ("voorwaarden", i, "gesteld_door"),
            condition.gesteld_door,
            "wie een voorwaarde stelt",
        )


def _check_dates(casus: Casus, report: Report) -> None:
    referral = casus.aanmelding.datum
    if casus.toestemming.datum < referral:
        report.add(
            ("toestemming", "datum"),
            "date-order",
            f"de toestemming ({casus.toestemming.datum}) ligt vóór de aanmelding ({referral}); "
            "klopt een van beide data niet?",
        )
    for i, child in enumerate(casus.kinderen):
        if child.geboortedatum is not None and child.geboortedatum > referral:
            report.add(
                ("kinderen", i, "geboortedatum"),
                "date-order",
                f"de geboortedatum van {child.naam} ligt na de aanmelding ({referral})",
            )
    if casus.conferentie is None:
        return
    held = casus.conferentie.datum
    for when, what in (
        (referral, "de aanmelding"),
        (casus.toestemming.datum, "de toestemming"),
    ):
        if held < when:
            report.add(
                ("conferentie", "datum"),
                "date-order",
                f"de conferentie ({held}) ligt vóór {what} ({when}); klopt een van beide data niet?",
            )
            return
    days = (held - referral).days
    if days > MAX_DAYS_TO_CONFERENCE:
        report.add(
            ("conferentie", "datum"),
            "late-conference",
            f"de conferentie is {days} dagen na de aanmelding gehouden; Eigen Kracht streeft "
            "naar een plan binnen zes weken",
            warning=True,
        )
