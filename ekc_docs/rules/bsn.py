"""No BSN in any file: every 9-digit number that passes the 11-proef is refused."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Severity
from ..elfproef import find_bsn, passes_elfproef
from ..reader import Document, Mapping, Node, Scalar, Sequence

__all__ = ["check_bsn", "find_bsn", "passes_elfproef"]


def check_bsn(document: Document) -> list[Diagnostic]:
    """Look at every value (not the keys) of the file, without recursion."""
    found: list[Diagnostic] = []
    stack: list[Node] = [document.root] if document.root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            stack.extend(value for _, value in node.items)
        elif isinstance(node, Sequence):
            stack.extend(node.items)
        elif isinstance(node, Scalar) and len(node.value) >= 9 and (number := find_bsn(node.value)):
            found.append(
                Diagnostic(
                    document.display,
                    node.line,
                    node.column,
                    Severity.ERROR,
                    "bsn",
                    f"hier staat een burgerservicenummer ({_mask(number)}); een BSN hoort nooit in "
                    "een plan of casus: haal het weg",
                )
            )
    return found


def _mask(number: str) -> str:
    """Never print the whole number back: the output may end up in a CI log."""
    return "•" * (len(number) - 3) + number[-3:]
