"""`ekc plan` as functions: load and check a plan, build its view, write PDF (and HTML).

Output is written to a temporary file beside the target and renamed into place, so a failed
render never leaves half a file, and input with errors leaves no file at all.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from .diagnostics import Diagnostic, EkcError, Severity, display_path
from .render.templates import TemplateSet
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


def render_plan(
    plan_path: Path,
    workspace: Workspace,
    options: RenderOptions,
    output: Path | None = None,
    output_dir: Path | None = None,
    pdf_renderer: PdfRenderer | None = None,
) -> RenderResult:
    """Check, render and write one plan; problems come back as diagnostics.

    `output` names the PDF; `output_dir` puts the default name in another folder.
    """
    started = time.perf_counter()
    result = RenderResult(plan_path)
    loaded = workspace.load_plan(plan_path)
    case = workspace.load_case(plan_path.parent)
    mine = loaded.document.display
    result.diagnostics = [*loaded.all_diagnostics, *(d for d in case.diagnostics if d.path == mine)]
    checked = case.checked(loaded)
    if checked is None:
        return result
    target = output or (output_dir or plan_path.parent) / checked.output_name
    try:
        if target.resolve() in checked.inputs:
            raise EkcError(
                [
                    Diagnostic(
                        display_path(target),
                        1,
                        1,
                        Severity.ERROR,
                        "invalid-value",
                        "het plan zou over een invoerbestand heen geschreven worden",
                    )
                ]
            )
        from .render.html import render_html
        from .render.pdf import html_to_pdf
        from .render.view import build_view

        catalogue = options.templates.catalogue(checked.casus.taal)
        view = build_view(checked, catalogue, concept=options.concept)
        html = render_html(view, options.templates)
        pdf, pages = (pdf_renderer or html_to_pdf)(
            html, options.templates, made_on=checked.plan.datum
        )
        files = {target: pdf}
        if options.html:
            from .render.standalone import self_contained

            files[target.with_suffix(".html")] = self_contained(html, options.templates).encode(
                "utf-8"
            )
        write_atomically(files)
    except EkcError as exc:
        result.diagnostics += exc.diagnostics
        return result
    result.outputs = list(files)
    result.pages = pages
    result.seconds = time.perf_counter() - started
    return result


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(files: dict[Path, bytes]) -> None:
    """Write every file to a temporary name first; rename only when all are written."""
    temporary: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
            )
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            Path(name).chmod(0o666 & ~_umask())  # mkstemp makes files private; outputs are not
            temporary.append((Path(name), target))
        for temp, target in temporary:
            temp.replace(target)
    except OSError as exc:
        for temp, _ in temporary:
            temp.unlink(missing_ok=True)
        raise EkcError(
            [
                Diagnostic(
                    display_path(next(iter(files))),
                    1,
                    1,
                    Severity.ERROR,
                    "file-not-found",
                    f"kan niet schrijven: {exc.strerror}",
                )
            ]
        ) from None
