"""Which files are what: the only place that knows a casus, a plan and a kaart by name.

`ekc check`, `ekc plan`, the site and the studio all find their files through here, so they
agree on what is skipped (`.ekcignore`, virtual environments, hidden and tool folders).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .diagnostics import Diagnostic, Severity, display_path

YAML_SUFFIXES = (".yml", ".yaml")
#: a folder holding `categorieen.yml` is a sociale kaart (contract §6)
CATEGORIES_STEM = "categorieen"
#: folders never searched when walking: tool output, environments, version control
SKIP_DIRS = frozenset({"site", "node_modules", "__pycache__", "build", "dist"})
#: a folder holding this file is skipped when walking (test fixtures with deliberate errors)
IGNORE_MARKER = ".ekcignore"

Kind = Literal["casus", "plan"]


def kind_of(path: Path) -> Kind | None:
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


def kaart_files(folder: Path) -> list[Path]:
    """Every YAML file of a kaart folder, `categorieen.yml` included, in a stable order."""
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def is_categories_file(path: Path) -> bool:
    return path.stem == CATEGORIES_STEM


def _searched(here: Path, name: str) -> bool:
    return not (
        name.startswith(".")
        or name in SKIP_DIRS
        or (here / name / "pyvenv.cfg").exists()
        or (here / name / IGNORE_MARKER).exists()
    )


def walk(root: Path) -> Iterator[tuple[Path, list[str]]]:
    """Every searched folder under `root` with its file names, both sorted."""
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if _searched(here, d))
        yield here, sorted(files)


@dataclass
class Targets:
    """What a command was pointed at, sorted by kind."""

    cases: list[Path] = field(default_factory=list)
    plans: list[Path] = field(default_factory=list)
    kaart_dirs: list[Path] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def _problem(path: Path, code: str, message: str) -> Diagnostic:
    return Diagnostic(display_path(path), 1, 1, Severity.ERROR, code, message)


def _nothing_found(folder: Path) -> Diagnostic:
    """A folder without anything to check is an error, never a silent pass (contract §6)."""
    shown = display_path(folder)
    kind = " is een map, geen bestand, en" if folder.suffix in YAML_SUFFIXES else ""
    return _problem(
        folder,
        "file-not-found",
        f"'{shown}'{kind} bevat niets om te controleren: geen casus….yml, geen plan….yml en "
        "geen sociale kaart (een map met categorieen.yml)",
    )


def _not_a_file(path: Path) -> Diagnostic:
    return _problem(
        path,
        "invalid-value",
        f"'{display_path(path)}' is geen gewoon bestand (maar een pijp, apparaat, socket of "
        "een koppeling die nergens heen wijst); er valt niets in te lezen",
    )


def discover(paths: list[Path]) -> Targets:
    """Sort the given files and folders into cases, plans and kaart folders (by name)."""
    targets = Targets()
    for path in paths:
        if path.is_dir():
            found = len(targets.cases) + len(targets.plans) + len(targets.kaart_dirs)
            _add_folder(path, targets)
            if len(targets.cases) + len(targets.plans) + len(targets.kaart_dirs) == found:
                targets.problems.append(_nothing_found(path))
        elif path.is_file():
            _add_file(path, targets, explicit=True)
        elif os.path.lexists(path):
            targets.problems.append(_not_a_file(path))
        else:
            targets.problems.append(
                _problem(path, "file-not-found", f"'{display_path(path)}' bestaat niet")
            )
    targets.plans = list(dict.fromkeys(targets.plans))
    targets.cases = list(dict.fromkeys(targets.cases))
    return targets


def _add_folder(root: Path, targets: Targets) -> None:
    for here, files in walk(root):
        if is_kaart_dir(here):
            targets.kaart_dirs.append(here)
            continue
        for name in files:
            if kind_of(here / name) is not None and not (here / name).is_file():
                targets.problems.append(_not_a_file(here / name))  # a pipe is never read
                continue
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
            _problem(
                path,
                "invalid-value",
                "onbekend soort bestand: een casus heet casus….yml, een plan plan….yml, en een "
                "kaartbestand staat in een map met categorieen.yml",
            )
        )


def discover_plans(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The plans for `ekc plan`: YAML files given directly (whatever their name: reading one
    tells a case file given as a plan), and every plan….yml under the given folders."""
    plans: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_file() and path.suffix in YAML_SUFFIXES:
            plans.append(path)
        else:
            found = discover([path])
            plans += found.plans
            problems += found.problems
    return list(dict.fromkeys(plans)), problems
