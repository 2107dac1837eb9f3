"""Where the rules put their findings: a diagnostic at the key or value of a model path."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

from ..diagnostics import Diagnostic, Severity
from ..reader import Document, Loc, Node, locate


class Report:
    """Collects diagnostics about one document, placed by model path (`("personen", 2, "id")`)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.items: list[Diagnostic] = []

    def position(self, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        node, key, _ = locate(self.document.root, loc)
        target: Node | None = key if at_key and key is not None else node
        return (target.line, target.column) if target is not None else (1, 1)

    def add(
        self, loc: Loc, code: str, message: str, *, warning: bool = False, at_key: bool = False
    ) -> None:
        line, column = self.position(loc, at_key)
        severity = Severity.WARNING if warning else Severity.ERROR
        self.items.append(Diagnostic(self.document.display, line, column, severity, code, message))

    def add_at(self, node: Node, code: str, message: str, *, warning: bool = False) -> None:
        """A diagnostic at a node found by walking the tree (no model path needed)."""
        severity = Severity.WARNING if warning else Severity.ERROR
        self.items.append(
            Diagnostic(self.document.display, node.line, node.column, severity, code, message)
        )

    def check_ref(self, loc: Loc, value: str, known: Collection[str], what: str) -> bool:
        """`unknown-ref` when `value` is not among `known`; the message names what does exist."""
        if value in known:
            return True
        self.add(loc, "unknown-ref", unknown_ref_message(value, known, what))
        return False

    def check_unique(self, entries: Iterable[tuple[Loc, str]], what: str) -> None:
        """`duplicate-id` for every id after its first use."""
        seen: dict[str, Loc] = {}
        for loc, value in entries:
            if value in seen:
                line, _ = self.position(seen[value])
                self.add(
                    loc,
                    "duplicate-id",
                    f"de id '{value}' is al gebruikt voor {what} op regel {line}; "
                    "geef elke id een eigen naam",
                )
            else:
                seen[value] = loc


def unknown_ref_message(value: str, known: Collection[str], what: str) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = f"bedoelde je '{close[0]}'? " if close else ""
    listing = ", ".join(sorted(known)[:30]) if known else "geen"
    more = " …" if len(known) > 30 else ""
    return f"'{value}' is geen bekende {what}; {hint}bekend zijn: {listing}{more}"
