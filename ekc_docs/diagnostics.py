"""Diagnostics as data: every problem found in the input is a value, never an exception.

Each diagnostic knows the file, line and column (1-based) it is about, a stable code from the
contract's table and a Dutch message that tells a coordinator what to do.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .elfproef import mask_bsn


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


SEVERITY_LABEL = {Severity.ERROR: "fout", Severity.WARNING: "waarschuwing"}

#: the stable codes of the contract's table (§5), for problems in the user's input
INPUT_CODES = frozenset(
    {
        "yaml-syntax",
        "yaml-alias",
        "yaml-tag",
        "file-encoding",
        "file-too-large",
        "file-not-found",
        "path-outside",
        "duplicate-key",
        "unknown-key",
        "missing-key",
        "invalid-value",
        "duplicate-id",
        "unknown-ref",
        "condition-not-met",
        "lead-is-professional",
        "date-order",
        "missing-approval",
        "not-approved",
        "bsn",
        "phone",
        "email",
        "url",
        "postcode",
        "late-conference",
        "late-review",
        "stale-entry",
        "not-fictional",
        "wrong-role",
        "placeholder",
        "comment-in-text",
        "unsupported-character",
        "review-incomplete",
    }
)

#: the tool's own failures (an extension of the contract): the input may be fine, but the
#: output cannot be made; they still end in a located Dutch message and exit status 1
TOOL_CODES = frozenset(
    {
        "write-failed",  # the output cannot be written (read-only folder, disk full, not allowed)
        "template-error",  # a template, stylesheet or catalogue string is broken
    }
)

#: no other codes are ever emitted
CODES = INPUT_CODES | TOOL_CODES


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem in one place."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def __post_init__(self) -> None:
        # a message may quote the user's value: never let it repeat a BSN (contract §7)
        object.__setattr__(self, "message", mask_bsn(self.message))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_text(self) -> str:
        label = SEVERITY_LABEL[self.severity]
        return f"{self.path}:{self.line}:{self.column}: {label}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


class EkcError(Exception):
    """Root of every exception the toolkit raises on purpose.

    Carries the diagnostics that explain it, so the edges (CLI, MkDocs plugin) can show them.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], summary: str = "") -> None:
        self.diagnostics = list(diagnostics)
        super().__init__(summary or "\n".join(d.as_text() for d in self.diagnostics))


def display_path(path: Path | str) -> str:
    """The path as the user knows it: relative to the working folder when it lies inside.

    Only the folder is resolved: a file that is a link keeps its own name in messages."""
    absolute = os.path.abspath(path)
    full = os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))
    here = _real_cwd(str(Path.cwd()))
    if full == here or full.startswith(here.rstrip(os.sep) + os.sep):
        return os.path.relpath(full, here)
    return str(path)


@functools.lru_cache(maxsize=8)
def _real_cwd(cwd: str) -> str:
    return os.path.realpath(cwd)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sort by file, then position, dropping exact repeats (a case checked for two plans)."""
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "".join(d.as_text() + "\n" for d in diagnostics)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


def summarize(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """A one-line Dutch summary for the end of a run."""
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    checked = f"{files} {'bestand' if files == 1 else 'bestanden'} gecontroleerd"
    if not diagnostics:
        return f"{checked}: geen problemen gevonden."
    parts = []
    if errors:
        parts.append(f"{errors} {'fout' if errors == 1 else 'fouten'}")
    if warnings:
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    return f"{checked}: {' en '.join(parts)}."
