"""`ekc check` as a function: find the files under the given paths and check them all."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Severity, display_path, sort_diagnostics
from .workspace import YAML_SUFFIXES, Workspace, is_kaart_dir, kind_of

#: folders never searched when walking: tool output, environments, version control
SKIP_DIRS = frozenset({"site", "node_modules", "__pycache__", "build", "dist"})
#: a folder holding this file is skipped when walking (test fixtures with deliberate errors)
IGNORE_MARKER = ".ekcignore"


@dataclass
class Targets:
    cases: list[Path] = field(default_factory=list)
    plans: list[Path] = field(default_factory=list)
    kaart_dirs: list[Path] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic]
    files: int

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def discover(paths: list[Path]) -> Targets:
    """Sort the given files and folders into cases, plans and kaart folders (by name)."""
    targets = Targets()
    for path in paths:
        if path.is_dir():
            found = len(targets.cases) + len(targets.plans) + len(targets.kaart_dirs)
            _walk(path, targets)
            if len(targets.cases) + len(targets.plans) + len(targets.kaart_dirs) == found:
                targets.problems.append(_nothing_found(path))
        elif path.is_file():
            _add_file(path, targets, explicit=True)
        else:
            targets.problems.append(
                Diagnostic(
                    display_path(path),
                    1,
                    1,
                    Severity.ERROR,
                    "file-not-found",
                    f"'{display_path(path)}' bestaat niet",
                )
            )
    return targets


def _nothing_found(folder: Path) -> Diagnostic:
    """A folder without anything to check is an error, never a silent pass (contract §6)."""
    shown = display_path(folder)
    kind = " is een map, geen bestand, en" if folder.suffix in YAML_SUFFIXES else ""
    return Diagnostic(
        shown,
        1,
        1,
        Severity.ERROR,
        "file-not-found",
        f"'{shown}'{kind} bevat niets om te controleren: geen casus….yml, geen plan….yml en "
        "geen sociale kaart (een map met categorieen.yml)",
    )


def _walk(root: Path, targets: Targets) -> None:
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        if is_kaart_dir(here):
            targets.kaart_dirs.append(here)
            files = []
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIP_DIRS
            and not (here / d / "pyvenv.cfg").exists()
            and not (here / d / IGNORE_MARKER).exists()
        )
        for name in sorted(files):
            _add_file(here / name, targets, explicit=False)


def _add_file(path: Path, targets: Targets, *, explicit: bool) -> None:
    kind = kind_of(path)
    if kind == "casus":
        targets.cases.append(path)
    elif kind == "plan":
        targets.plans.append(path)
    elif explicit and path.suffix in YAML_SUFFIXES and is_kaart_dir(path.parent):
        targets.kaart_dirs.append(path.parent)
    elif explicit:
        targets.problems.append(
            Diagnostic(
                display_path(path),
                1,
                1,
                Severity.ERROR,
                "invalid-value",
                "onbekend soort bestand: een casus heet casus….yml, een plan plan….yml, en een "
                "kaartbestand staat in een map met categorieen.yml",
            )
        )


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
        seen.update(p.resolve() for p in folder.iterdir() if p.suffix in YAML_SUFFIXES)
    for path in targets.cases:
        diagnostics += workspace.load_casus(path).diagnostics
        seen.add(path.resolve())
    for path in targets.plans:
        loaded = workspace.load_plan(path)
        diagnostics += loaded.all_diagnostics
        seen.add(path.resolve())
        if loaded.casus is not None:
            seen.add(loaded.casus.document.path.resolve())
    return CheckResult(sort_diagnostics(diagnostics), len(seen))
