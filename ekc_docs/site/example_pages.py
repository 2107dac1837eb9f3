"""The example plans on the site: each case folder becomes a page with its plan and its PDFs.

The page shows the newest version of the plan through the same view and section templates as
the printed plan; every version is also rendered to PDF for download. PDFs are cached by the
hash of everything that goes into them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..case import Case, CheckedPlan
from ..diagnostics import Diagnostic
from ..render.html import SITE_TEMPLATE, render_html
from ..render.templates import TemplateSet
from ..render.view import build_view
from ..workspace import Workspace
from .cache import Cache, digest
from .files import GeneratedFile, relative_url
from .history import version_history
from .pages import render_page

BASE = "voorbeelden"
INDEX = f"{BASE}/index.md"


@dataclass(frozen=True)
class Example:
    folder: str  # the folder name under voorbeelden/
    title: str
    vraag: str
    soort: str
    url: str


@dataclass(frozen=True)
class Version:
    """One printed version of an example, as its page lists it."""

    versie: int
    pdf_src: str
    pdf_url: str


def example_pages(
    examples_dir: Path,
    docs_dir: Path,
    workspace: Workspace,
    templates: TemplateSet,
    cache: Cache,
    directory_urls: bool,
) -> tuple[list[GeneratedFile], list[Diagnostic]]:
    files: list[GeneratedFile] = []
    diagnostics: list[Diagnostic] = []
    examples: list[Example] = []
    templates_key = digest(
        *(p.read_bytes() for f in templates.folders for p in sorted(f.rglob("*")) if p.is_file())
    )
    for folder in (
        sorted(p for p in examples_dir.iterdir() if p.is_dir()) if examples_dir.is_dir() else []
    ):
        case = workspace.load_case(folder)
        if not case.plans:
            continue
        diagnostics += case.all_diagnostics
        checked = [case.checked(loaded) for loaded in case.plans]
        if not case.ok or any(c is None for c in checked):
            continue
        plans = [c for c in checked if c is not None]
        src = folder.relative_to(docs_dir).as_posix() + "/index.md"
        versions = []
        printed = []
        for plan in plans:
            pdf_src, pdf = _pdf(plan, docs_dir, templates, templates_key, cache)
            files.append(GeneratedFile(pdf_src, pdf))
            url = relative_url(src, pdf_src, directory_urls)
            versions.append(Version(plan.plan.versie, pdf_src, url))
            printed.append((plan, url))
        newest = plans[-1]
        view = build_view(newest, templates.catalogue(newest.casus.taal))
        page = render_page(
            "voorbeelden/example.md.j2",
            title=view.title,
            aanleiding=newest.casus.aanmelding.aanleiding,
            versions=versions,
            history=version_history(printed) if len(printed) > 1 else [],
            sources=_sources(case, src, docs_dir, directory_urls),
            fragment=Markup(render_html(view, templates, SITE_TEMPLATE)),
        )
        files.append(GeneratedFile(src, page))
        url = relative_url(INDEX, src, directory_urls)
        examples.append(Example(folder.name, view.title, view.vraag, view.soort_titel, url))
    files.append(GeneratedFile(INDEX, render_page("voorbeelden/index.md.j2", examples=examples)))
    return files, diagnostics


def _sources(case: Case, src: str, docs_dir: Path, directory_urls: bool) -> list[tuple[str, str]]:
    """The YAML files the example is made of, for download."""
    return [
        (p.name, relative_url(src, p.relative_to(docs_dir).as_posix(), directory_urls))
        for p in sorted(case.folder.glob("*.y*ml"))
    ]


def _pdf(
    checked: CheckedPlan,
    docs_dir: Path,
    templates: TemplateSet,
    templates_key: str,
    cache: Cache,
) -> tuple[str, bytes]:
    from ..render.pdf import html_to_pdf

    src = (checked.path.parent / checked.output_name).relative_to(docs_dir).as_posix()
    key = digest(
        checked.document.path.read_bytes(),
        checked.casus_document.path.read_bytes(),
        *(checked.previous.model_dump_json() if checked.previous is not None else "",),
        templates_key,
        *(service.model_dump_json() for service in checked.services.values()),
    )
    cached = cache.get("pdf", key)
    if cached is None:
        view = build_view(checked, templates.catalogue(checked.casus.taal))
        cached, _ = html_to_pdf(render_html(view, templates), templates, made_on=checked.plan.datum)
        cache.put("pdf", key, cached)
    return src, cached
