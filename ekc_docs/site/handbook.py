"""The handbook as one PDF: its pages in navigation order, through Jinja2 and WeasyPrint.

Markdown is converted with Python-Markdown and the site's own extensions, so the book needs no
MkDocs and no (abandoned) PDF plugin. Ids are prefixed per chapter, so that the same heading in
two chapters ("Oefeningen") still has one anchor each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..dates import date_in_words
from ..render.html import environment
from ..render.templates import TemplateSet
from .cache import Cache, digest

PDF_NAME = "handboek-coordinatoren.pdf"
TEMPLATE = "handboek/book.html.j2"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    html: str


@dataclass(frozen=True)
class Book:
    title: str
    subtitle: str
    kicker: str
    author: str
    edition: str
    date_iso: str
    chapters: tuple[Chapter, ...]


def handbook_pages(nav: Any, prefix: str = "handboek/") -> list[str]:
    """The Markdown sources under `prefix`, in the order the navigation lists them."""
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            if item.startswith(prefix) and item.endswith(".md"):
                found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav)
    return list(dict.fromkeys(found))


def _markdown(extensions: list[Any], configs: dict[str, Any]) -> Any:
    import markdown

    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def _chapter(number: int, src: str, text: str, converter: Any, pages: dict[str, str]) -> Chapter:
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        meta = yaml.safe_load(match.group(1)) or {}
        text = text[match.end() :]
    converter.reset()
    # the checklist box is drawn, not typed: the bundled font has no ☐ and no system font may stand in
    html = converter.convert(text).replace("☐", '<span class="checkbox" aria-hidden="true"></span>')
    prefix = f"h{number}-"
    html = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', html)

    def link(m: re.Match[str]) -> str:
        href = m.group(1)
        if href.startswith("#"):
            return f'href="#{prefix}{href[1:]}"'
        target, _, anchor = href.partition("#")
        other = pages.get(target.split("/")[-1])
        if other is not None:
            return f'href="#{other}{anchor}"' if anchor else f'href="#{other.rstrip("-")}"'
        return 'href="#"' if not re.match(r"[a-z]+:", href) else m.group(0)

    html = _HREF.sub(link, html)
    title_match = _H1.search(html)
    heading = (
        _TAGS.sub("", title_match.group(1)).replace("&para;", "").strip() if title_match else ""
    )
    title = heading or str(meta.get("title") or src)  # the chapter's own heading, with its number
    return Chapter(f"h{number}", title, html)


def _source(docs_dir: Path, src: str, generated: dict[str, str]) -> str:
    return generated[src] if src in generated else (docs_dir / src).read_text(encoding="utf-8")


def build_book(
    docs_dir: Path,
    sources: list[str],
    extensions: list[Any],
    configs: dict[str, Any],
    today: date,
    generated: dict[str, str] | None = None,
) -> Book:
    """`generated` holds pages that exist only in memory (the field reference)."""
    generated = generated or {}
    converter = _markdown(extensions, configs)
    pages = {Path(src).name: f"h{n}-" for n, src in enumerate(sources, start=1)}
    chapters = tuple(
        _chapter(n, src, _source(docs_dir, src, generated), converter, pages)
        for n, src in enumerate(sources, start=1)
    )
    return Book(
        title="Handboek voor coördinatoren",
        subtitle="Eigen Kracht-conferenties organiseren: van aanmelding tot evaluatie",
        kicker="Eigen Kracht in de praktijk",
        author="ekc-docs",
        edition=f"Uitgave van {date_in_words(today)}",
        date_iso=today.isoformat(),
        chapters=chapters,
    )


def handbook_pdf(
    docs_dir: Path,
    nav: Any,
    extensions: list[Any],
    configs: dict[str, Any],
    today: date,
    cache: Cache,
    generated: dict[str, str] | None = None,
) -> bytes | None:
    """The PDF, or None when the navigation has no handbook pages."""
    generated = generated or {}
    # a page the navigation names but that does not exist is MkDocs' to report
    sources = [s for s in handbook_pages(nav) if s in generated or (docs_dir / s).is_file()]
    if not sources:
        return None
    templates = TemplateSet()
    key = digest(
        today.isoformat(),
        repr(extensions),
        repr(sorted(configs.items(), key=str)),
        *(s + _source(docs_dir, s, generated) for s in sources),
        *(p.read_bytes() for p in sorted(templates.default.rglob("*")) if p.is_file()),
    )
    cached: bytes | None = cache.get("handboek", key)
    if cached is not None:
        return cached
    from ..render.pdf import html_to_pdf

    book = build_book(docs_dir, sources, extensions, configs, today, generated)
    html = environment(templates).get_template(TEMPLATE).render(book=book)
    pdf, _ = html_to_pdf(html, templates, made_on=today)
    cache.put("handboek", key, pdf)
    return pdf
