"""`ekc plan` as functions: load and check a plan, build its view, write PDF (and HTML).

Output is written to a temporary file beside the target and renamed into place, so a failed
render never leaves half a file, and input with errors leaves no file at all.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from .case import CheckedPlan
from .diagnostics import Diagnostic, EkcError
from .outputs import HTML, PDF, check_targets, write_atomically
from .render.templates import TemplateSet
from .rules.report import Report
from .workspace import Workspace


class PdfRenderer(Protocol):
    def __call__(
        self, html: str, templates: TemplateSet, *, made_on: date
    ) -> tuple[bytes, int]: ...


@dataclass(frozen=True)
class RenderOptions:
    templates: TemplateSet = field(default_factory=TemplateSet)
    concept: bool = False
    html: bool = False


@dataclass
class RenderResult:
    plan: Path
    outputs: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0

    @property
    def ok(self) -> bool:
        return bool(self.outputs) and not any(d.is_error for d in self.diagnostics)


def output_files(
    checked: CheckedPlan,
    options: RenderOptions,
    output: Path | None = None,
    output_dir: Path | None = None,
) -> list[Path]:
    """The files a checked plan is written to: the PDF, then the HTML edition if asked for.

    `output` names the file (`x.html` means `x.pdf` and `x.html`); `output_dir` puts the
    default name in another folder.
    """
    named_html = output is not None and output.suffix.lower() == HTML
    if output is None:
        pdf = (output_dir or checked.path.parent) / checked.output_name
    else:
        pdf = output.with_suffix(PDF) if named_html else output
    return [pdf, pdf.with_suffix(HTML)] if options.html or named_html else [pdf]


def render_plan(
    plan_path: Path,
    workspace: Workspace,
    options: RenderOptions,
    output: Path | None = None,
    output_dir: Path | None = None,
    pdf_renderer: PdfRenderer | None = None,
) -> RenderResult:
    """Check, render and write one plan; problems come back as diagnostics."""
    started = time.perf_counter()
    result = RenderResult(plan_path)
    loaded = workspace.load_plan(plan_path)
    result.diagnostics = list(loaded.all_diagnostics)
    checked = workspace.checked_plan(plan_path)
    if checked is None:
        result.diagnostics += _twin_problems(workspace, plan_path)
        return result
    targets = output_files(checked, options, output, output_dir)
    refused = check_targets(targets, sorted(checked.inputs))
    if refused:
        result.diagnostics += refused
        return result
    try:
        from .render.pdf import html_to_pdf

        html = _html(checked, options)
        pdf, pages = (pdf_renderer or html_to_pdf)(
            html, options.templates, made_on=checked.plan.datum
        )
        files = {targets[0]: pdf}
        if len(targets) > 1:
            from .render.standalone import self_contained

            files[targets[1]] = self_contained(html, options.templates).encode("utf-8")
        write_atomically(files)
    except EkcError as exc:
        result.diagnostics += exc.diagnostics
        return result
    result.outputs = targets
    result.pages = pages
    result.seconds = time.perf_counter() - started
    return result


def _html(checked: CheckedPlan, options: RenderOptions) -> str:
    from .render.html import render_html
    from .render.view import build_view

    catalogue = options.templates.catalogue(checked.casus.taal)
    return render_html(build_view(checked, catalogue, concept=options.concept), options.templates)


def _twin_problems(workspace: Workspace, plan_path: Path) -> list[Diagnostic]:
    """Why a plan without errors of its own is not printed: another file has its `versie`."""
    loaded = workspace.load_plan(plan_path)
    if any(d.is_error for d in loaded.all_diagnostics) or loaded.plan is None:
        return []
    twins = workspace.load_case(plan_path.parent).twins(loaded)
    if not twins:
        return []
    names = ", ".join(t.document.path.name for t in twins)
    report = Report(loaded.document)
    report.add(
        ("versie",),
        "duplicate-id",
        f"versie {loaded.plan.versie} staat ook in {names}; zolang niet duidelijk is welk "
        "plan deze versie is, wordt geen van beide afgedrukt",
    )
    return report.items
