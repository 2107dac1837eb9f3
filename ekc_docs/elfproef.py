"""The 11-proef of the Dutch citizen service number (BSN), shared by the rules and the messages.

It sits below every other module, so that diagnostics themselves can mask a BSN: no rule can
forget to, and no message ever repeats one (contract §7).
"""

from __future__ import annotations

import re

#: nine digits on their own, or written in the usual groups (1234.56.782, 123 456 782)
CANDIDATE = re.compile(
    r"(?<![\d.\-])(?<!\+31 )(\d{4}[. ]\d{2}[. ]\d{3}|\d{3}[. ]\d{3}[. ]\d{3}|\d{9})(?![\d])"
)
#: what a BSN is replaced with in every message
MASK = "[bsn]"
#: a cheap test that finds every candidate (and more), to skip the slow pattern in most texts
_MAYBE = re.compile(r"\d[\d. ]{7,9}\d")


def passes_elfproef(digits: str) -> bool:
    """The 11-proef for a BSN: weights 9..2 and -1, sum divisible by 11, not all zeros."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _digits(text: str) -> str:
    return text.replace(" ", "").replace(".", "")


def find_bsn(text: str) -> str | None:
    """The first number in `text` that passes the 11-proef, as written there."""
    for match in CANDIDATE.finditer(text):
        if passes_elfproef(_digits(match.group())):
            return match.group()
    return None


def mask_bsn(text: str) -> str:
    """`text` with every number that passes the 11-proef replaced by [bsn]."""
    if len(text) < 9 or not _MAYBE.search(text):
        return text
    return CANDIDATE.sub(lambda m: MASK if passes_elfproef(_digits(m.group())) else m.group(), text)
