"""Everything the site generates, in one call that knows nothing of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..case import LoadedKaart
from ..diagnostics import Diagnostic, EkcError, sort_diagnostics
from ..discovery import discover, is_kaart_dir, kaart_files
from ..outputs import refusal, write_atomically, write_problem
from ..render.templates import TemplateSet
from ..workspace import Workspace
from .cache import Cache, digest, digest_files
from .example_pages import example_pages
from .field_reference import field_reference
from .files import GeneratedFile
from .handbook import PDF_NAME as HANDBOOK_PDF
from .handbook import handbook_pdf
from .kaart_pages import kaart_pages
from .open_data import open_data_files

SITE_FONTS = (
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
    "AtkinsonHyperlegibleMono-Regular.ttf",
    "AtkinsonHyperlegibleMono-Bold.ttf",
)


@dataclass(frozen=True)
class SiteSettings:
    docs_dir: Path
    project_dir: Path
    directory_urls: bool = True
    today: date = field(default_factory=date.today)
    kaart: str = "sociale-kaart"  # folders inside docs_dir
    voorbeelden: str = "voorbeelden"
    cache: bool = True
    #: the site's navigation and Markdown extensions, for the handbook PDF
    nav: Any = None
    markdown_extensions: tuple[Any, ...] = ()
    mdx_configs: dict[str, Any] = field(default_factory=dict)

    @property
    def kaart_dir(self) -> Path:
        return self.docs_dir / self.kaart

    @property
    def examples_dir(self) -> Path:
        return self.docs_dir / self.voorbeelden


@dataclass
class SiteResult:
    files: list[GeneratedFile]
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def load_kaart(settings: SiteSettings, workspace: Workspace, cache: Cache) -> LoadedKaart | None:
    """The whole kaart, from the cache when no file (and not the date) changed."""
    folder = settings.kaart_dir
    if not is_kaart_dir(folder):
        return None
    paths = kaart_files(folder)
    key = digest(digest_files(paths), settings.today.isoformat())
    loaded: LoadedKaart | None = cache.get("kaart", key)
    if loaded is None:
        loaded = workspace.load_kaart(folder)
        for _, document in loaded.kaarten:
            document.root = None  # the trees are only needed while checking; keep the cache small
        cache.put("kaart", key, loaded)
    workspace.add_kaart(folder, loaded)
    return loaded


def generate_site(settings: SiteSettings) -> SiteResult:
    """Pages for the kaart and the examples, their PDFs and the site's fonts; all data checked."""
    cache = Cache(settings.project_dir / ".cache" / "ekc-docs" if settings.cache else None)
    templates = TemplateSet()
    workspace = Workspace(
        today=settings.today, kaart_dir=settings.kaart_dir, languages=templates.languages
    )
    files: list[GeneratedFile] = []
    diagnostics: list[Diagnostic] = []

    kaart = load_kaart(settings, workspace, cache)
    if kaart is not None:
        diagnostics += kaart.diagnostics
        if not any(d.is_error for d in kaart.diagnostics):
            open_data = open_data_files(kaart)
            files += kaart_pages(
                kaart, settings.today, settings.directory_urls, open_data=bool(open_data)
            )
            files += open_data

    # The publication guard: every case and plan anywhere in the content is checked, so one
    # without `fictief: true` (not-fictional) stops the build.
    targets = discover([settings.docs_dir])
    for path in targets.cases:
        diagnostics += workspace.load_casus(path).diagnostics
    for folder in dict.fromkeys(path.parent for path in targets.plans):
        diagnostics += workspace.load_case(folder).all_diagnostics

    if not any(d.is_error for d in diagnostics):
        pages, problems = example_pages(
            settings.examples_dir,
            settings.docs_dir,
            workspace,
            templates,
            cache,
            settings.directory_urls,
        )
        files += pages
        diagnostics += problems

    reference = field_reference()
    files.append(reference)
    if not any(d.is_error for d in diagnostics):
        book = handbook_pdf(
            settings.docs_dir,
            settings.nav,
            list(settings.markdown_extensions),
            settings.mdx_configs,
            settings.today,
            cache,
            generated={reference.path: str(reference.content)},
        )
        if book is not None:
            files.append(GeneratedFile(f"handboek/{HANDBOOK_PDF}", book))

    fonts = templates.default / "fonts"
    files += [
        GeneratedFile(f"assets/fonts/{name}", (fonts / name).read_bytes()) for name in SITE_FONTS
    ]
    return SiteResult(files, sort_diagnostics(diagnostics))


def write_files(files: list[GeneratedFile], target: Path) -> list[Path]:
    """The pre-build step: put the generated files into a folder (usually the docs folder).

    As any output of the toolkit: never over a YAML file, a link, a folder or a device, and all
    files or none (an `EkcError` with every refusal)."""
    contents = {
        target / g.path: g.content if isinstance(g.content, bytes) else g.content.encode("utf-8")
        for g in files
    }
    problems = [
        write_problem(path, reason) for path in contents if (reason := refusal(path, suffixes=None))
    ]
    if problems:
        raise EkcError(problems)
    if contents:
        write_atomically(contents, suffixes=None)
    return list(contents)
