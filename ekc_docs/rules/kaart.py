"""Rules across the sociale kaart: ids unique over all files, references, and freshness."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from ..dates import STALE_MONTHS, stale_before
from ..diagnostics import Diagnostic
from ..models import Categorieen, Kaart
from ..reader import Document
from .report import Report, unknown_ref_message


def check_kaart(
    files: Sequence[tuple[Kaart, Document]],
    categories: tuple[Categorieen, Document] | None,
    organisations: Collection[str],
    today: date,
) -> list[Diagnostic]:
    """All kaart files together: ids are unique across them and references may cross them."""
    reports = [Report(document) for _, document in files]
    category_ids: set[str] = set()
    diagnostics: list[Diagnostic] = []
    if categories is not None:
        category_report = Report(categories[1])
        category_report.check_unique(
            [((i, "id"), c.id) for i, c in enumerate(categories[0].root)], "een categorie"
        )
        category_ids = {c.id for c in categories[0].root}
        diagnostics += category_report.items

    _check_unique_across(files, reports, "organisaties", "een organisatie")
    _check_unique_across(files, reports, "voorzieningen", "een voorziening")
    too_old = stale_before(today)
    for (kaart, _), report in zip(files, reports, strict=True):
        for i, service in enumerate(kaart.voorzieningen):
            report.check_ref(
                ("voorzieningen", i, "organisatie"),
                service.organisatie,
                organisations,
                "organisatie",
            )
            if categories is not None:
                for j, category in enumerate(service.categorieen):
                    report.check_ref(
                        ("voorzieningen", i, "categorieen", j), category, category_ids, "categorie"
                    )
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
    return diagnostics + [d for report in reports for d in report.items]


def _check_unique_across(
    files: Sequence[tuple[Kaart, Document]], reports: Sequence[Report], field: str, what: str
) -> None:
    first: dict[str, tuple[Report, int]] = {}
    for (kaart, _), report in zip(files, reports, strict=True):
        for i, entry in enumerate(getattr(kaart, field)):
            if entry.id not in first:
                first[entry.id] = (report, i)
                continue
            other, j = first[entry.id]
            line, _ = other.position((field, j, "id"))
            where = "" if other is report else f" in {other.document.display}"
            report.add(
                (field, i, "id"),
                "duplicate-id",
                f"de id '{entry.id}' is al gebruikt voor {what} op regel {line}{where}; "
                "ids zijn uniek over de hele sociale kaart",
            )


__all__ = ["check_kaart", "unknown_ref_message"]
