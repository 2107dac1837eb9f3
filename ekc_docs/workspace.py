"""Loading files into checked models, each file read and validated once per run.

A plan is never checked alone: the workspace finds its case (and the sociale kaart when the plan
names services) and runs the rules that need both. The CLI, the renderer and the site all load
through here, so they all see the same diagnostics.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from datetime import date
from pathlib import Path

from .case import Case, CheckedPlan, LoadedCasus, LoadedKaart, LoadedPlan
from .diagnostics import Diagnostic, Severity, display_path
from .discovery import is_categories_file, is_kaart_dir, kaart_files, kind_of
from .models import Casus, Categorieen, Kaart, Plan
from .plan_versions import case_key, link_versions
from .privacy import check_fictional
from .reader import Document, Mapping, Scalar, item_ids, read_document
from .rules.bsn import check_bsn
from .rules.casus import check_casus
from .rules.characters import check_characters
from .rules.comments import check_comments
from .rules.filekind import wrong_file_kind
from .rules.kaart import check_kaart
from .rules.placeholders import check_placeholders
from .rules.plan import check_plan
from .rules.report import Report
from .validation import validate


class Workspace:
    """Caches documents and models for one run; `today` dates the freshness checks."""

    def __init__(
        self,
        *,
        today: date | None = None,
        kaart_dir: Path | None = None,
        concept: bool = False,
        languages: Collection[str] | None = None,
    ) -> None:
        """`languages`: those with a plan catalogue (`TemplateSet.languages`), for `taal`."""
        self.today = today or date.today()
        #: languages with a plan catalogue, passed down by whoever prints; None: not checked
        self.languages = languages
        self.kaart_dir = kaart_dir
        self.concept = concept
        self._cases: dict[Path, LoadedCasus] = {}
        self._kaarten: dict[Path, LoadedKaart] = {}
        self._plans: dict[Path, LoadedPlan] = {}
        self._folders: dict[Path, Case] = {}
        #: plans whose versions have been checked together (contract §3)
        self._versioned: set[Path] = set()

    def read(self, path: Path) -> Document:
        """One case or plan file; an editor overrides this to check text it has not saved yet."""
        return read_document(path)

    # --- cases ----------------------------------------------------------------------------

    def load_casus(self, path: Path) -> LoadedCasus:
        key = path.resolve()
        if key not in self._cases:
            document = self.read(path)
            if (other := wrong_file_kind(document, "casus")) is not None:
                self._cases[key] = LoadedCasus(document, None, [other])
                return self._cases[key]
            casus, problems = validate(document, Casus)
            diagnostics = document.diagnostics + problems + check_bsn(document)
            diagnostics += check_characters(document)
            diagnostics += check_comments(document, Casus) + check_placeholders(document)
            if casus is not None:
                diagnostics += check_casus(casus, document, self.languages)
                diagnostics += check_fictional(path, document, casus.fictief, "casus")
            self._cases[key] = LoadedCasus(document, casus, diagnostics)
        return self._cases[key]

    # --- the sociale kaart ----------------------------------------------------------------

    def load_kaart(self, folder: Path) -> LoadedKaart:
        key = folder.resolve()
        if key not in self._kaarten:
            self._kaarten[key] = self._read_kaart(folder)
        return self._kaarten[key]

    def add_kaart(self, folder: Path, loaded: LoadedKaart) -> None:
        """Use an already loaded kaart (from a cache) for `folder`."""
        self._kaarten[folder.resolve()] = loaded

    def _read_kaart(self, folder: Path) -> LoadedKaart:
        loaded = LoadedKaart(folder)
        categories: Document | None = None
        documents: list[Document] = []
        for path in kaart_files(folder):
            loaded.files += 1
            document = read_document(path)
            loaded.diagnostics += (
                document.diagnostics + check_bsn(document) + check_characters(document)
            )
            if is_categories_file(path):
                loaded.diagnostics += check_comments(document, Categorieen)
                model, problems = validate(document, Categorieen)
                categories, loaded.categorieen = document, model
            else:
                documents.append(document)
                loaded.organisation_ids.update(item_ids(document.root, "organisaties"))
                loaded.service_ids.update(item_ids(document.root, "voorzieningen"))
                loaded.diagnostics += check_comments(document, Kaart)
                kaart, problems = validate(document, Kaart)
                if kaart is not None:
                    loaded.kaarten.append((kaart, document))
            loaded.diagnostics += problems
        loaded.diagnostics += check_kaart(
            loaded.kaarten, categories, loaded.organisation_ids, self.today, documents
        )
        return loaded

    def default_kaart(self) -> LoadedKaart | None:
        """--kaart, else the site's kaart: content/sociale-kaart in the working folder."""
        folder = self.kaart_dir or Path("content/sociale-kaart")
        return self.load_kaart(folder) if is_kaart_dir(folder) else None

    # --- case folders -----------------------------------------------------------------------

    def load_case(self, folder: Path) -> Case:
        """Every plan version in `folder` with their case, sorted by `versie`."""
        key = folder.resolve()
        if key not in self._folders:
            paths = sorted(p for p in folder.iterdir() if p.is_file() and kind_of(p) == "plan")
            self._link([self._load_single(p) for p in paths])
            plans = sorted(
                (self._plans[p.resolve()] for p in paths),
                key=lambda loaded: (loaded.plan.versie if loaded.plan else 0, loaded.document.path),
            )
            casus = next((p.casus for p in plans if p.casus is not None), None)
            if casus is None:
                own = [p for p in sorted(folder.iterdir()) if kind_of(p) == "casus"]
                casus = self.load_casus(own[0]) if own else None
            kaart = next((p.kaart for p in plans if p.kaart is not None), None)
            self._folders[key] = Case(folder, casus, plans, kaart)
        return self._folders[key]

    def checked_plan(self, path: Path) -> CheckedPlan | None:
        """The plan at `path` ready to print (its previous version known), or None with errors."""
        return self.load_case(path.parent).checked(self.load_plan(path))

    def why_no_kaart(self) -> str:
        """Why `default_kaart` found none, and what to do about it."""
        if self.kaart_dir is None:
            return (
                "er is geen sociale kaart gevonden (content/sociale-kaart in deze map); "
                "geef de map op met --kaart"
            )
        if not self.kaart_dir.is_dir():
            return f"de map '{self.kaart_dir}' (--kaart) bestaat niet"
        return (
            f"in de map '{self.kaart_dir}' (--kaart) staat geen categorieen.yml, dus het is geen "
            "sociale kaart"
        )

    # --- plans ----------------------------------------------------------------------------

    def load_plan(self, path: Path) -> LoadedPlan:
        """A plan with its case, checked together with the other versions in its folder."""
        key = path.resolve()
        if key not in self._plans and path.parent.is_dir():
            self.load_case(path.parent)
        if key not in self._versioned:  # a plan file not named plan….yml: a case of its own
            self._link([self._load_single(path)])
        return self._plans[key]

    def _load_single(self, path: Path) -> LoadedPlan:
        key = path.resolve()
        if key not in self._plans:
            self._plans[key] = self._read_plan(path)
        return self._plans[key]

    def _link(self, plans: list[LoadedPlan]) -> None:
        """Run the version rules once over the plans that share a case file (contract §3)."""
        groups: dict[str, list[LoadedPlan]] = {}
        for loaded in plans:
            if loaded.document.path.resolve() in self._versioned:
                continue
            key = case_key(loaded)
            if key is not None:
                groups.setdefault(key, []).append(loaded)
            self._versioned.add(loaded.document.path.resolve())
        for group in groups.values():
            link_versions(group)

    def _read_plan(self, path: Path) -> LoadedPlan:
        outside = _linked_outside(path)
        if outside is not None:  # never read a file that a link brings in from elsewhere
            return LoadedPlan(Document(path, None, []), None, None, None, [outside])
        document = self.read(path)
        if (other := wrong_file_kind(document, "plan")) is not None:
            return LoadedPlan(document, None, None, None, [other])
        plan, problems = validate(document, Plan)
        diagnostics = document.diagnostics + problems + check_bsn(document)
        diagnostics += check_characters(document)
        diagnostics += check_comments(document, Plan) + check_placeholders(document)
        if document.root is None:
            return LoadedPlan(document, None, None, None, diagnostics)
        # the case is checked even when the plan itself has errors: all problems in one run
        case_path, problem = self._case_path(path, _casusbestand(plan, document), document)
        if problem is not None:
            return LoadedPlan(document, plan, None, None, [*diagnostics, problem])
        assert case_path is not None
        loaded_case = self.load_casus(case_path)
        kaart = None
        if plan is not None and any(a.hulp for a in plan.afspraken):
            kaart = self.default_kaart()
        if plan is not None and loaded_case.casus is not None:
            services = kaart.service_ids if kaart is not None else None
            found = check_plan(
                plan,
                document,
                loaded_case.casus,
                services,
                concept=self.concept,
                no_kaart=self.why_no_kaart(),
            )
            diagnostics += found
            fictional = plan.fictief if plan.fictief is not None else loaded_case.casus.fictief
            diagnostics += check_fictional(path, document, fictional, "plan")
        return LoadedPlan(document, plan, loaded_case, kaart, diagnostics)

    def _case_path(
        self, plan_path: Path, casusbestand: str, document: Document
    ) -> tuple[Path | None, Diagnostic | None]:
        """Where the plan's case is: a file in the plan's folder or directly in its parent,
        on the real paths after following links, so never in a sibling case's folder."""
        report = Report(document)
        folder = os.path.realpath(os.path.dirname(os.path.abspath(plan_path)))
        try:
            candidate = os.path.realpath(os.path.join(folder, casusbestand))
            exists = os.path.isfile(candidate)
        except (OSError, ValueError):  # a name with a NUL byte, or far too long
            candidate, exists = folder, False
        if os.path.dirname(candidate) not in (folder, os.path.dirname(folder)):
            report.add(
                ("casusbestand",),
                "path-outside",
                f"'{casusbestand}' ligt niet in de map van het plan of de map direct daarboven "
                "(ook niet via een koppeling); een plan hoort bij zijn eigen casus: zet het "
                "casusbestand naast het plan",
            )
            return None, report.items[0]
        if not exists:
            report.add(
                ("casusbestand",),
                "file-not-found",
                f"het casusbestand '{casusbestand}' bestaat niet naast dit plan; een plan "
                "wordt altijd met zijn casus gecontroleerd",
            )
            return None, report.items[0]
        return plan_path.parent / casusbestand, None


def _linked_outside(path: Path) -> Diagnostic | None:
    """A plan file that is a link to a file outside its own folder is not read (§7)."""
    if not os.path.islink(path):
        return None
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    if os.path.dirname(os.path.realpath(path)) == folder:
        return None
    return Diagnostic(
        display_path(path),
        1,
        1,
        Severity.ERROR,
        "path-outside",
        "dit plan is een koppeling naar een bestand buiten zijn map; het wordt niet gelezen: "
        "zet het plan zelf in de map van de casus",
    )


def _casusbestand(plan: Plan | None, document: Document) -> str:
    """The case file the plan names, read from the tree when the plan did not validate."""
    if plan is not None:
        return plan.casusbestand
    pair = document.root.get("casusbestand") if isinstance(document.root, Mapping) else None
    if pair is not None and isinstance(pair[1], Scalar) and pair[1].value.strip():
        return pair[1].value.strip()
    return "casus.yml"


__all__ = ["Case", "LoadedCasus", "LoadedKaart", "LoadedPlan", "Workspace", "is_kaart_dir"]
