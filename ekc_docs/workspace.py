"""Loading files into checked models, each file read and validated once per run.

A plan is never checked alone: the workspace finds its case (and the sociale kaart when the plan
names services) and runs the rules that need both. The CLI, the renderer and the site all load
through here, so they all see the same diagnostics.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .diagnostics import Diagnostic
from .models import Casus, Categorieen, Kaart, Plan, Voorziening
from .paths import within
from .privacy import check_fictional
from .reader import Document, Mapping, Scalar, item_ids, read_document
from .render.templates import TemplateSet
from .rules.bsn import check_bsn
from .rules.casus import check_casus
from .rules.comments import check_comments
from .rules.filekind import wrong_file_kind
from .rules.kaart import check_kaart
from .rules.placeholders import check_placeholders
from .rules.plan import check_plan
from .rules.report import Report
from .validation import validate

YAML_SUFFIXES = (".yml", ".yaml")
CATEGORIES_STEM = "categorieen"


def kind_of(path: Path) -> str | None:
    """'casus', 'plan' or None, from the file name alone (contract §6)."""
    if path.suffix not in YAML_SUFFIXES:
        return None
    if path.name.startswith("casus"):
        return "casus"
    if path.name.startswith("plan"):
        return "plan"
    return None


def is_kaart_dir(path: Path) -> bool:
    return any((path / f"{CATEGORIES_STEM}{suffix}").is_file() for suffix in YAML_SUFFIXES)


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


@dataclass
class LoadedPlan:
    document: Document
    plan: Plan | None
    casus: LoadedCasus | None
    kaart: LoadedKaart | None
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(d.is_error for d in self.all_diagnostics)

    @property
    def all_diagnostics(self) -> list[Diagnostic]:
        extra = self.casus.diagnostics if self.casus else []
        return self.diagnostics + extra


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
        self.today = today or date.today()
        #: languages with a plan catalogue; by default those of the shipped templates
        self.languages = languages if languages is not None else TemplateSet().languages
        self.kaart_dir = kaart_dir
        self.concept = concept
        self._cases: dict[Path, LoadedCasus] = {}
        self._kaarten: dict[Path, LoadedKaart] = {}
        self._plans: dict[Path, LoadedPlan] = {}

    # --- cases ----------------------------------------------------------------------------

    def load_casus(self, path: Path) -> LoadedCasus:
        key = path.resolve()
        if key not in self._cases:
            document = read_document(path)
            if (other := wrong_file_kind(document, "casus")) is not None:
                self._cases[key] = LoadedCasus(document, None, [other])
                return self._cases[key]
            casus, problems = validate(document, Casus)
            diagnostics = document.diagnostics + problems + check_bsn(document)
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
        for path in sorted(
            p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file()
        ):
            loaded.files += 1
            document = read_document(path)
            loaded.diagnostics += document.diagnostics + check_bsn(document)
            if path.stem == CATEGORIES_STEM:
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
        key = path.resolve()
        if key not in self._plans:
            self._plans[key] = self._read_plan(path)
        return self._plans[key]

    def _read_plan(self, path: Path) -> LoadedPlan:
        document = read_document(path)
        if (other := wrong_file_kind(document, "plan")) is not None:
            return LoadedPlan(document, None, None, None, [other])
        plan, problems = validate(document, Plan)
        diagnostics = document.diagnostics + problems + check_bsn(document)
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
        """Where the plan's case is; it may not leave the plan's folder or its parent."""
        report = Report(document)
        folder = os.path.dirname(os.path.realpath(plan_path))
        try:
            candidate = os.path.realpath(os.path.join(folder, casusbestand))
            exists = os.path.isfile(candidate)
        except (OSError, ValueError):  # a name with a NUL byte, or far too long
            candidate, exists = folder, False
        if not (within(candidate, folder) or within(candidate, os.path.dirname(folder))):
            report.add(
                ("casusbestand",),
                "path-outside",
                f"'{casusbestand}' ligt buiten de map van het plan en de map daarboven; "
                "zet het casusbestand naast het plan",
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


def _casusbestand(plan: Plan | None, document: Document) -> str:
    """The case file the plan names, read from the tree when the plan did not validate."""
    if plan is not None:
        return plan.casusbestand
    pair = document.root.get("casusbestand") if isinstance(document.root, Mapping) else None
    if pair is not None and isinstance(pair[1], Scalar) and pair[1].value.strip():
        return pair[1].value.strip()
    return "casus.yml"
