"""`ekc check` as a function: find the files under the given paths and check them all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, sort_diagnostics
from .discovery import discover, kaart_files
from .workspace import Workspace


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic]
    files: int

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def check_paths(paths: list[Path], workspace: Workspace) -> CheckResult:
    """Check everything under `paths`; a plan pulls in its case and, if needed, the kaart."""
    targets = discover(paths)
    diagnostics = list(targets.problems)
    seen: set[Path] = set()
    if workspace.kaart_dir is None and targets.kaart_dirs:
        workspace.kaart_dir = targets.kaart_dirs[0]
    for folder in dict.fromkeys(d.resolve() for d in targets.kaart_dirs):
        kaart = workspace.load_kaart(folder)
        diagnostics += kaart.diagnostics
        seen.update(p.resolve() for p in kaart_files(folder))
    for path in targets.cases:
        diagnostics += workspace.load_casus(path).diagnostics
        seen.add(path.resolve())
    for folder in dict.fromkeys(path.parent for path in targets.plans):
        case = workspace.load_case(folder)
        given = {p.resolve() for p in targets.plans if p.parent == folder}
        for loaded in case.plans:
            if loaded.document.path.resolve() not in given:
                continue  # a sibling version: loaded for the case-wide rules only
            seen.add(loaded.document.path.resolve())
            if loaded.casus is not None:
                seen.add(loaded.casus.document.path.resolve())
            diagnostics += loaded.all_diagnostics
        diagnostics += case.diagnostics
    return CheckResult(sort_diagnostics(diagnostics), len(seen))
