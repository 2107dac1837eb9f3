"""What the studio holds while it runs: the case folders under its root and the open drafts.

A draft is a file as edited in the browser and not yet saved. Drafts live here, not in the
browser, so a check, a preview and a save all see the same text; a draft is opened from disk
once and dropped on reload, so memory does not grow with the number of edits.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale

from ..diagnostics import Diagnostic, Severity, display_path
from ..discovery import YAML_SUFFIXES, kind_of
from ..models.plan import implicit_id
from .checks import MODELS, Checker, Finding, Outcome
from .choices import Choice, Context
from .forms import Block, build_form, field_names, repeats
from .security import OutsideRoot, contained
from .yamlfile import UnreadableFile, YamlFile, disk_hash

_VERSION = re.compile(r"^plan(?:-(\d+))?\.ya?ml$")


@dataclass
class CaseFolder:
    name: str
    path: Path
    casus: Path | None
    plans: list[Path]

    @property
    def files(self) -> list[Path]:
        return ([self.casus] if self.casus else []) + self.plans


def plan_number(path: Path) -> int:
    match = _VERSION.match(path.name)
    return int(match.group(1) or 1) if match else 10_000


@dataclass
class Page:
    """Everything one edit page shows: the form, the checks and the file's state."""

    kind: str
    path: Path
    draft: YamlFile
    form: Block
    outcome: Outcome
    conflict: bool

    @property
    def by_field(self) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = {}
        for finding in self.outcome.findings:
            if finding.field:
                found.setdefault(finding.field, []).append(finding)
        return found


class Studio:
    def __init__(self, root: Path, kaart_dir: Path | None = None, today: date | None = None):
        self.root = root.resolve()
        self.checker = Checker(self.root, kaart_dir, today)
        self.drafts: dict[Path, YamlFile] = {}
        #: the last plan of each file that could be previewed (and whether only as a concept)
        self.last_good: dict[Path, tuple[Any, bool]] = {}
        self.lock = threading.RLock()

    # --- folders and files ------------------------------------------------------------------

    def cases(self) -> list[CaseFolder]:
        found = []
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            try:
                found.append(self.case(folder.name))
            except (OutsideRoot, FileNotFoundError):
                continue
        return [c for c in found if c.casus is not None or c.plans]

    def case(self, name: str) -> CaseFolder:
        folder = contained(self.root, name)
        if not folder.is_dir():
            raise FileNotFoundError(name)
        casus, plans = None, []
        for path in sorted(folder.iterdir()):
            if path.suffix not in YAML_SUFFIXES or not path.is_file():
                continue
            try:
                contained(folder, path.name)
            except OutsideRoot:
                continue  # a link out of the folder is never opened
            kind = kind_of(path)
            if kind == "casus" and casus is None:
                casus = path
            elif kind == "plan":
                plans.append(path)
        return CaseFolder(name, folder, casus, sorted(plans, key=plan_number))

    def file(self, case: str, name: str) -> tuple[str, Path]:
        folder = self.case(case)
        path = contained(folder.path, name)
        kind = kind_of(path)
        if kind is None or not path.is_file():
            raise FileNotFoundError(name)
        return kind, path

    # --- drafts -------------------------------------------------------------------------------

    def draft(self, path: Path, *, follow_disk: bool = True) -> YamlFile:
        """The open draft, or the file from disk.

        For a page to show, a clean draft follows changes on disk. A form post never does
        (`follow_disk=False`, after `posted`): its values were made from the file as it was.
        """
        draft = self.drafts.get(path)
        if draft is None or (
            follow_disk and not draft.dirty and disk_hash(path) != draft.opened_hash
        ):
            draft = YamlFile.open(path)
            self.drafts[path] = draft
        return draft

    def posted(self, path: Path, shown: str | None) -> YamlFile:
        """The draft a form post applies to; `shown` is the hash of the file the page showed.

        A form made from another version of the file than the one on disk is a conflict: its
        values are kept in the draft to be seen, and never saved over the file on disk.
        """
        draft = self.drafts.get(path)
        if shown is None:  # a post without the page's hash: the draft (or disk) it must be
            shown = draft.opened_hash if draft is not None else disk_hash(path)
        if draft is not None and (draft.opened_hash == shown or draft.dirty):
            if draft.opened_hash != shown:
                draft.stale = True
            return draft
        draft = YamlFile.open(path)
        draft.stale = draft.opened_hash != shown
        self.drafts[path] = draft
        return draft

    def reload(self, path: Path) -> None:
        self.drafts.pop(path, None)

    def conflict(self, draft: YamlFile) -> bool:
        return draft.stale or disk_hash(draft.path) != draft.opened_hash

    def texts(self) -> dict[Path, str]:
        """Unsaved drafts, checked instead of what is on disk."""
        return {p: d.text for p, d in self.drafts.items() if d.dirty}

    # --- pages ------------------------------------------------------------------------------

    def context(self, kind: str, path: Path, data: Any) -> Context:
        services = [Choice(i, label) for i, label in self.checker.services()]
        languages = [Choice(code, _language_name(code)) for code in self.checker.languages]
        if kind == "casus":
            return Context.from_casus(data, services, languages)
        name = data.get("casusbestand") if isinstance(data, dict) else None
        try:
            casus_path = contained(path.parent, name if isinstance(name, str) else "casus.yml")
            casus_data = self.checker.read(casus_path, self.draft(casus_path).text)[1]
        except (OutsideRoot, OSError, UnreadableFile):
            casus_data = None
        context = Context.from_casus(casus_data, services, languages)
        context.previous = self.previous_agreements(path, data)
        return context

    def renamed_ids(self, path: Path, draft: YamlFile, data: Any) -> list[Finding]:
        """A warning beside every changed id of a person, child or condition still in use."""
        try:
            saved = self.checker.read(path, _decode_file(path))[1]
        except (OSError, UnicodeDecodeError):
            return []
        if not isinstance(saved, dict) or not isinstance(data, dict):
            return []
        files = {path: data}
        for plan in self.case(path.parent.name).plans if path.parent.parent == self.root else []:
            try:
                files[plan] = self.checker.read(plan, self.draft(plan).text)[1]
            except (OSError, UnreadableFile):
                continue
        found = []
        for key in ("personen", "kinderen", "voorwaarden"):
            old_list, new_list = saved.get(key), data.get(key)
            if not isinstance(old_list, list) or not isinstance(new_list, list):
                continue
            for index, (old, new) in enumerate(zip(old_list, new_list, strict=False)):
                if not isinstance(old, dict) or not isinstance(new, dict):
                    continue
                before, now = old.get("id"), new.get("id")
                if not isinstance(before, str) or not before or before == now:
                    continue
                places = [
                    f"{p.name}: {_readable(place)}"
                    for p, d in files.items()
                    for place in _uses(d, before)
                ]
                if places:
                    found.append(_renamed(path, key, index, before, places))
        return found

    def previous_agreements(self, path: Path, data: Any) -> dict[str, str]:
        """What each agreement of the version before this plan said (`wat`), by its id."""
        version = _version(data)
        if version < 2:
            return {}
        for other in sorted(path.parent.iterdir()):
            if other == path or other.suffix not in YAML_SUFFIXES or kind_of(other) != "plan":
                continue
            try:
                contained(path.parent, other.name)
                before = self.checker.read(other, self.draft(other).text)[1]
            except (OutsideRoot, OSError, UnreadableFile):
                continue
            if not isinstance(before, dict) or _version(before) != version - 1:
                continue
            if not isinstance(before.get("afspraken"), list):
                continue
            return {
                str(a.get("id") or implicit_id(i)): str(a.get("wat") or "")
                for i, a in enumerate(before["afspraken"])
                if isinstance(a, dict)
            }
        return {}

    def page(
        self, kind: str, path: Path, *, concept: bool = False, follow_disk: bool = True
    ) -> Page:
        draft = self.draft(path, follow_disk=follow_disk)
        _, data = self.checker.read(path, draft.text)
        form = build_form(MODELS[kind], data, self.context(kind, path, data))
        if kind == "plan" and _version(data) < 2 and not _has(data, "terugblik"):
            # the terugblik is for version 2 and later; a version 1 that has one still shows it
            form.children = [c for c in form.children if c.name != "terugblik"]
        targets = field_names(form) | {r.name for r in repeats(form)}
        drafts = self.texts()
        drafts[path] = draft.text
        outcome = self.checker.check(kind, path, drafts, targets, concept=concept)
        if kind == "casus":
            outcome.findings[:0] = self.renamed_ids(path, draft, data)
        if outcome.checked is not None and not concept:
            self.last_good[path] = (outcome.checked, not outcome.printable)
        return Page(kind, path, draft, form, outcome, self.conflict(draft))


def _uses(data: Any, ident: str, at: str = "") -> list[str]:
    """Where `ident` is used as a reference (any value but an `id` of its own), by dotted path."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "id":
                found += _uses(value, ident, f"{at}.{key}" if at else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _uses(value, ident, f"{at}.{index}" if at else str(index))
    elif data == ident:
        found.append(at)
    return found


def _readable(place: str) -> str:
    """`afspraken.2.wie.0` → `afspraken 3 › wie`."""
    parts: list[str] = []
    steps = place.split(".")
    if steps[-1].isdigit():  # one of a list of names: the list is the place
        steps.pop()
    for part in steps:
        if part.isdigit():
            if parts and not parts[-1][-1:].isdigit():
                parts[-1] += f" {int(part) + 1}"
        else:
            parts.append(part.replace("_", " "))
    return " › ".join(parts)


def _renamed(path: Path, key: str, index: int, before: str, places: list[str]) -> Finding:
    shown = "; ".join(places[:8]) + (
        f" en nog {len(places) - 8} plaatsen" if len(places) > 8 else ""
    )
    message = (
        f"deze korte naam was '{before}', en '{before}' wordt nog gebruikt in {shown}. "
        f"Verander die plaatsen mee, of zet '{before}' terug"
    )
    diagnostic = Diagnostic(display_path(path), 1, 1, Severity.WARNING, "id-renamed", message)
    return Finding(diagnostic, f"{key}.{index}.id", True)


def _decode_file(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def _version(data: Any) -> int:
    value = data.get("versie") if isinstance(data, dict) else None
    try:
        return int(value) if value is not None else 1
    except (TypeError, ValueError):
        return 1


def _has(data: Any, key: str) -> bool:
    return isinstance(data, dict) and data.get(key) is not None


def _language_name(code: str) -> str:
    try:
        name = Locale("nl").languages.get(code)
    except Exception:
        name = None
    return f"{name} ({code})" if name else code
