"""The files an import writes: their text, and a check that `ekc check` will accept them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..models import Categorieen, Kaart
from ..reader import Document, parse_text
from ..rules.kaart import check_kaart
from ..validation import validate
from .kaart_text import categories_text, is_imported, kaart_text
from .reverse import Obj, Reverse, make_id

CATEGORIES_FILE = "categorieen.yml"


# --- writing --------------------------------------------------------------------------------


def kaart_texts(rev: Reverse, source_name: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for municipality in rev.municipalities.values():
        stem = make_id(municipality.gemeente) or "gemeente"
        name, n = f"{stem}.yml", 2
        while name in texts or name == CATEGORIES_FILE:
            name, n = f"{stem}-{n}.yml", n + 1
        data: Obj = {"gemeente": municipality.gemeente}
        if municipality.provincie:
            data["provincie"] = municipality.provincie
        if municipality.organisaties:  # an organisation stands once, where it first serves
            data["organisaties"] = municipality.organisaties
        data["voorzieningen"] = municipality.voorzieningen
        texts[name] = kaart_text(data, source_name)
    texts[CATEGORIES_FILE] = categories_text(list(rev.categories.values()), source_name)
    return texts


def verify(texts: dict[str, str], out_dir: Path, today: date) -> list[Diagnostic]:
    """Read the new files back as `ekc check` would; an error here is a fault of the import."""
    files: list[tuple[Kaart, Document]] = []
    problems: list[Diagnostic] = []
    categories: Document | None = None
    documents: list[Document] = []
    organisations: set[str] = set()
    for name, text in texts.items():
        document = parse_text(text, out_dir / name)
        if name == CATEGORIES_FILE:
            _, found = validate(document, Categorieen)
            categories = document
        else:
            documents.append(document)
            kaart, found = validate(document, Kaart)
            if kaart is not None:
                files.append((kaart, document))
                organisations.update(o.id for o in kaart.organisaties)
        problems += document.diagnostics + found
    problems += check_kaart(files, categories, organisations, today, documents)
    return [
        Diagnostic(
            d.path,
            d.line,
            d.column,
            Severity.ERROR,
            "write-failed",
            f"interne fout bij het omzetten: {d.message}",
        )
        for d in problems
        if d.is_error
    ]


__all__ = ["is_imported", "kaart_texts", "verify"]
