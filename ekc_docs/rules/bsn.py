"""No BSN in any file: every 9-digit number that passes the 11-proef is refused."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Severity
from ..reader import Document, Mapping, Node, Scalar, Sequence

# nine digits on their own, or written in the usual groups (1234.56.782, 123 456 782)
_CANDIDATE = re.compile(
    r"(?<![\d.\-])(?<!\+31 )(\d{4}[. ]\d{2}[. ]\d{3}|\d{3}[. ]\d{3}[. ]\d{3}|\d{9})(?![\d])"
)


def passes_elfproef(digits: str) -> bool:
    """The 11-proef for a BSN: weights 9..2 and -1, sum divisible by 11, not all zeros."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def find_bsn(text: str) -> str | None:
    for match in _CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if passes_elfproef(digits):
            return match.group()
    return None


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
