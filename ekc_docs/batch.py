"""Many plans at once: in parallel worker processes, with progress, one bad plan not stopping
the others. Each worker keeps its own FontConfiguration and caches for its whole life."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .case import LoadedPlan
from .diagnostics import Diagnostic, Severity, display_path
from .outputs import shown
from .reader import Mapping
from .rendering import PdfRenderer, RenderOptions, RenderResult, output_files, render_plan
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
    # Ctrl+C reaches the whole process group: the parent stops the workers, quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (a fork has it)
    _worker["workspace"] = settings.workspace()
    _worker["settings"] = settings


def _render_in_worker(plan: Path) -> RenderResult:
    settings: BatchSettings = _worker["settings"]  # type: ignore[assignment]
    workspace: Workspace = _worker["workspace"]  # type: ignore[assignment]
    return _render(plan, workspace, settings)


def _render(
    plan: Path,
    workspace: Workspace,
    settings: BatchSettings,
    pdf_renderer: PdfRenderer | None = None,
) -> RenderResult:
    output, output_dir = (None, settings.output) if settings.several else (settings.output, None)
    return render_plan(plan, workspace, settings.options, output, output_dir, pdf_renderer)


def clashes(
    plans: list[Path], workspace: Workspace, settings: BatchSettings
) -> dict[Path, RenderResult]:
    """Plans that would write the same file as another plan of this run: none of them is
    rendered, so no run ever decides by chance which plan survives."""
    writers: dict[str, list[Path]] = {}
    names: dict[str, Path] = {}
    for plan in plans:
        checked = workspace.checked_plan(plan)
        if checked is None:
            continue
        output, output_dir = (
            (None, settings.output) if settings.several else (settings.output, None)
        )
        for target in output_files(checked, settings.options, output, output_dir):
            key = str(Path(os.path.realpath(target.parent)) / target.name.lower())
            writers.setdefault(key, []).append(plan)
            names.setdefault(key, target)
    found: dict[Path, RenderResult] = {}
    for key, same in writers.items():
        if len(same) < 2:
            continue
        for plan in same:
            others = ", ".join(display_path(p) for p in same if p != plan)
            result = found.setdefault(plan, RenderResult(plan, diagnostics=[]))
            result.diagnostics.append(
                _located(
                    workspace.load_plan(plan),
                    f"kan niet schrijven: {shown(names[key])} is ook de uitvoer van "
                    f"{others}; geef elk plan een eigen versie (of elke casus een eigen "
                    "casus-id), dan krijgt elk een eigen bestand",
                )
            )
    return found


def _located(loaded: LoadedPlan, message: str) -> Diagnostic:
    """At the plan's `versie` (the part of the output name the plan decides), else line 1."""
    root = loaded.document.root
    pair = root.get("versie") if isinstance(root, Mapping) else None
    line, column = (pair[1].line, pair[1].column) if pair else (1, 1)
    return Diagnostic(
        loaded.document.display, line, column, Severity.ERROR, "write-failed", message
    )


def render_all(
    plans: list[Path],
    settings: BatchSettings,
    jobs: int,
    on_done: Callable[[RenderResult], None] = lambda r: None,
    *,
    renderer: PdfRenderer | None = None,
) -> list[RenderResult]:
    """Render every plan; results come back in the order of `plans`.

    One plan is a batch of one. Rendering in this process, `renderer` (a `RendererProcess`
    started early) makes the PDFs, so that WeasyPrint's import overlapped reading and checking.
    """
    sequential = jobs <= 1 or len(plans) <= 1
    workspace = settings.workspace()
    results = clashes(plans, workspace, settings) if len(plans) > 1 else {}
    for result in results.values():
        on_done(result)
    todo = [p for p in plans if p not in results]
    if sequential:
        for plan in todo:
            results[plan] = _render(plan, workspace, settings, renderer)
            on_done(results[plan])
    else:
        results.update(_in_parallel(todo, settings, jobs, on_done))
    return [results[p] for p in plans]


def _in_parallel(
    plans: list[Path], settings: BatchSettings, jobs: int, on_done: Callable[[RenderResult], None]
) -> dict[Path, RenderResult]:
    results: dict[Path, RenderResult] = {}
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(jobs, len(plans))), initializer=_init_worker, initargs=(settings,)
    )
    try:
        futures = {pool.submit(_render_in_worker, plan): plan for plan in plans}
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            on_done(result)
    except BaseException:  # Ctrl+C or SIGTERM: stop the workers now, not after their plans
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    return results
