"""Many plans at once: in parallel worker processes, with progress, one bad plan not stopping
the others. Each worker keeps its own FontConfiguration and caches for its whole life."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .rendering import RenderOptions, RenderResult, render_plan
from .workspace import Workspace


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
