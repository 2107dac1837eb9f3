"""`ekc versie` and `ekc verschil` as functions: the next version of a plan, and a difference.

The next version is written beside the plan (`plan-2.yml`, `plan-3.yml` …), never over an
existing file. It keeps the plan's text, comments and key order (ruamel.yaml's round trip, with
every value kept as text exactly as our own reader sees it), makes the implicit agreement ids
explicit so that they survive the meeting's edits, and adds the review to fill in.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .comparison import Comparison, compare_plans, comparison_json, comparison_text, plain_namer
from .dates import add_months, age_on
from .diagnostics import Diagnostic, EkcError, Severity, display_path
from .discovery import kind_of
from .models import Kind, Plan
from .models.plan import PLACEHOLDER, agreement_ids
from .oserrors import describe_os_error
from .paths import new_file_mode
from .plan_versions import case_key
from .rules.plan import REVIEW_MONTHS, REVIEW_MONTHS_YOUNG, YOUNG_AGE
from .workspace import LoadedPlan, Workspace

OUTCOME_TO_FILL = f"{PLACEHOLDER} gelukt, deels of niet-gelukt"
HEADER = (
    "# Versie {versie}, gemaakt met 'ekc versie' uit {bron} op {datum}.\n"
    "# Vul op de evaluatie bij elke afspraak in de terugblik de uitkomst in (gelukt, deels of\n"
    "# niet-gelukt), met een toelichting als je wilt, en pas daarna de afspraken aan.\n"
    "# Een akkoord geldt voor één versie: de professional die de voorwaarden stelde, beslist\n"
    "# opnieuw over deze versie (akkoord: door, datum, besluit).\n\n"
)


def _problem(path: Path, message: str, code: str = "invalid-value") -> EkcError:
    return EkcError([Diagnostic(display_path(path), 1, 1, Severity.ERROR, code, message)])


def load_checked(path: Path, workspace: Workspace, *, strict: bool) -> LoadedPlan:
    """The plan, or an `EkcError` with its errors (`strict`: any error, else only unreadable)."""
    if not path.is_file():
        raise _problem(path, f"'{display_path(path)}' bestaat niet", "file-not-found")
    loaded = workspace.load_plan(path)
    errors = [d for d in loaded.all_diagnostics if d.is_error]
    if loaded.plan is None or (strict and errors):
        raise EkcError(errors or loaded.all_diagnostics)
    return loaded


# --- ekc verschil ----------------------------------------------------------------------------


def compare_files(
    older: Path, newer: Path, workspace: Workspace
) -> tuple[Comparison, LoadedPlan, LoadedPlan]:
    first, second = (load_checked(p, workspace, strict=False) for p in (older, newer))
    assert first.plan is not None and second.plan is not None
    return compare_plans(first.plan, second.plan), first, second


def difference_problems(older: Path, newer: Path, workspace: Workspace) -> list[Diagnostic]:
    """What makes a comparison doubtful: errors in either plan, or plans of two cases."""
    first, second = (workspace.load_plan(p) for p in (older, newer))
    problems = [d for loaded in (first, second) for d in loaded.all_diagnostics if d.is_error]
    if first.casus is not None and second.casus is not None:
        a, b = (os.path.realpath(p.casus.document.path) for p in (first, second) if p.casus)
        if a != b:
            problems.append(
                Diagnostic(
                    second.document.display,
                    1,
                    1,
                    Severity.ERROR,
                    "invalid-value",
                    f"dit plan hoort bij een andere casus dan {first.document.display}; "
                    "vergelijk twee versies van het plan van één casus",
                )
            )
    return list(dict.fromkeys(problems))


def _names(*plans: LoadedPlan) -> tuple[dict[str, str], dict[str, str]]:
    people: dict[str, str] = {}
    services: dict[str, str] = {}
    for loaded in plans:
        casus = loaded.casus.casus if loaded.casus else None
        if casus is not None:
            people.update({k.id: k.naam for k in casus.kinderen})
            people.update({p.id: p.naam for p in casus.personen})
        if loaded.kaart is not None:
            services.update({i: s.naam for i, s in loaded.kaart.services.items()})
    return people, services


def _label(loaded: LoadedPlan) -> str:
    from babel.dates import format_date

    assert loaded.plan is not None
    when = format_date(loaded.plan.datum, format="long", locale="nl_NL")
    return f"versie {loaded.plan.versie} ({display_path(loaded.document.path)}, {when})"


def difference_text(older: Path, newer: Path, workspace: Workspace) -> str:
    comparison, first, second = compare_files(older, newer, workspace)
    heading = f"Wat er veranderd is van {_label(first)} naar {_label(second)}:"
    return comparison_text(comparison, heading, plain_namer(*_names(first, second)))


def difference_json(older: Path, newer: Path, workspace: Workspace) -> str:
    comparison, first, second = compare_files(older, newer, workspace)

    def about(loaded: LoadedPlan) -> dict[str, Any]:
        assert loaded.plan is not None
        return {
            "path": display_path(loaded.document.path),
            "versie": loaded.plan.versie,
            "datum": loaded.plan.datum.isoformat(),
        }

    data = comparison_json(comparison, about(first), about(second))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- ekc versie ------------------------------------------------------------------------------


def next_version_path(path: Path, versie: int) -> Path:
    """`plan.yml` (or `plan-1.yml`) → `plan-2.yml`; `plan-2.yml` → `plan-3.yml`."""
    base = re.sub(r"-\d+$", "", path.stem)
    return path.with_name(f"{base}-{versie}{path.suffix}")


def _newer_sibling(loaded: LoadedPlan, versie: int, workspace: Workspace) -> Path | None:
    folder = loaded.document.path.parent
    for sibling in sorted(folder.iterdir()):
        if kind_of(sibling) != "plan" or not sibling.is_file():
            continue
        other = workspace.load_plan(sibling)
        if (
            other.plan is not None
            and other.plan.versie >= versie
            and case_key(other) == case_key(loaded)
        ):
            return sibling
    return None


def create_next_version(path: Path, workspace: Workspace, made_on: date) -> Path:
    """Write the next version of the plan at `path` beside it; its path, or an `EkcError`."""
    loaded = load_checked(path, workspace, strict=True)
    plan = loaded.plan
    assert plan is not None and loaded.casus is not None and loaded.casus.casus is not None
    versie = plan.versie + 1
    newer = _newer_sibling(loaded, versie, workspace)
    if newer is not None:
        raise _problem(
            path,
            f"er is al een nieuwere versie: {newer.name}; maak de volgende versie vanaf de "
            f"nieuwste: ekc versie {display_path(newer)}",
        )
    if made_on < plan.datum:
        raise _problem(
            path,
            f"de nieuwe versie ({made_on}) kan niet vóór deze versie ({plan.datum}) gemaakt "
            "worden; geef een latere datum met --datum",
            "date-order",
        )
    review_on = _next_review(plan, loaded.casus.casus.kinderen, made_on)
    text = path.read_text(encoding="utf-8-sig")
    ids = agreement_ids(plan)
    whats = [" ".join(a.wat.split()) for a in plan.afspraken]
    body = _next_version_yaml(text, versie, made_on, review_on, ids, whats)
    header = HEADER.format(versie=versie, bron=path.name, datum=made_on.isoformat())
    target = next_version_path(path, versie)
    _write_new(target, (header + body).encode("utf-8"))
    return target


def _next_review(plan: Plan, children: Sequence[Kind], made_on: date) -> date:
    """A proposal for the next evaluation (marked to fill in): the rhythm the family chose
    last time, never beyond the toolkit's advice (12 months, 6 with a child under 7)."""
    young = any(k.geboortedatum and age_on(k.geboortedatum, made_on) < YOUNG_AGE for k in children)
    advised = add_months(made_on, REVIEW_MONTHS_YOUNG if young else REVIEW_MONTHS)
    rhythm = made_on + (plan.evaluatie.datum - plan.datum)
    return min(rhythm, advised) if rhythm > made_on else advised


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.resolver import VersionedResolver

    class TextResolver(VersionedResolver):
        """Every value stays text, as in our own reader; only an empty value means nothing."""

        @property
        def versioned_resolver(self) -> Any:
            return {"": [("tag:yaml.org,2002:null", re.compile("^$"))]}

    yaml = YAML(typ="rt")
    yaml.Resolver = TextResolver
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _next_version_yaml(
    text: str, versie: int, made_on: date, review_on: date, ids: list[str], whats: list[str]
) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = _yaml()
    data = yaml.load(text)
    # not carried over: the review of the version before, to whom it was sent, and the
    # professional's decision, which was about the version before and is taken anew
    for old in ("terugblik", "verspreid", "akkoord"):
        data.pop(old, None)
        data.ca.items.pop(old, None)
    keys = list(data)
    if "versie" in data:
        data["versie"] = str(versie)
    else:
        data.insert(keys.index("datum"), "versie", str(versie))
    data["datum"] = made_on.isoformat()
    review = CommentedMap()
    review["datum"] = made_on.isoformat()
    entries = CommentedSeq()
    for ident, what in zip(ids, whats, strict=True):
        entry = CommentedMap()
        entry["id"] = ident
        entry["uitkomst"] = OUTCOME_TO_FILL
        entry.yaml_add_eol_comment(_short(what), "id")
        entries.append(entry)
    review["afspraken"] = entries
    data.insert(list(data).index("datum") + 1, "terugblik", review)
    for agreement, ident in zip(data["afspraken"], ids, strict=True):
        if "id" not in agreement:
            agreement.insert(0, "id", ident)
    data["evaluatie"]["datum"] = review_on.isoformat()
    data["evaluatie"].yaml_add_eol_comment(
        f"{PLACEHOLDER} wanneer komen jullie weer bij elkaar?", "datum"
    )
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _write_new(target: Path, data: bytes) -> None:
    """Write a file that does not exist yet; an existing file is never replaced."""
    if target.exists() or target.is_symlink():
        raise _problem(
            target, f"{target.name} bestaat al; ekc versie overschrijft nooit een bestand"
        )
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        try:
            Path(target).hardlink_to(
                name
            )  # fails if the target appeared meanwhile: never overwrites
        finally:
            Path(name).unlink()
    except FileExistsError:
        raise _problem(
            target, f"{target.name} bestaat al; ekc versie overschrijft nooit een bestand"
        ) from None
    except OSError as exc:
        raise _problem(
            target, f"kan {target.name} niet schrijven: {describe_os_error(exc)}", "write-failed"
        ) from None
    mode = new_file_mode()
    target.chmod(mode)
