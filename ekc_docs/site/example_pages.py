"""The example plans on the site: each case folder becomes a page with its plan and its PDFs.

The page shows the newest version of the plan through the same view and section templates as
the printed plan; every version is also rendered to PDF for download. PDFs are cached by the
hash of everything that goes into them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..diagnostics import Diagnostic
from ..render.html import SITE_TEMPLATE, render_html
from ..render.templates import TemplateSet
from ..render.view import build_view
from ..rendering import default_output
from ..workspace import LoadedPlan, Workspace
from .cache import Cache, digest
from .files import GeneratedFile, relative_url
from .history import history_table, version_history

BASE = "voorbeelden"
INDEX = f"{BASE}/index.md"


@dataclass(frozen=True)
class Example:
    folder: str  # the folder name under voorbeelden/
    title: str
    vraag: str
    soort: str
    page: str


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
        plans = [workspace.load_plan(p) for p in sorted(folder.glob("plan*.y*ml"))]
        if not plans:
            continue
        for loaded in plans:
            diagnostics += loaded.all_diagnostics
        if not all(p.ok for p in plans):
            continue
        plans.sort(key=lambda p: p.plan.versie if p.plan else 0)
        src = folder.relative_to(docs_dir).as_posix() + "/index.md"
        pdfs = []
        for loaded in plans:
            pdf_src, pdf = _pdf(loaded, docs_dir, templates, templates_key, cache)
            files.append(GeneratedFile(pdf_src, pdf))
            pdfs.append((loaded, pdf_src))
        newest = plans[-1]
        view = build_view(newest, templates.catalogue(newest.casus.casus.taal))  # type: ignore[union-attr]
        files.append(
            GeneratedFile(
                src,
                _page(
                    folder,
                    src,
                    view.title,
                    render_html(view, templates, SITE_TEMPLATE),
                    pdfs,
                    newest,
                    docs_dir,
                    directory_urls,
                ),
            )
        )
        examples.append(Example(folder.name, view.title, view.vraag, view.soort_titel, src))
    files.append(GeneratedFile(INDEX, _index(examples, directory_urls)))
    return files, diagnostics


def _pdf(
    loaded: LoadedPlan, docs_dir: Path, templates: TemplateSet, templates_key: str, cache: Cache
) -> tuple[str, bytes]:
    from ..render.pdf import html_to_pdf

    assert loaded.plan is not None and loaded.casus is not None and loaded.casus.casus is not None
    target = default_output(loaded)
    src = target.relative_to(docs_dir).as_posix()
    services = sorted({a.hulp for a in loaded.plan.afspraken if a.hulp})
    kaart = loaded.kaart.services if loaded.kaart else {}
    key = digest(
        loaded.document.path.read_bytes(),
        loaded.casus.document.path.read_bytes(),
        templates_key,
        *(kaart[s].model_dump_json() for s in services if s in kaart),
    )
    cached = cache.get("pdf", key)
    if cached is None:
        view = build_view(loaded, templates.catalogue(loaded.casus.casus.taal))
        cached, _ = html_to_pdf(render_html(view, templates), templates, made_on=loaded.plan.datum)
        cache.put("pdf", key, cached)
    return src, cached


def _page(
    folder: Path,
    src: str,
    title: str,
    fragment: str,
    pdfs: list[tuple[LoadedPlan, str]],
    newest: LoadedPlan,
    docs_dir: Path,
    directory_urls: bool,
) -> str:
    casus = newest.casus.casus  # type: ignore[union-attr]
    assert casus is not None
    downloads = "\n".join(
        f'<li><a href="{escape(relative_url(src, pdf_src, directory_urls))}" type="application/pdf">'
        f"Plan versie {loaded.plan.versie} als PDF</a></li>"  # type: ignore[union-attr]
        for loaded, pdf_src in pdfs
    )
    history = (
        history_table(
            version_history([(p, relative_url(src, pdf, directory_urls)) for p, pdf in pdfs])
        )
        + "\n"
        if len(pdfs) > 1
        else ""
    )
    sources = "\n".join(
        f'<li><a href="{escape(relative_url(src, p.relative_to(docs_dir).as_posix(), directory_urls))}">'
        f"{escape(p.name)}</a></li>"
        for p in sorted(folder.glob("*.y*ml"))
    )
    return (
        f"---\ntitle: {json.dumps('Voorbeeld: ' + title, ensure_ascii=False)}\n---\n\n"
        f"# Voorbeeld: {escape(title)}\n\n"
        '!!! note "Verzonnen voorbeeld"\n'
        "    Alle namen, gegevens en afspraken in dit voorbeeld zijn verzonnen. Het laat zien hoe een\n"
        "    plan eruitziet dat met de toolkit is gemaakt.\n\n"
        f"**Aanleiding:** {escape(casus.aanmelding.aanleiding)}\n\n"
        '<div class="ekc-downloads" markdown="0">\n<h2 id="downloaden">Downloaden</h2>\n'
        f"<ul>\n{downloads}\n</ul>\n<p>De bestanden waaruit het plan is gemaakt:</p>\n<ul>\n{sources}\n</ul>\n</div>\n\n"
        f"{history}"
        f"{fragment}\n"
    )


def _index(examples: list[Example], directory_urls: bool) -> str:
    items = "\n".join(
        f'<li><a href="{escape(relative_url(INDEX, e.page, directory_urls))}">{escape(e.title)}</a>'
        f"<br>{escape(e.soort)}: {escape(e.vraag)}</li>"
        for e in examples
    )
    return (
        "---\ntitle: Voorbeeldplannen\n---\n\n# Voorbeeldplannen\n\n"
        "Deze plannen zijn verzonnen, maar lijken op wat families echt afspreken. Elk voorbeeld is met\n"
        "de toolkit gemaakt uit een `casus.yml` en een `plan.yml`, en is te downloaden als PDF: precies\n"
        "zoals de familie het plan krijgt.\n\n"
        f'<ul class="ekc-examples">\n{items}\n</ul>\n'
    )
