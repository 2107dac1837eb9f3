"""A case folder as one object, and a plan that passed every check as a type of its own.

Loading produces `Loaded…` values that may be incomplete (a file with errors has no model).
Consumers that print or publish take a `CheckedPlan`: plan, case and services all present, so
they never re-check or unwrap optionals. `Workspace` (in `workspace.py`) builds both.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .models import Casus, Categorieen, Kaart, Plan, Voorziening
from .reader import Document


@dataclass
class LoadedCasus:
    document: Document
    casus: Casus | None
    diagnostics: list[Diagnostic]


@dataclass
class LoadedKaart:
    """The whole sociale kaart: every service by id, with its municipality and organisation."""

    folder: Path
    kaarten: list[tuple[Kaart, Document]] = field(default_factory=list)
    categorieen: Categorieen | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    #: ids of every organisation and service written down, valid or not
    organisation_ids: set[str] = field(default_factory=set)
    service_ids: set[str] = field(default_factory=set)

    @property
    def services(self) -> dict[str, Voorziening]:
        return {s.id: s for kaart, _ in self.kaarten for s in kaart.voorzieningen}


@dataclass(frozen=True)
class CheckedPlan:
    """A plan without errors, with its case and the services it names: ready to print.

    `diagnostics` holds what is left: warnings (and, for a concept, the concept codes).
    `previous` is the plan's previous version when the case folder has it (for the review).
    """

    document: Document
    plan: Plan
    casus_document: Document
    casus: Casus
    services: Mapping[str, Voorziening]
    diagnostics: tuple[Diagnostic, ...] = ()
    previous: Plan | None = None

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def inputs(self) -> frozenset[Path]:
        """The files this plan was made from (never to be written over)."""
        return frozenset({self.document.path.resolve(), self.casus_document.path.resolve()})

    @property
    def output_name(self) -> str:
        """`<casus>-plan-<versie>.pdf` (contract §6)."""
        return f"{self.casus.casus}-plan-{self.plan.versie}.pdf"


@dataclass
class LoadedPlan:
    document: Document
    plan: Plan | None
    casus: LoadedCasus | None
    kaart: LoadedKaart | None
    diagnostics: list[Diagnostic]
    #: the version before this one in the same case (set by the version rules)
    previous: LoadedPlan | None = None

    @property
    def all_diagnostics(self) -> list[Diagnostic]:
        extra = self.casus.diagnostics if self.casus else []
        return self.diagnostics + extra

    @property
    def ok(self) -> bool:
        return self.checked() is not None

    def checked(self, *, tolerate: Collection[str] = ()) -> CheckedPlan | None:
        """The plan as a `CheckedPlan`, or None while it or its case has an error.

        `tolerate`: codes that do not count as errors here (an editor previews a concept).
        """
        if any(d.is_error and d.code not in tolerate for d in self.all_diagnostics):
            return None
        if self.plan is None or self.casus is None or self.casus.casus is None:
            return None
        services = self.kaart.services if self.kaart is not None else {}
        # the review names the services of the previous version's agreements too
        previous = self.previous.plan if self.previous is not None else None
        agreements = [*self.plan.afspraken, *(previous.afspraken if previous else [])]
        named = {a.hulp for a in agreements if a.hulp}
        return CheckedPlan(
            document=self.document,
            plan=self.plan,
            casus_document=self.casus.document,
            casus=self.casus.casus,
            services={k: services[k] for k in sorted(named) if k in services},
            diagnostics=tuple(self.all_diagnostics),
            previous=previous,
        )


@dataclass
class Case:
    """One case folder: its casus, every plan version in it (by `versie`), and the kaart."""

    folder: Path
    casus: LoadedCasus | None
    plans: list[LoadedPlan]
    kaart: LoadedKaart | None
    #: the case-wide findings (versions); each plan's own are on the plan
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def all_diagnostics(self) -> list[Diagnostic]:
        """Everything found in the case, each diagnostic once."""
        found: dict[Diagnostic, None] = {}
        if self.casus is not None:
            found.update(dict.fromkeys(self.casus.diagnostics))
        for plan in self.plans:
            found.update(dict.fromkeys(plan.all_diagnostics))
        found.update(dict.fromkeys(self.diagnostics))
        return list(found)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.all_diagnostics)

    def twins(self, loaded: LoadedPlan) -> list[LoadedPlan]:
        """Other plans of this case with the same `versie`: which one holds is unclear."""
        if loaded.plan is None or loaded.casus is None:
            return []
        own = loaded.casus.document.path.resolve()
        return [
            other
            for other in self.plans
            if other is not loaded
            and other.plan is not None
            and other.plan.versie == loaded.plan.versie
            and other.casus is not None
            and other.casus.document.path.resolve() == own
        ]

    def checked(self, loaded: LoadedPlan) -> CheckedPlan | None:
        """`loaded` as a checked plan (knowing its previous version), or None with errors.

        A plan whose `versie` another plan of the case also claims is never checked: the
        version rules report the second one, but neither may be printed as that version.
        """
        if any(d.is_error for d in self.diagnostics if d.path == loaded.document.display):
            return None
        if self.twins(loaded):
            return None
        return loaded.checked()

    @property
    def newest(self) -> LoadedPlan | None:
        return self.plans[-1] if self.plans else None
