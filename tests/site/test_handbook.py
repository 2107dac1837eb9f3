"""The handbook as one PDF: cover, contents with page numbers, every chapter, running heads."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ekc_docs.site.cache import Cache
from ekc_docs.site.config import markdown_extensions, read_mkdocs_config
from ekc_docs.site.field_reference import field_reference
from ekc_docs.site.handbook import handbook_pages, handbook_pdf

from ..conftest import REPO
from ..pdfs import catalog, fonts, page_texts

pytestmark = pytest.mark.slow  # builds the site, renders PDFs or starts a browser


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = read_mkdocs_config(REPO / "mkdocs.yml")
    extensions, configs = markdown_extensions(config)
    reference = field_reference()
    pdf = handbook_pdf(
        REPO / "content",
        config["nav"],
        extensions,
        configs,
        date(2026, 11, 25),
        Cache(None),
        generated={reference.path: str(reference.content)},
    )
    assert pdf is not None
    path = tmp_path_factory.mktemp("handboek") / "handboek.pdf"
    path.write_bytes(pdf)
    return path


def chapter_titles() -> list[str]:
    config = read_mkdocs_config(REPO / "mkdocs.yml")
    titles = []
    for src in handbook_pages(config["nav"]):
        match = (
            re.search(r"^# (.+)$", (REPO / "content" / src).read_text(encoding="utf-8"), re.M)
            if (REPO / "content" / src).exists()
            else None
        )
        if match:
            titles.append(match.group(1).strip())
    return titles


def test_cover_and_contents_with_page_numbers(book: Path) -> None:
    pages = page_texts(book)
    assert "Handboek voor coördinatoren" in pages[0] and "Uitgave van 25 november 2026" in pages[0]
    contents = " ".join(p for p in pages[1:4] if "Inhoud" in p)
    entries = re.findall(r"(\S[^.]*?) \.{3,} (\d+)", contents)
    assert len(entries) >= 14
    numbers = [int(page) for _, page in entries]
    assert numbers == sorted(numbers) and numbers[-1] < len(pages)


def test_every_chapter_in_navigation_order_with_running_heads(book: Path) -> None:
    pages = page_texts(book)
    body = pages[3:]  # after the cover and the contents
    titles = chapter_titles()
    assert len(titles) >= 14  # the introduction and thirteen chapters
    starts = [next(i for i, p in enumerate(body) if title in p) for title in titles]
    assert starts == sorted(starts)
    # the handbook teaches the method: the tool's part ("Werken met ekc-docs") is not in it
    assert not any("Veldenoverzicht" in p and "casus.yml" in p for p in body)
    middle = pages[len(pages) // 2]
    assert "Handboek voor coördinatoren" in middle and f"van {len(pages)}" in middle


def test_fonts_embedded_tagged_and_titled(book: Path) -> None:
    used = fonts(book)
    assert used and all(used.values())
    assert all("Atkinson-Hyperlegible" in name for name in used), used  # no system font stood in
    root = catalog(book)
    assert "/StructTreeRoot" in root and root["/Lang"] == "nl"
