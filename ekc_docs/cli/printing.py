"""`ekc plan` at work: progress, diagnostics, the summary, and --watch around the pipeline.

The work itself is in `rendering` and `batch`; this module only presents it. It is imported
only when `ekc plan` runs, and for one plan it starts the renderer process (which imports
WeasyPrint) before it imports the rest of the pipeline, so that both overlap from the start.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import hashlib
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..diagnostics import display_path, format_text, sort_diagnostics
from ..discovery import discover_plans
from ..render.prewarm import RendererProcess

if TYPE_CHECKING:
    from ..batch import BatchSettings
    from ..rendering import RenderResult


def warn_missing_harfbuzz_subset() -> None:
    """Once per run: without HarfBuzz's subsetter every PDF takes about twice as long."""
    if ctypes.util.find_library("harfbuzz-subset") is None:
        click.echo(
            "waarschuwing: de bibliotheek libharfbuzz-subset0 ontbreekt; afdrukken werkt, maar "
            "ruim twee keer zo langzaam (installeer: apt-get install libharfbuzz-subset0)",
            err=True,
        )


def run_plan_command(
    paths: list[Path],
    *,
    output: Path | None,
    with_html: bool,
    concept: bool,
    jobs: int | None,
    template_dirs: tuple[Path, ...],
    kaart_dir: Path | None,
    watch: bool,
) -> int:
    plans, problems = discover_plans(paths)
    if problems or not plans:
        click.echo(format_text(problems), nl=False)
        if not plans:
            click.echo("geen plannen gevonden (plan….yml)", err=True)
        return 1
    workers = jobs or os.cpu_count() or 1
    # one plan, or one at a time: the renderer process starts now, before the pipeline loads
    prewarmed = RendererProcess() if not watch and (len(plans) == 1 or workers == 1) else None
    with prewarmed or contextlib.nullcontext():
        return _run(
            plans, prewarmed, output, with_html, concept, workers, template_dirs, kaart_dir, watch
        )


def _run(
    plans: list[Path],
    prewarmed: RendererProcess | None,
    output: Path | None,
    with_html: bool,
    concept: bool,
    workers: int,
    template_dirs: tuple[Path, ...],
    kaart_dir: Path | None,
    watch: bool,
) -> int:
    from ..batch import BatchSettings
    from ..render.templates import TemplateSet
    from ..rendering import RenderOptions

    options = RenderOptions(TemplateSet(tuple(template_dirs)), concept=concept, html=with_html)
    several = len(plans) > 1
    if several and output is not None and output.suffix.lower() in (".pdf", ".html"):
        click.echo(f"met meerdere plannen is -o een map, geen bestand: {output}", err=True)
        return 2
    settings = BatchSettings(options, kaart_dir, None, output, several)
    warn_missing_harfbuzz_subset()
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main else None  # `kill` = Ctrl+C
    try:
        if not watch:
            return _render_once(plans, settings, workers, prewarmed)
        return _watch(plans, settings, workers)
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


def _render_once(
    plans: list[Path],
    settings: BatchSettings,
    jobs: int,
    prewarmed: RendererProcess | None = None,
) -> int:
    from ..batch import render_all

    started = time.perf_counter()
    if len(plans) == 1:
        results = render_all(plans, settings, jobs, renderer=prewarmed)
    else:
        results = _with_progress(plans, settings, jobs, prewarmed)
    diagnostics = sort_diagnostics(d for r in results for d in r.diagnostics)
    click.echo(format_text(diagnostics), nl=False)
    if len(results) == 1:
        for out in results[0].outputs:
            click.echo(f"geschreven: {display_path(out)} ({results[0].pages} pagina's)", err=True)
    else:
        _summary(results, time.perf_counter() - started)
    return 0 if all(r.ok for r in results) else 1


def _with_progress(
    plans: list[Path], settings: BatchSettings, jobs: int, prewarmed: RendererProcess | None
) -> list[RenderResult]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..batch import render_all

    console = Console(stderr=True)
    with Progress(
        TextColumn("plannen afdrukken"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("plannen", total=len(plans))
        return render_all(
            plans, settings, jobs, on_done=lambda _: progress.advance(task), renderer=prewarmed
        )


def _summary(results: list[RenderResult], seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(results)} plannen in {seconds:.1f} s", title_justify="left")
    for column in ("plan", "", "pagina's", "seconden", "uitvoer"):
        table.add_column(column)
    for r in results:
        errors = sum(1 for d in r.diagnostics if d.is_error)
        status = (
            "[green]✓[/green]"
            if r.ok
            else f"[red]✗ {errors} {'fout' if errors == 1 else 'fouten'}[/red]"
        )
        table.add_row(
            f"{r.plan.parent.name}/{r.plan.name}",
            status,
            str(r.pages or ""),
            f"{r.seconds:.2f}" if r.ok else "",
            ", ".join(o.name for o in r.outputs),
        )
    Console(stderr=True).print(table)
    failed = sum(1 for r in results if not r.ok)
    click.echo(f"{len(results) - failed} gelukt, {failed} mislukt.", err=True)


WATCHED_SUFFIXES = (".yml", ".yaml", ".j2", ".css", ".ttf")
#: what changes a file; watchdog ≥ 7 also reports opening and closing, which every render does
CHANGES = frozenset({"modified", "created", "moved", "deleted"})


def _watch(plans: list[Path], settings: BatchSettings, jobs: int) -> int:
    """Render, then again whenever the content of a plan, its case, the kaart or a template
    changes: events only say that something may have changed; the content hashes decide.

    The folders are watched before the first render, so no change is ever missed.
    """
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    # plan folders and their parents (a case may live one up); templates with their subfolders
    folders = {(p.resolve().parent, False) for p in plans}
    folders |= {(p.resolve().parent.parent, False) for p in plans}
    folders |= {(f.resolve(), True) for f in settings.options.templates.folders}
    kaart = settings.kaart_dir or Path("content/sociale-kaart")
    if kaart.is_dir():
        folders.add((kaart.resolve(), False))
    changed = {"at": 0.0}

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in CHANGES:
                return
            paths = [event.src_path, getattr(event, "dest_path", "")]
            if any(Path(str(p)).suffix in WATCHED_SUFFIXES for p in paths if p):
                changed["at"] = time.monotonic()

    observer = Observer()
    for folder, recursive in folders:
        if folder.is_dir():
            observer.schedule(Handler(), str(folder), recursive=recursive)
    observer.start()
    code, rendering = 0, True
    try:
        seen = _fingerprint(folders)
        code = _render_once(plans, settings, jobs)
        rendering = False
        click.echo("ik kijk mee; wijzig een plan, casus of sjabloon (stoppen: Ctrl+C)", err=True)
        while True:
            time.sleep(0.2)
            if not changed["at"] or time.monotonic() - changed["at"] <= 0.3:
                continue
            changed["at"] = 0.0
            now = _fingerprint(folders)
            if now == seen:
                continue
            seen = now
            click.echo(f"[{time.strftime('%H:%M:%S')}] opnieuw afdrukken", err=True)
            rendering = True
            code = _render_once(plans, settings, jobs)
            rendering = False
    except KeyboardInterrupt:
        if rendering:  # stopped halfway: this run did not do what was asked
            code = 130
    finally:
        observer.stop()
        observer.join()
    return code


def _fingerprint(folders: set[tuple[Path, bool]]) -> str:
    """One hash over the names and contents of every watched file."""
    digest = hashlib.sha256()
    for folder, recursive in sorted(folders):
        files = folder.rglob("*") if recursive else folder.glob("*")
        for path in sorted(f for f in files if f.suffix in WATCHED_SUFFIXES):
            with contextlib.suppress(OSError):  # gone, or not a file: its name still counts
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
