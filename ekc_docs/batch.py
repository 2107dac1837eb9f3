"""Many plans at once: in parallel worker processes, with progress, one bad plan not stopping
the others. Each worker keeps its own FontConfiguration and caches for its whole life."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .checking import IGNORE_MARKER, SKIP_DIRS
from .diagnostics import Diagnostic, Severity, display_path
from .rendering import RenderOptions, RenderResult, render_plan
from .workspace import Workspace, kind_of


@dataclass(frozen=True)
class BatchSettings:
    options: RenderOptions
    kaart_dir: Path | None
    today: date | None
    output: Path | None = None  # a file with one plan, a folder with several
    several: bool = False

    def workspace(self) -> Workspace:
        return Workspace(
            today=self.today,
            kaart_dir=self.kaart_dir,
            concept=self.options.concept,
            languages=self.options.templates.languages,
        )


def collect_plans(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Plan files given directly, and every plan*.yml under the given folders."""
    plans: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            plans += sorted(_walk_plans(path))
        elif path.is_file():
            plans.append(path)
        else:
            problems.append(
                Diagnostic(
                    display_path(path),
                    1,
                    1,
                    Severity.ERROR,
                    "file-not-found",
                    f"'{display_path(path)}' bestaat niet",
                )
            )
    return list(dict.fromkeys(plans)), problems


def _walk_plans(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIP_DIRS
            and not (here / d / IGNORE_MARKER).exists()
        ]
        yield from (here / f for f in files if kind_of(here / f) == "plan")


_worker: dict[str, object] = {}


def _init_worker(settings: BatchSettings) -> None:
    _worker["workspace"] = settings.workspace()
    _worker["settings"] = settings


def _render_in_worker(plan: Path) -> RenderResult:
    settings: BatchSettings = _worker["settings"]  # type: ignore[assignment]
    workspace: Workspace = _worker["workspace"]  # type: ignore[assignment]
    return _render(plan, workspace, settings)


def _render(plan: Path, workspace: Workspace, settings: BatchSettings) -> RenderResult:
    if settings.several:
        return render_plan(plan, workspace, settings.options, output_dir=settings.output)
    return render_plan(plan, workspace, settings.options, output=settings.output)


def render_all(
    plans: list[Path],
    settings: BatchSettings,
    jobs: int,
    on_done: Callable[[RenderResult], None] = lambda r: None,
) -> list[RenderResult]:
    """Render every plan; results come back in the order of `plans`."""
    results: dict[Path, RenderResult] = {}
    if jobs <= 1 or len(plans) <= 1:
        workspace = settings.workspace()
        for plan in plans:
            results[plan] = _render(plan, workspace, settings)
            on_done(results[plan])
    else:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(plans)), initializer=_init_worker, initargs=(settings,)
        ) as pool:
            futures = {pool.submit(_render_in_worker, plan): plan for plan in plans}
            for future in as_completed(futures):
                result = future.result()
                results[futures[future]] = result
                on_done(result)
    return [results[p] for p in plans]
