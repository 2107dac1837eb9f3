"""Reading produced PDFs in tests: text per page, tags, fonts, metadata (with pypdf)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader


def page_texts(path: Path) -> list[str]:
    """The text of each page, with runs of whitespace made single spaces."""
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


def fonts(path: Path) -> dict[str, bool]:
    """Every font used on any page (also inside pictures and patterns), and whether its
    program is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        _fonts_in(page.get("/Resources"), found, set())
    return found


def _fonts_in(resources: Any, found: dict[str, bool], seen: set[int]) -> None:
    resources = resources.get_object() if resources is not None else {}
    if id(resources) in seen:
        return
    seen.add(id(resources))
    for kind in ("/XObject", "/Pattern"):
        for child in (resources.get(kind) or {}).values():
            child = child.get_object()
            if "/Resources" in child:
                _fonts_in(child["/Resources"], found, seen)
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor else {}
        embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        found[str(font.get("/BaseFont"))] = embedded


def catalog(path: Path) -> Any:
    return PdfReader(path).trailer["/Root"]


def metadata(path: Path) -> Any:
    return PdfReader(path).metadata
