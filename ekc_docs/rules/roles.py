"""Who may stand where (contract §2 "Roles"): persons, children and professionals by place.

A person id means an id from `personen`, never a child; a child may consent from the age of
twelve; a list of ids names each id once; conditions are approved by who set them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from ..dates import age_on
from ..models import Casus
from ..reader import Loc
from .report import Report, unknown_ref_message

#: from this age a young person consents too (toestemming.door)
CONSENT_AGE = 12


class People:
    """The ids of one case by kind, to check the ids that a case or plan puts in a role."""

    def __init__(self, casus: Casus) -> None:
        self.persons = {p.id: p for p in casus.personen}
        self.children = {k.id: k for k in casus.kinderen}
        self.professionals = {p.id for p in casus.personen if p.kring == "professional"}

    def check_person(self, report: Report, loc: Loc, value: str, place: str) -> bool:
        """A person, never a child (`wrong-role`) nor an unknown id (`unknown-ref`)."""
        if value in self.persons:
            return True
        if value in self.children:
            report.add(
                loc,
                "wrong-role",
                f"'{value}' is een kind; {place} is een persoon uit 'personen', geen kind uit "
                "'kinderen'",
            )
            return False
        report.add(loc, "unknown-ref", unknown_ref_message(value, self.persons, "persoon"))
        return False

    def check_professional(self, report: Report, loc: Loc, value: str, place: str) -> bool:
        """A person with kring professional (`wrong-role` for anyone else)."""
        if not self.check_person(report, loc, value, place):
            return False
        if value in self.professionals:
            return True
        report.add(
            loc,
            "wrong-role",
            f"'{value}' staat niet in de kring professional; {place} is een professional "
            f"(professionals in deze casus: {', '.join(sorted(self.professionals)) or 'geen'})",
        )
        return False

    def check_consent(self, report: Report, loc: Loc, value: str, day: date) -> None:
        """A person, or a child who is twelve or older on the day of the consent."""
        child = self.children.get(value)
        if child is None:
            self.check_person(report, loc, value, "wie toestemming geeft")
            return
        if child.geboortedatum is None:
            report.add(
                loc,
                "wrong-role",
                f"{child.naam} is een kind zonder geboortedatum; een kind geeft alleen toestemming "
                f"vanaf {CONSENT_AGE} jaar: vul de geboortedatum in",
            )
        elif (age := age_on(child.geboortedatum, day)) < CONSENT_AGE:
            report.add(
                loc,
                "wrong-role",
                f"{child.naam} is op {day} {age} jaar; een kind geeft pas vanaf {CONSENT_AGE} jaar "
                "zelf toestemming: noem de ouder(s) met gezag",
            )


def check_once(report: Report, loc: Loc, values: Sequence[str]) -> None:
    """`duplicate-id` where a list names an id again (`wie: [joke, joke]`), once per id."""
    counts = Counter(values)
    reported: set[str] = set()
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen and value not in reported:
            reported.add(value)
            report.add(
                (*loc, i),
                "duplicate-id",
                f"'{value}' staat {counts[value]} keer in deze lijst; noem elke id één keer",
            )
        seen.add(value)
