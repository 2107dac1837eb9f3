"""The studio's only door into the checking and rendering pipeline.

Text that is not saved yet goes through the same strict reader, models and rules as `ekc check`;
the preview and the PDF come from the same code as `ekc plan`. Diagnostics are mapped from line
and column to the dotted YAML path of the node they point at, so the page can put them beside
their field.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ..case import CheckedPlan, LoadedKaart
from ..diagnostics import Diagnostic, Severity, display_path
from ..discovery import is_kaart_dir
from ..models import Casus, Plan
from ..paths import within
from ..reader import Document, Mapping, Node, Sequence, parse_text, to_python
from ..render.templates import TemplateSet
from ..rendering import RenderOptions, RenderResult, render_plan
from ..rules.plan import CONCEPT_CODES
from ..workspace import Workspace

MODELS: dict[str, type[Casus] | type[Plan]] = {"casus": Casus, "plan": Plan}
#: diagnostics about the file as a whole: never beside a field
FILE_CODES = frozenset({"yaml-syntax", "file-encoding", "file-too-large", "file-not-found"})
_QUOTED = re.compile(r"'([^']+)'")
#: advice about YAML that the studio gives in its own words: there, these are form controls
#: (`ekc check` keeps its own wording)
STUDIO_WORDS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"zet 'voorwaarden: \[([^\]]+)\]' bij de afspraak die eraan voldoet"),
        r"vink bij de afspraak die eraan voldoet voorwaarde \1 aan (onder 'Voorwaarden')",
    ),
    (
        re.compile(r"vul 'uitkomst' in: gelukt, deels of niet-gelukt"),
        "kies bij 'Uitkomst' gelukt, deels of niet-gelukt",
    ),
    (
        re.compile(r"voeg '- id: ([^']+)' toe met een uitkomst \(gelukt, deels of niet-gelukt\)"),
        r"voeg met 'Nieuwe uitkomst' een regel toe met korte naam \1 en kies een uitkomst",
    ),
]


def studio_words(message: str) -> str:
    for pattern, replacement in STUDIO_WORDS:
        message = pattern.sub(replacement, message)
    return message


@dataclass
class Finding:
    """A diagnostic as the page shows it: beside `field` when it has one, always in the summary."""

    diagnostic: Diagnostic
    field: str | None
    own_file: bool

    @property
    def is_error(self) -> bool:
        return self.diagnostic.is_error


@dataclass
class Outcome:
    """What checking one file (with its case) found, and the plan for the preview."""

    document: Document
    data: Any
    findings: list[Finding] = field(default_factory=list)
    #: the plan ready for the preview: no errors but those a concept may have
    checked: CheckedPlan | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    @property
    def printable(self) -> bool:
        return self.checked is not None and self.errors == 0

    @property
    def concept_printable(self) -> bool:
        """Only the errors `--concept` allows are left."""
        return self.checked is not None and all(
            f.diagnostic.code in CONCEPT_CODES for f in self.findings if f.is_error
        )


class DraftWorkspace(Workspace):
    """A workspace that reads unsaved text for some files, and nothing outside the studio's folder."""

    def __init__(self, root: Path, drafts: dict[Path, str], **options: Any) -> None:
        super().__init__(**options)
        self.root = os.path.realpath(root)
        self.drafts = drafts

    def read(self, path: Path) -> Document:
        real = os.path.realpath(path)
        if not within(real, self.root):
            problem = Diagnostic(
                display_path(path),
                1,
                1,
                Severity.ERROR,
                "path-outside",
                "de studio leest alleen bestanden in zijn eigen map; dit bestand ligt erbuiten",
            )
            return Document(path, None, [problem])
        text = self.drafts.get(Path(real))
        return parse_text(text, path) if text is not None else super().read(path)


class Checker:
    """Checks drafts, renders previews and PDFs for the case folders under one root."""

    def __init__(self, root: Path, kaart_dir: Path | None = None, today: date | None = None):
        self.root = root.resolve()
        self.templates = TemplateSet()
        self.languages = self.templates.languages
        self.kaart_dir = kaart_dir
        self.today = today
        self._kaart: LoadedKaart | None = None
        self._kaart_loaded = False

    # --- the sociale kaart --------------------------------------------------------------------

    def _kaart_folder(self) -> Path | None:
        folder = self.kaart_dir or Path("content/sociale-kaart")
        return folder if is_kaart_dir(folder) else None

    def kaart(self) -> LoadedKaart | None:
        if not self._kaart_loaded:
            folder = self._kaart_folder()
            if folder is not None:
                self._kaart = Workspace(today=self.today, languages=self.languages).load_kaart(
                    folder
                )
            self._kaart_loaded = True
        return self._kaart

    def services(self) -> list[tuple[str, str]]:
        """(id, 'naam — gemeente') of every service, for the `hulp` choice."""
        kaart = self.kaart()
        if kaart is None:
            return []
        return sorted(
            ((s.id, f"{s.naam} — {k.gemeente}") for k, _ in kaart.kaarten for s in k.voorzieningen),
            key=lambda pair: pair[1].lower(),
        )

    def workspace(self, drafts: dict[Path, str], *, concept: bool = False) -> DraftWorkspace:
        workspace = DraftWorkspace(
            self.root,
            {p.resolve(): t for p, t in drafts.items()},
            today=self.today,
            kaart_dir=self.kaart_dir,
            concept=concept,
            languages=self.languages,
        )
        kaart, folder = self.kaart(), self._kaart_folder()
        if kaart is not None and folder is not None:
            workspace.add_kaart(folder, kaart)
        return workspace

    # --- checking -----------------------------------------------------------------------------

    def read(self, path: Path, text: str) -> tuple[Document, Any]:
        """The strict reader's tree of a draft, and its plain data for the form."""
        document = parse_text(text, path)
        return document, to_python(document.root)

    def check(
        self,
        kind: str,
        path: Path,
        drafts: dict[Path, str],
        fields: set[str],
        *,
        concept: bool = False,
    ) -> Outcome:
        """Check one file the way `ekc check` would (a plan with its case and the kaart)."""
        workspace = self.workspace(drafts, concept=concept)
        if kind == "casus":
            loaded_casus = workspace.load_casus(path)
            document, diagnostics, checked = loaded_casus.document, loaded_casus.diagnostics, None
        else:
            loaded = workspace.load_plan(path)
            document, diagnostics = loaded.document, loaded.all_diagnostics
            checked = loaded.checked(tolerate=CONCEPT_CODES)
        outcome = Outcome(document, to_python(document.root), checked=checked)
        index = _positions(document.root)
        for diagnostic in sorted(set(diagnostics), key=lambda d: (d.line, d.column, d.code)):
            own = diagnostic.path == document.display
            where = _field_of(diagnostic, index, fields) if own else None
            shown = replace(diagnostic, message=studio_words(diagnostic.message))
            outcome.findings.append(Finding(shown, where, own))
        return outcome

    # --- the printed plan ---------------------------------------------------------------------

    def preview(self, checked: CheckedPlan, *, concept: bool) -> str:
        """The printed plan as one self-contained HTML page (the same as `ekc plan --html`)."""
        from ..render.html import render_html
        from ..render.standalone import self_contained
        from ..render.view import build_view

        catalogue = self.templates.catalogue(checked.casus.taal)
        html = render_html(build_view(checked, catalogue, concept=concept), self.templates)
        return self_contained(html, self.templates)

    def print_pdf(self, path: Path, *, concept: bool) -> RenderResult:
        """`ekc plan PLAN [--concept]` on the saved file: the PDF beside the plan."""
        workspace = Workspace(today=self.today, kaart_dir=self.kaart_dir, concept=concept)
        kaart, folder = self.kaart(), self._kaart_folder()
        if kaart is not None and folder is not None:
            workspace.add_kaart(folder, kaart)
        return render_plan(path, workspace, RenderOptions(self.templates, concept=concept))

    def next_version(self, path: Path, made_on: date) -> Path:
        """`ekc versie PLAN`: the next version beside the plan, with a terugblik to fill in."""
        from ..versioning import create_next_version

        return create_next_version(path, self.workspace({}), made_on)

    def create_case(self, case_id: str, folder: Path) -> list[Path]:
        """`ekc new CASE_ID FOLDER`."""
        from ..scaffold import create_case

        return create_case(case_id, folder)


# --- from a position in the file to a field -------------------------------------------------------


def _positions(root: Node | None) -> dict[tuple[int, int], list[tuple[str, bool]]]:
    """Every key and value node by position: (dotted path, whether it is a block of keys)."""
    index: dict[tuple[int, int], list[tuple[str, bool]]] = {}
    stack: list[tuple[Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, path = stack.pop()
        index.setdefault((node.line, node.column), []).append((path, isinstance(node, Mapping)))
        if isinstance(node, Mapping):
            for key, value in node.items:
                child = f"{path}.{key.value}" if path else key.value
                index.setdefault((key.line, key.column), []).append((child, False))
                stack.append((value, child))
        elif isinstance(node, Sequence):
            for i, value in enumerate(node.items):
                stack.append((value, f"{path}.{i}" if path else str(i)))
    return index


def _field_of(
    diagnostic: Diagnostic,
    index: dict[tuple[int, int], list[tuple[str, bool]]],
    fields: set[str],
) -> str | None:
    if diagnostic.code in FILE_CODES:
        return None
    candidates = index.get((diagnostic.line, diagnostic.column))
    if not candidates:
        return None
    path = max((p for p, _ in candidates), key=lambda p: p.count("."))
    blocks = [p for p, is_block in candidates if is_block]
    outcome = f"{blocks[0]}.uitkomst" if blocks else ""
    if diagnostic.code == "review-incomplete" and outcome in fields:  # an entry without one
        return outcome
    if diagnostic.code == "missing-key":  # placed at the block that lacks the key: find the key
        base = blocks[0] if blocks else path
        for word in _QUOTED.findall(diagnostic.message):
            wanted = f"{base}.{word}" if base else word
            if wanted in fields:
                return wanted
        path = base
    while path:
        if path in fields:
            return path
        path = path.rpartition(".")[0]
    return None
