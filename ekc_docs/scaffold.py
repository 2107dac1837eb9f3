"""`ekc new`: a case folder to fill in; `placeholder` errors until every example value is replaced."""

from __future__ import annotations

import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

from .dates import add_months
from .diagnostics import Diagnostic, EkcError, Severity, display_path
from .models.fields import ID_PATTERN, MAX_ID_LENGTH
from .oserrors import describe_os_error

TEMPLATE_DIR = Path(__file__).parent / "scaffold"
FILES = ("casus.yml", "plan.yml")


def is_valid_case_id(case_id: str) -> bool:
    return len(case_id) <= MAX_ID_LENGTH and re.match(ID_PATTERN, case_id) is not None


def scaffold_values(case_id: str, today: date) -> dict[str, str]:
    """Dates that fit the rules: referral today, conference in four weeks, review three months on."""
    conference = today + timedelta(days=28)
    return {
        "casus": case_id,
        "aanmelding": today.isoformat(),
        "conferentie": conference.isoformat(),
        "geboortedatum": date(today.year - 9, 3, 2).isoformat(),
        "evaluatie": add_months(conference, 3).isoformat(),
    }


def render_scaffold(case_id: str, today: date) -> dict[str, str]:
    values = scaffold_values(case_id, today)
    rendered = {}
    for name in FILES:
        text = (TEMPLATE_DIR / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{ " + key + " }}", value)
        rendered[name] = text
    return rendered


def create_case(case_id: str, folder: Path, today: date | None = None) -> list[Path]:
    """Write the two files; refuse to overwrite anything that is already there."""
    existing = [folder / name for name in FILES if (folder / name).exists()]
    if existing:
        raise EkcError(
            [
                Diagnostic(
                    display_path(p),
                    1,
                    1,
                    Severity.ERROR,
                    "invalid-value",
                    "dit bestand bestaat al; ekc new overschrijft niets (kies een andere map)",
                )
                for p in existing
            ]
        )
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in render_scaffold(case_id, today or date.today()).items():
            target = folder / name
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=folder, delete=False, prefix=f".{name}.", suffix=".tmp"
            ) as handle:
                handle.write(text)
            Path(handle.name).replace(target)
            written.append(target)
    except OSError as exc:  # a read-only folder, a file where the folder should be, a full disk
        where = display_path(exc.filename) if exc.filename else display_path(folder)
        raise EkcError(
            [
                Diagnostic(
                    where,
                    1,
                    1,
                    Severity.ERROR,
                    "write-failed",
                    f"de casusmap kan hier niet worden gemaakt ({describe_os_error(exc)}); "
                    "kies een andere map",
                )
            ]
        ) from None
    return written
