"""Rules across the sociale kaart: ids unique over all files, references, and freshness.

Ids and references are read from the YAML trees, not from the models: a file whose model
cannot be built (a bad postcode, a missing name) still takes part in the checks across files,
so that every problem is reported in one run (contract §1).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date

from ..dates import STALE_MONTHS, stale_before
from ..diagnostics import Diagnostic
from ..models import Kaart
from ..reader import Document, Loc, Mapping, Node, Scalar
from ..reader import Sequence as SequenceNode
from .report import Report, unknown_ref_message


def check_kaart(
    files: Sequence[tuple[Kaart, Document]],
    categories: Document | None,
    organisations: Collection[str],
    today: date,
    documents: Sequence[Document] = (),
) -> list[Diagnostic]:
    """All kaart files together: ids are unique across them and references may cross them.

    `files` are the kaart files whose model could be built; `documents` are all kaart files
    and `categories` is categorieen.yml (the checks on ids and references run on each of
    them, valid or not).
    """
    documents = list(documents) or [document for _, document in files]
    reports = {id(document): Report(document) for document in documents}
    category_ids: set[str] = set()
    diagnostics: list[Diagnostic] = []
    if categories is not None:
        category_report = Report(categories)
        entries = [((i, "id"), value) for i, value in _ids(categories.root)]
        category_report.check_unique(entries, "een categorie")
        category_ids = {value for _, value in entries}
        diagnostics += category_report.items

    for field, what in (("organisaties", "een organisatie"), ("voorzieningen", "een voorziening")):
        _check_unique_across(documents, reports, field, what)
    for document in documents:
        report = reports[id(document)]
        for loc, value in _values(document.root, "organisatie"):
            report.check_ref(loc, value, organisations, "organisatie")
        if categories is not None:
            for loc, value in _values(document.root, "categorieen"):
                report.check_ref(loc, value, category_ids, "categorie")
    for kaart, document in files:
        _check_services(kaart, reports[id(document)], today)
    return diagnostics + [d for document in documents for d in reports[id(document)].items]


def _check_services(kaart: Kaart, report: Report, today: date) -> None:
    too_old = stale_before(today)
    for i, service in enumerate(kaart.voorzieningen):
        if service.leeftijd is not None and service.leeftijd.van > service.leeftijd.tot:
            report.add(
                ("voorzieningen", i, "leeftijd"),
                "invalid-value",
                f"de leeftijd 'van' ({service.leeftijd.van}) is hoger dan 'tot' ({service.leeftijd.tot})",
            )
        checked = service.gecontroleerd.datum
        if checked > today:
            report.add(
                ("voorzieningen", i, "gecontroleerd", "datum"),
                "date-order",
                f"de controledatum {checked} ligt in de toekomst (vandaag is het {today})",
            )
        elif checked < too_old:
            report.add(
                ("voorzieningen", i, "gecontroleerd", "datum"),
                "stale-entry",
                f"'{service.naam}' is op {checked} voor het laatst nagekeken, meer dan "
                f"{STALE_MONTHS} maanden geleden; bel of mail om te controleren of het nog klopt",
                warning=True,
            )


def _entries(root: Node | None, field: str) -> Iterator[tuple[int, Mapping]]:
    """The entries of a top-level list (`voorzieningen`), with their positions."""
    pair = root.get(field) if isinstance(root, Mapping) else None
    if pair is not None and isinstance(pair[1], SequenceNode):
        for i, item in enumerate(pair[1].items):
            if isinstance(item, Mapping):
                yield i, item


def _ids(root: Node | None) -> Iterator[tuple[int, str]]:
    """The id of each entry of a list at the top of a file (categorieen.yml)."""
    if isinstance(root, SequenceNode):
        for i, item in enumerate(root.items):
            pair = item.get("id") if isinstance(item, Mapping) else None
            if pair is not None and (value := _text(pair[1])) is not None:
                yield i, value


def _text(node: Node | None) -> str | None:
    if isinstance(node, Scalar) and not node.broken and node.value.strip():
        return node.value.strip()
    return None


def _values(root: Node | None, key: str) -> Iterator[tuple[Loc, str]]:
    """Each service's `organisatie` or `categorieen` (one id or a list of ids), as written."""
    for i, service in _entries(root, "voorzieningen"):
        pair = service.get(key)
        if pair is None:
            continue
        if isinstance(pair[1], SequenceNode):
            for j, item in enumerate(pair[1].items):
                if (value := _text(item)) is not None:
                    yield ("voorzieningen", i, key, j), value
        elif (value := _text(pair[1])) is not None:
            yield ("voorzieningen", i, key), value


def _check_unique_across(
    documents: Sequence[Document], reports: dict[int, Report], field: str, what: str
) -> None:
    first: dict[str, tuple[Report, int]] = {}
    for document in documents:
        report = reports[id(document)]
        for i, entry in _entries(document.root, field):
            pair = entry.get("id")
            value = _text(pair[1]) if pair is not None else None
            if value is None:
                continue
            if value not in first:
                first[value] = (report, i)
                continue
            other, j = first[value]
            line, _ = other.position((field, j, "id"))
            where = "" if other is report else f" in {other.document.display}"
            report.add(
                (field, i, "id"),
                "duplicate-id",
                f"de id '{value}' is al gebruikt voor {what} op regel {line}{where}; "
                "ids zijn uniek over de hele sociale kaart",
            )


__all__ = ["check_kaart", "unknown_ref_message"]
